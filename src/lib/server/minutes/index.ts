/** minutes.render: the one call an endpoint needs to hand out the minutes in a format and language. */
import type { Locale } from '../../domain/types';
import type { Db } from '../db/database';
import { renderJson } from './json';
import { renderMarkdown } from './markdown';
import { buildMinutes, type Minutes } from './model';

export type MinutesFormat = 'md' | 'json';

const FORMATS: Record<MinutesFormat, { contentType: string; render: (minutes: Minutes) => string }> = {
	md: { contentType: 'text/markdown; charset=utf-8', render: renderMarkdown },
	json: { contentType: 'application/json', render: renderJson }
};

export interface RenderedMinutes {
	body: string;
	contentType: string;
	/** notulen-<code>-<lang>.<format>: the code tells sessions apart in a downloads folder. */
	filename: string;
}

export function render(db: Db, sessionId: string, format: MinutesFormat, lang: Locale): RenderedMinutes {
	const minutes = buildMinutes(db, sessionId, lang);
	const { contentType, render } = FORMATS[format];
	return { body: render(minutes), contentType, filename: `notulen-${minutes.session.code}-${lang}.${format}` };
}

/** minutes.render: the one call an endpoint needs to hand out the minutes in a format and language. */
import type { Locale } from '../../domain/types';
import type { Db } from '../db/database';
import { renderCsv } from './csv';
import { renderDocx } from './docx';
import { renderJson } from './json';
import { renderMarkdown } from './markdown';
import { buildMinutes, type Minutes } from './model';
import type { Paper } from './paper';
import { renderXlsx } from './xlsx';

export type MinutesFormat = 'md' | 'json' | 'csv' | 'xlsx' | 'docx';

export type { Paper } from './paper';

export interface RenderOptions {
	paper?: Paper;
}

type Renderer = (minutes: Minutes, options: RenderOptions) => string | Buffer | Promise<Buffer>;

const FORMATS: Record<MinutesFormat, { contentType: string; render: Renderer }> = {
	md: { contentType: 'text/markdown; charset=utf-8', render: renderMarkdown },
	json: { contentType: 'application/json', render: renderJson },
	csv: { contentType: 'text/csv; charset=utf-8', render: renderCsv },
	xlsx: { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', render: renderXlsx },
	docx: { contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', render: renderDocx }
};

export interface RenderedMinutes {
	/** Text for md, json and csv; bytes for the office formats. */
	body: string | Buffer;
	contentType: string;
	/** notulen-<code>-<lang>.<format>: the code tells sessions apart in a downloads folder. */
	filename: string;
}

export async function render(
	db: Db,
	sessionId: string,
	format: MinutesFormat,
	lang: Locale,
	options: RenderOptions = {}
): Promise<RenderedMinutes> {
	const minutes = buildMinutes(db, sessionId, lang);
	const { contentType, render } = FORMATS[format];
	const body = await render(minutes, options);
	return { body, contentType, filename: `notulen-${minutes.session.code}-${lang}.${format}` };
}

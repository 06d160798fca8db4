/** minutes.render: the one call an endpoint needs to hand out the minutes in a format and language. */
import type { Locale } from '../../domain/types';
import type { CsvDialect } from '../../realtime/schemas';
import type { Db } from '../db/database';
import { renderCsv } from './csv';
import { renderDocx } from './docx';
import { renderJson } from './json';
import { renderMarkdown } from './markdown';
import { buildMinutes, type Minutes } from './model';
import { renderPdf } from './pdf';
import type { Paper } from './paper';
import { summarize } from './summary';
import { renderXlsx } from './xlsx';

export type MinutesFormat = 'md' | 'json' | 'pdf' | 'docx' | 'xlsx' | 'csv';
export type { Paper } from './paper';

export interface RenderOptions {
	/** Paper for the printable formats; the text formats ignore it. */
	paper?: Paper;
	/** Dialect of the CSV (`excel` unless asked); the other formats ignore it. */
	csv?: CsvDialect;
}

type Renderer = (minutes: Minutes, options: RenderOptions) => string | Uint8Array | Promise<string | Uint8Array>;

interface Format {
	contentType: string;
	render: Renderer;
	/** Added to the file name when the options make another file of the same format, e.g. `-excel`. */
	variant?: (options: RenderOptions) => string;
}

const FORMATS: Record<MinutesFormat, Format> = {
	md: { contentType: 'text/markdown; charset=utf-8', render: renderMarkdown },
	json: { contentType: 'application/json', render: renderJson },
	pdf: { contentType: 'application/pdf', render: (minutes, { paper }) => renderPdf(minutes, paper) },
	csv: {
		contentType: 'text/csv; charset=utf-8',
		render: (minutes, { csv }) => renderCsv(minutes, csv),
		variant: ({ csv = 'excel' }) => `-${csv}`
	},
	xlsx: { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', render: renderXlsx },
	docx: { contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', render: renderDocx }
};

export interface RenderedMinutes {
	/** Text for md, json and csv; bytes for pdf and the office formats. */
	body: string | Uint8Array;
	contentType: string;
	/** notulen-<code>-<lang>[-<variant>].<format>: the code tells sessions apart in a downloads folder. */
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
	const { contentType, render, variant } = FORMATS[format];
	const filename = `notulen-${minutes.session.code}-${lang}${variant?.(options) ?? ''}.${format}`;
	return { body: await render(minutes, options), contentType, filename };
}

/** minutes.summary: the top-line text for a chat message, in the asked language. */
export function summary(db: Db, sessionId: string, lang: Locale): string {
	return summarize(buildMinutes(db, sessionId, lang));
}

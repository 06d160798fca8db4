/** minutes.render: the one call an endpoint needs to hand out the minutes in a format and language. */
import type { Locale } from '../../domain/types';
import type { Db } from '../db/database';
import * as photos from '../photos';
import { renderCsv } from './csv';
import { renderDocx } from './docx';
import { renderJson } from './json';
import { renderMarkdown } from './markdown';
import { buildMinutes, type Minutes, type PhotoBytes } from './model';
import { renderPdf } from './pdf';
import type { Paper } from './paper';
import { summarize } from './summary';
import { renderXlsx } from './xlsx';

export type MinutesFormat = 'md' | 'json' | 'pdf' | 'docx' | 'xlsx' | 'csv';
export type { Paper } from './paper';

export interface RenderOptions {
	/** Paper for the printable formats; the text formats ignore it. */
	paper?: Paper;
	/** The dokumentasi's JPEGs, for the formats that print them. */
	photos?: PhotoBytes;
}

type Renderer = (minutes: Minutes, options: RenderOptions) => string | Uint8Array | Promise<string | Uint8Array>;

const FORMATS: Record<MinutesFormat, { contentType: string; render: Renderer }> = {
	md: { contentType: 'text/markdown; charset=utf-8', render: renderMarkdown },
	json: { contentType: 'application/json', render: renderJson },
	pdf: { contentType: 'application/pdf', render: (minutes, { paper, photos }) => renderPdf(minutes, paper, photos) },
	csv: { contentType: 'text/csv; charset=utf-8', render: renderCsv },
	xlsx: { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', render: renderXlsx },
	docx: { contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', render: renderDocx }
};

export interface RenderedMinutes {
	/** Text for md, json and csv; bytes for pdf and the office formats. */
	body: string | Uint8Array;
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
	// Read one at a time as the renderer reaches each photo, never all of them up front.
	const images: PhotoBytes = (photoId) => photos.jpeg(db, sessionId, photoId);
	const body = await render(minutes, { photos: images, ...options });
	return { body, contentType, filename: `notulen-${minutes.session.code}-${lang}.${format}` };
}

/** minutes.summary: the top-line text for a chat message, in the asked language. */
export function summary(db: Db, sessionId: string, lang: Locale): string {
	return summarize(buildMinutes(db, sessionId, lang));
}

/** minutes.render: the one call an endpoint needs to hand out the minutes in a format and language. */
import { MINUTES_FORMATS, minutesFilename, type CsvDialect, type MinutesFormat, type Paper } from '../../domain/minutes-formats';
import type { Locale } from '../../domain/types';
import type { Database } from '../db/store';
import * as photos from '../photos';
import { renderCsv } from './csv';
import { renderDocx } from './docx';
import { renderJson } from './json';
import { renderMarkdown } from './markdown';
import { buildMinutes, type Minutes, type PhotoBytes } from './model';
import { renderPdf } from './pdf';
import { summarize } from './summary';
import { renderXlsx } from './xlsx';

export type { MinutesFormat, Paper } from '../../domain/minutes-formats';

export interface RenderOptions {
	/** Paper for the printable formats; the text formats ignore it. */
	paper?: Paper;
	/** Dialect of the CSV (`excel` unless asked); the other formats ignore it. */
	csv?: CsvDialect;
	/** The dokumentasi's JPEGs, for the formats that print them. */
	photos?: PhotoBytes;
}

type Renderer = (minutes: Minutes, options: RenderOptions) => string | Uint8Array | Promise<string | Uint8Array>;

/** One renderer per format of the shared list: a format added there without one here fails type-checking. */
const RENDERERS: Record<MinutesFormat, Renderer> = {
	md: renderMarkdown,
	json: renderJson,
	pdf: (minutes, { paper, photos }) => renderPdf(minutes, paper, photos),
	csv: (minutes, { csv }) => renderCsv(minutes, csv),
	xlsx: renderXlsx,
	docx: renderDocx
};

export interface RenderedMinutes {
	/** Text for md, json and csv; bytes for pdf and the office formats. */
	body: string | Uint8Array;
	contentType: string;
	/** From `minutesFilename`, the name the browser saves it under too. */
	filename: string;
}

export async function render(
	db: Database,
	sessionId: string,
	format: MinutesFormat,
	lang: Locale,
	options: RenderOptions = {}
): Promise<RenderedMinutes> {
	const minutes = await buildMinutes(db, sessionId, lang);
	const images = MINUTES_FORMATS[format].paper ? await photoBytes(db, sessionId, minutes) : undefined;
	return {
		body: await RENDERERS[format](minutes, { photos: images, ...options }),
		contentType: MINUTES_FORMATS[format].contentType,
		filename: minutesFilename(minutes.session.code, { format, lang, paper: options.paper, csv: options.csv })
	};
}

/**
 * The dokumentasi's JPEGs, for the printable formats, whose renderers place each photo as they
 * reach it (synchronously). Read one after another, ahead: at most MAX_PHOTOS (30) of 150–400 KB,
 * which the rendered file carries in full anyway.
 */
export async function photoBytes(db: Database, sessionId: string, minutes: Minutes): Promise<PhotoBytes> {
	const bytes = new Map<string, Buffer>();
	for (const photo of minutes.documentation) {
		const jpeg = await photos.jpeg(db, sessionId, photo.id);
		if (jpeg) bytes.set(photo.id, jpeg);
	}
	return (photoId) => bytes.get(photoId);
}

/** minutes.summary: the top-line text for a chat message, in the asked language. */
export async function summary(db: Database, sessionId: string, lang: Locale): Promise<string> {
	return summarize(await buildMinutes(db, sessionId, lang));
}

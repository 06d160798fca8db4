/**
 * DejaVu Sans, embedded in every PDF: it covers Indonesian text and the dashes, quotes and
 * "Rp" amounts the minutes print, which pdfkit's built-in Helvetica (WinAnsi only) does not
 * promise. Resolved through Node at run time, so the same call works from the sources, the
 * tests and the bundled server in build/, which keeps node_modules external.
 */
import { createRequire } from 'node:module';
import type PDFDocument from 'pdfkit';

const require = createRequire(import.meta.url);

export const FONTS = {
	regular: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
	bold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
	/** For the wide tables (action plan, matrix): more characters to the line at the same size. */
	condensed: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSansCondensed.ttf'),
	condensedBold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSansCondensed-Bold.ttf')
} as const;

export type FontName = keyof typeof FONTS;

type Doc = InstanceType<typeof PDFDocument>;

/**
 * What a face has worked out so far, kept for every document the process makes:
 *
 * - `shaped`: pdfkit shapes each word (each run of text up to and including a space) with
 *   fontkit and keeps the result in the font's `layoutCache`, but one cache per document, so a
 *   large notulen shaped every word again each time it was made. Shaping depends only on the
 *   face and the word, and pdfkit only reads a run once it is cached, so one cache per face
 *   serves every document. If a pdfkit version keeps no such cache, documents keep their own.
 * - `widths`: the width of such a word per point of font size, to add up a line's width
 *   without going through pdfkit's character-by-character split.
 *
 * Each is dropped once it holds more than `LIMIT` words, so a long-running server stays small.
 */
interface FaceCache {
	shaped: Record<string, unknown>;
	widths: Map<string, number>;
}

const LIMIT = 20_000;
const caches = new Map<FontName, FaceCache>();

function cacheOf(name: FontName): FaceCache {
	let cache = caches.get(name);
	if (!cache || cache.widths.size > LIMIT || Object.keys(cache.shaped).length > LIMIT) {
		cache = { shaped: Object.create(null), widths: new Map() };
		caches.set(name, cache);
	}
	return cache;
}

/** A new document starts: caches that grew past their limit are dropped here, not in the middle of one. */
export function trimFontCaches() {
	for (const name of caches.keys()) cacheOf(name);
}

/** Sets the face and size, sharing the face's shaped words with earlier documents. */
export function useFont(doc: Doc, name: FontName, size: number) {
	doc.font(FONTS[name]).fontSize(size);
	const font = (doc as unknown as { _font?: { layoutCache?: Record<string, unknown> } })._font;
	if (font?.layoutCache) font.layoutCache = caches.get(name)?.shaped ?? cacheOf(name).shaped;
	return doc;
}

/**
 * The width of `text` in face `name` (the current font of `doc`) at `size`: pdfkit's own figure,
 * word by word, to within rounding. For deciding whether a text fits, not for placing glyphs.
 */
export function widthOf(doc: Doc, name: FontName, size: number, text: string): number {
	const widths = (caches.get(name) ?? cacheOf(name)).widths;
	let total = 0;
	let start = 0;
	while (start < text.length) {
		const space = text.indexOf(' ', start);
		const end = space === -1 ? text.length : space + 1;
		const word = text.slice(start, end);
		let width = widths.get(word);
		if (width === undefined) {
			width = doc.widthOfString(word) / size;
			widths.set(word, width);
		}
		total += width;
		start = end;
	}
	return total * size;
}

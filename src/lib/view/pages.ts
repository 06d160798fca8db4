/**
 * The projector's board laid out for the wall: a type size and pages such that every post is
 * shown, each page fitting the screen without scrolling. Heights are estimated from text
 * length (the projector cannot scroll, and measuring after drawing would make the page jump),
 * on the safe side: an average glyph is taken wider than system sans-serif's. Pure.
 */

/** A post, or a theme heading inside a column. */
export interface Entry {
	heading: boolean;
	text: string;
	/** Who wrote it, printed under the post in smaller type; absent for headings. */
	byline?: string;
	/** Lines of smaller type under the post (e.g. "Tertaut: 2"). */
	extraLines?: number;
}

export interface Area {
	width: number;
	height: number;
}

/** Indices into one column's entries; a heading may open a page again ("continued"). */
export type Slice = number[];

export interface BoardPlan {
	/** Post text size in px (the bylines and headings follow it). */
	fontPx: number;
	/** pages[p][c]: what column c shows on page p. Always at least one page. */
	pages: Slice[][];
}

/** Post text sizes tried, largest first; 28 px at 1080p is what the back of a hall still reads. */
export const FONT_SIZES = [40, 36, 32, 28] as const;
export const MIN_FONT_PX = 28;
export const COLUMN_GAP_PX = 16;
/** The smaller type of bylines and notes: never under 20 px. */
export const smallPx = (fontPx: number) => Math.max(20, Math.round(fontPx * 0.72));

const LINE = 1.3;
/** Wider than system-ui's average glyph (about 0.5 em), so a line estimate errs towards too many. */
const GLYPH_EM = 0.56;

/** Lines a text takes in a box of `width` px at `px` type, wrapping at words. */
export function lines(text: string, px: number, width: number): number {
	const perLine = Math.max(1, Math.floor(width / (px * GLYPH_EM)));
	let count = 1;
	let used = 0;
	for (const word of text.split(/\s+/).filter(Boolean)) {
		const length = Math.min(word.length, perLine);
		if (used > 0 && used + 1 + length > perLine) {
			count++;
			used = length;
		} else used += (used > 0 ? 1 : 0) + length;
		count += Math.floor((word.length - 1) / perLine);
	}
	return count;
}

/** Box sizes in em of the post text, kept in step with PagedBoard's styles. */
export const BOX = {
	/** The column's padding on each side. */
	columnPad: 0.45,
	/** The card's padding: vertical, horizontal. */
	cardPadY: 0.4,
	cardPadX: 0.55,
	/** Space between cards. */
	gap: 0.3,
	/** The column's own title (kind and count). */
	title: 2.2,
	/** Space above and below a theme heading. */
	headingSpace: 0.7
};

export function columnWidth(area: Area, columns: number): number {
	return (area.width - COLUMN_GAP_PX * (columns - 1)) / Math.max(1, columns);
}

/** The height of an entry in px, drawn in a column `width` px wide at post text `px`. */
export function entryHeight(entry: Entry, px: number, width: number): number {
	const inner = width - 2 * BOX.columnPad * px;
	if (entry.heading) return lines(entry.text, px * 1.05, inner) * px * 1.05 * 1.2 + BOX.headingSpace * px;
	const textWidth = inner - 2 * BOX.cardPadX * px - 2;
	const small = smallPx(px);
	const bylineLines = entry.byline ? lines(entry.byline, small, textWidth) : 0;
	const below = (bylineLines + (entry.extraLines ?? 0)) * small * LINE + (bylineLines ? 0.25 * px : 0);
	return lines(entry.text, px, textWidth) * px * LINE + below + 2 * BOX.cardPadY * px + 2 + BOX.gap * px;
}

/**
 * Splits one column into pages of at most `room` px. A heading never ends a page; a page that
 * starts inside a theme opens with that theme's heading again. A post taller than a page gets
 * a page of its own (the type size chosen avoids this where it can).
 */
export function splitColumn(entries: Entry[], heights: number[], room: number): Slice[] {
	const pages: Slice[] = [];
	let page: Slice = [];
	let used = 0;
	let heading = -1;
	entries.forEach((entry, index) => {
		const need = heights[index] + (entry.heading ? heights[index + 1] ?? 0 : 0);
		const onlyHeadings = page.every((i) => entries[i].heading);
		if (used + need > room && !onlyHeadings) {
			pages.push(page);
			page = [];
			used = 0;
			if (!entry.heading && heading !== -1) {
				page.push(heading);
				used += heights[heading];
			}
		}
		if (entry.heading) heading = index;
		page.push(index);
		used += heights[index];
	});
	if (page.length > 0 || pages.length === 0) pages.push(page);
	return pages;
}

function planAt(columns: Entry[][], area: Area, px: number): Slice[][] {
	const width = columnWidth(area, columns.length);
	const room = area.height - BOX.title * px - 2 * BOX.columnPad * px;
	const split = columns.map((entries) =>
		splitColumn(
			entries,
			entries.map((e) => entryHeight(e, px, width)),
			room
		)
	);
	const count = Math.max(1, ...split.map((s) => s.length));
	return Array.from({ length: count }, (_, p) => split.map((s) => s[p] ?? []));
}

/** The largest type that shows everything in the fewest pages. */
export function planBoard(columns: Entry[][], area: Area): BoardPlan {
	let best: BoardPlan | null = null;
	for (const fontPx of FONT_SIZES) {
		const pages = planAt(columns, area, fontPx);
		if (!best || pages.length < best.pages.length) best = { fontPx, pages };
	}
	return best!;
}

/** How long a page stays up: time to read it, between 10 and 20 seconds. */
export function pageSeconds(characters: number): number {
	return Math.min(20, Math.max(10, Math.round(5 + characters / 50)));
}

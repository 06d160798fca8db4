/**
 * Column widths from what the cells hold: every column is at least as wide as its longest word
 * at the size it is set in, so no word is broken mid-syllable; when the page is too narrow for
 * that, the longest words are hyphenated at syllable points (hyphenate.ts) and the column is at
 * least as wide as the widest piece and its hyphen. Whatever room is left is shared by weight.
 */
import { SOFT_HYPHEN, breakPoints, hyphenate, pieces } from './hyphenate';

/** Width of a text in points at the table's size; `bold` for the header row. */
export type Measure = (text: string, bold: boolean) => number;

export interface FitInput {
	/** The table's width in points. */
	total: number;
	/** Left plus right padding of a cell, in points. */
	padding: number;
	/** How the remaining room is shared; relative. */
	weights: number[];
	header: string[];
	rows: string[][];
	measure: Measure;
}

export interface Fitted {
	/** Column widths in points, adding up to `total`. */
	widths: number[];
	header: string[];
	/** The cells, with soft hyphens in the words too wide for their column. */
	rows: string[][];
}

const words = (text: string) => text.split(/\s+/).filter(Boolean);

/** Widest whole word and widest hyphenated piece of each column. */
function needs(input: FitInput): { whole: number[]; piece: number[] } {
	const { header, rows, measure } = input;
	const hyphen = measure('-', false);
	const whole = header.map(() => 0);
	const piece = header.map(() => 0);
	const see = (text: string, col: number, bold: boolean) => {
		for (const word of words(text)) {
			whole[col] = Math.max(whole[col], measure(word, bold));
			const parts = pieces(word);
			parts.forEach((part, i) => {
				// A renderer may count the soft hyphen's own glyph as well as the hyphen it sets.
				const last = i === parts.length - 1;
				piece[col] = Math.max(piece[col], last ? measure(part, bold) : measure(part + SOFT_HYPHEN, bold) + hyphen);
			});
		}
	};
	header.forEach((text, col) => see(text, col, true));
	for (const row of rows) row.forEach((text, col) => see(text, col, false));
	return { whole, piece };
}

/**
 * The least each column may get: its longest word, or, when those do not all fit, each column
 * capped at one common level but never below its widest piece (the longest words give way first).
 */
function floors(whole: number[], piece: number[], room: number): number[] {
	const at = (level: number) => whole.map((w, i) => Math.max(piece[i], Math.min(w, level)));
	const sum = (list: number[]) => list.reduce((a, b) => a + b, 0);
	if (sum(whole) <= room) return whole;
	let [low, high] = [0, Math.max(...whole)];
	for (let step = 0; step < 40; step++) {
		const mid = (low + high) / 2;
		if (sum(at(mid)) <= room) low = mid;
		else high = mid;
	}
	return at(low);
}

/** Widths by weight, no column below its floor; if the floors overflow, they are scaled down. */
function share(floor: number[], weights: number[], total: number): number[] {
	const fixed = new Set<number>();
	for (;;) {
		const left = total - [...fixed].reduce((a, i) => a + floor[i], 0);
		const weight = weights.reduce((a, w, i) => a + (fixed.has(i) ? 0 : w), 0);
		const widths = weights.map((w, i) => (fixed.has(i) ? floor[i] : (left * w) / weight));
		const short = widths.findIndex((w, i) => !fixed.has(i) && w < floor[i]);
		if (short === -1 && left >= 0) return widths;
		if (short === -1 || fixed.size === weights.length - 1) {
			const sum = floor.reduce((a, b) => a + b, 0);
			return floor.map((f) => (f * total) / sum);
		}
		// Fix every column below its floor at once, then share again.
		widths.forEach((w, i) => !fixed.has(i) && w < floor[i] && fixed.add(i));
	}
}

/** `text` with soft hyphens in each word wider than `width`. */
function breakable(text: string, width: number, bold: boolean, measure: Measure): string {
	return text.replace(/\S+/g, (word) => (breakPoints(word).length && measure(word, bold) > width ? hyphenate(word) : word));
}

export function fitColumns(input: FitInput): Fitted {
	const { total, padding, weights, measure } = input;
	const { whole, piece } = needs(input);
	// A hair of room for rounding and for renderers that measure a little differently.
	const slack = 0.5;
	const floor = floors(
		whole.map((w) => w + padding + slack),
		piece.map((w) => w + padding + slack),
		total
	);
	const widths = share(floor, weights, total);
	const inner = widths.map((w) => w - padding - slack);
	return {
		widths,
		header: input.header.map((text, col) => breakable(text, inner[col], true, measure)),
		rows: input.rows.map((row) => row.map((text, col) => breakable(text, inner[col], false, measure)))
	};
}

export { SOFT_HYPHEN };

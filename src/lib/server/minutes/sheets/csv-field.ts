/**
 * One CSV field, safe in Excel and LibreOffice whichever separator they read it with.
 *
 * Spreadsheets run a cell that starts like a formula (`=`, `+`, `-`, `@`, tab or carriage
 * return), e.g. `=HYPERLINK(…)` leaking data. A leading single quote makes such a cell plain
 * text. Guarding only the start of each field is not enough: the same file is opened with `;`
 * (Excel set to Indonesian) or `,` (most other setups), and a reader using the other separator
 * splits a field wherever that character occurs. `Biaya naik;=2+3;` is one quoted field to a
 * comma reader but three cells, one of them `=2+3`, to a semicolon reader. So every part of a
 * field that a reader may split off (after `,`, `;` or a line break) is guarded as well.
 */

/** Where any reader may start a new cell inside a field: either separator or a line break. */
const SPLIT = /\r\n|[,;\r\n]/;

/** A cell a spreadsheet would run: tab or CR first, or a formula sign after any blanks (some readers trim). */
const FORMULA = /^(?:[\t\r]|\s*[=+\-@])/;

/**
 * A split-off part that also needs the quote: one starting with `"`, which would open a quoted
 * cell in the other reader, and an empty last part, where that reader would read on into the
 * field's closing quote and whatever follows it in the file. Guarded so, a reader that splits
 * inside a field never enters a quoted cell, and each cell it makes is the plain text that
 * follows a separator or a line break.
 */
const UNSAFE_PART = /^(?:"|$)/;

/** The text with a `'` before the field and before each part a reader could split off, where that part would be unsafe. */
export function guardText(text: string): string {
	let out = FORMULA.test(text) ? "'" : '';
	let rest = text;
	for (let split = SPLIT.exec(rest); split; split = SPLIT.exec(rest)) {
		out += rest.slice(0, split.index + split[0].length);
		rest = rest.slice(split.index + split[0].length);
		if (FORMULA.test(rest) || UNSAFE_PART.test(rest)) out += "'";
	}
	return out + rest;
}

/** Quoted when it holds either separator, a quote or a line break, so the reader it is written for keeps it whole. */
const NEEDS_QUOTES = /[",;\r\n]/;

export function csvField(value: string): string {
	const safe = guardText(value);
	return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * Spreadsheet safety shared by the XLSX and CSV minutes: a cell a participant typed that starts
 * like a formula (`=`, `+`, `-`, `@`, tab or carriage return) would run in Excel or LibreOffice,
 * e.g. `=HYPERLINK(…)` leaking data. A leading single quote makes it plain text there.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutralise(text: string): string {
	return FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * The contributions as CSV, in two dialects:
 * - `excel`: what Excel set to Indonesian opens with a double click. Its list separator is `;`
 *   (the decimal comma takes `,`), so a comma file lands whole in column A there. UTF-8 with a
 *   byte-order mark, since without it Excel reads the text as Windows-1252. No `sep=;` first
 *   line: Excel then ignores the BOM and garbles the text, and LibreOffice shows the line as data.
 * - `rfc4180`: the standard for tools (scripts, databases, other spreadsheets): `,`, plain UTF-8.
 * Both use CRLF rows and RFC 4180 quoting, and every field is guarded against formula injection
 * for either separator (./sheets/csv-field).
 */
import type { CsvDialect } from '../../domain/minutes-formats';
import { kindLabels } from './labels';
import type { Minutes } from './model';
import { csvField } from './sheets/csv-field';
import { SHEET_WORDS } from './sheets/words';

export const CSV_DIALECT_SHAPES: Record<CsvDialect, { separator: string; bom: string }> = {
	excel: { separator: ';', bom: '\uFEFF' },
	rfc4180: { separator: ',', bom: '' }
};

export function renderCsv(minutes: Minutes, dialect: CsvDialect = 'excel'): string {
	const { separator, bom } = CSV_DIALECT_SHAPES[dialect];
	const words = SHEET_WORDS[minutes.lang];
	const kinds = kindLabels(minutes);
	const themes = new Map(minutes.themes.map((t) => [t.id, t.name]));
	const [no, kind, theme, text, by, group, votes, supported] = words.items;
	const rows = [[no, kind, theme, text, by, group, votes, supported]];
	minutes.items.forEach((item, i) => {
		rows.push([
			String(i + 1),
			kinds.get(item.kind) ?? item.kind,
			(item.themeId && themes.get(item.themeId)) || '',
			item.text,
			item.author?.name ?? words.anonymous,
			item.author?.groupLabel ?? '',
			item.votes === null ? '' : String(item.votes),
			// Participants who added their support (+1): "didukung N peserta" on the board and in print.
			String(item.supporters)
		]);
	});
	return bom + rows.map((r) => r.map(csvField).join(separator)).join('\r\n') + '\r\n';
}

/**
 * The contributions as CSV, for a quick look in Excel or a pivot table: UTF-8 with a byte-order
 * mark (without it Excel reads Indonesian text as Windows-1252), CRLF rows, RFC 4180 quoting,
 * and every cell guarded against formula injection.
 */
import { neutralise } from './cells';
import { kindLabels } from './labels';
import type { Minutes } from './model';
import { SHEET_WORDS } from './sheets/words';

export function renderCsv(minutes: Minutes): string {
	const words = SHEET_WORDS[minutes.lang];
	const kinds = kindLabels(minutes);
	const themes = new Map(minutes.themes.map((t) => [t.id, t.name]));
	const [no, kind, theme, text, by, group, votes] = words.items;
	const rows = [[no, kind, theme, text, by, group, votes]];
	minutes.items.forEach((item, i) => {
		rows.push([
			String(i + 1),
			kinds.get(item.kind) ?? item.kind,
			(item.themeId && themes.get(item.themeId)) || '',
			item.text,
			item.author?.name ?? words.anonymous,
			item.author?.groupLabel ?? '',
			item.votes === null ? '' : String(item.votes)
		]);
	});
	return '\uFEFF' + rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

function csvCell(value: string): string {
	const safe = neutralise(value);
	return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

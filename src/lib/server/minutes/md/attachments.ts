/** The Markdown daftar hadir, dokumentasi and lampiran list (see ../attendance-table for the columns). */
import { attendanceTable, sexCountsLine } from '../attendance-table';
import type { Minutes } from '../model';
import { cell, escapeMarkdown, placeholder, row, tableHead } from './blocks';
import type { Words } from './words';

/** The counts by L/P when collected, then the list; a placeholder when nobody attended. */
export function attendanceBlock({ attendance }: Minutes, words: Words): string[] {
	if (!attendance.participants.length) return [placeholder(words.noPeople)];
	const table = attendanceTable(attendance, words);
	const align = table.columns.map((c) => (c === 'no' ? 'r' : 'l')).join('');
	const counts = sexCountsLine(attendance, words);
	// The signature cell stays empty, for the pen; every other empty cell gets "–".
	const body = table.rows.map((cells) => row(cells.map((text, i) => (table.columns[i] === 'signature' ? '' : cell(text)))));
	return [...(counts ? [escapeMarkdown(counts), ''] : []), ...tableHead(table.header, align), ...body];
}

/** Markdown cannot carry the images: it lists them by number and caption, as the PDF and DOCX caption them. */
export function documentationBlock({ documentation }: Minutes, words: Words): string[] {
	if (!documentation.length) return [];
	return ['', `### ${words.headings.documentation}`, '', ...documentation.map((p) => `- ${escapeMarkdown(words.photo(p.no, p.caption))}`)];
}

/** "Lampiran:" and what is attached, below the signatures. */
export function attachmentsSection({ attachments }: Minutes, words: Words): string[] {
	return [words.attachmentsTitle, '', ...attachments.map((a, i) => `${i + 1}. ${escapeMarkdown(words.attachment[a.key](a.count))}`)];
}

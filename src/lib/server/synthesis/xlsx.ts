/**
 * The synthesis as a workbook, for organizers who re-sort and chart: issues with numbers as
 * numbers, every contribution with its issue, the region × group matrices, the combined action
 * plan and the FGDs. Sheets are made as the minutes' workbook makes them (minutes/xlsx addSheet).
 */
import ExcelJS from 'exceljs';
import { addSheet, type Cell, type Table } from '../minutes/xlsx';
import type { Synthesis } from './model';
import { SYNTHESIS_WORDS } from './words';

export async function renderSynthesisXlsx(s: Synthesis): Promise<Buffer> {
	const w = SYNTHESIS_WORDS[s.lang];
	const book = new ExcelJS.Workbook();
	book.creator = 'Rembuk';
	book.created = new Date(s.generatedAt);
	const regionOf = new Map(s.sessions.map((x) => [x.id, x.region.name]));
	const textOf = new Map(s.issues.flatMap((i) => i.items.map((x) => [x.id, x.text] as const)));
	const skipped = new Set(s.skippedEdits.map((e) => e.id));
	const origin = (i: Synthesis['issues'][number]) =>
		i.origin === 'hand' ? `${w.origin.hand}${i.editedBy.length ? ` (${i.editedBy.map((op) => w.ops[op]).join(', ')})` : ''}` : w.origin.auto;
	const sheets: Table[] = [
		{
			name: w.sheets.issues,
			header: w.issueTable,
			widths: [6, 50, 14, 30, 36, 9, 9, 9, 18],
			rows: s.issues.map((i): Cell[] => [i.no, i.name, i.kindLabel, i.regions.map((r) => r.short).join('; '), i.groups.join(', '), i.people, i.votes, i.score, origin(i)]),
			formats: { 7: '0.0' }
		},
		{
			name: w.sheets.items,
			header: w.itemTable,
			widths: [8, 20, 60, 30, 8],
			rows: s.issues.flatMap((i) => i.items.map((x): Cell[] => [i.no, regionOf.get(x.sessionId) ?? '', x.text, x.group || w.anonymous, x.votes]))
		},
		{
			name: w.sheets.matrix,
			header: [w.region, w.matrixTotal, ...matrixGroups(s)],
			widths: [36, 10, ...matrixGroups(s).map(() => 16)],
			rows: matrixRows(s)
		},
		{
			name: w.sheets.actions,
			header: w.actionTable,
			widths: [6, 32, 14, 44, 20, 16, 16, 14],
			rows: s.actions.map((a, i): Cell[] => [i + 1, a.institution, a.funding, a.action.activity, a.session.region.name, a.action.timeframe, a.action.cost, a.action.statusLabel]),
			formats: { 6: '"Rp" #,##0' }
		},
		{
			name: w.sheets.sessions,
			header: w.minutesTable,
			widths: [6, 22, 40, 26, 22, 12, 14],
			rows: s.sessions.map((x, i): Cell[] => [i + 1, x.region.name, x.title, x.day, x.number, x.code, x.status === 'closed' ? w.status.closed : w.status.open])
		},
		{
			// The log of hand edits: who changed which grouping, when, and whether it still applies.
			name: w.sheets.edits,
			header: w.editTable,
			widths: [20, 20, 14, 60, 30, 10],
			rows: s.edits.map((e): Cell[] => [
				new Date(e.at),
				e.actor,
				w.ops[e.op],
				e.itemIds.map((id) => textOf.get(id) ?? id).join('; '),
				e.op === 'rename' ? e.name : '',
				skipped.has(e.id) ? '–' : '✓'
			])
		}
	];
	for (const sheet of sheets) addSheet(book, sheet);
	return Buffer.from(await book.xlsx.writeBuffer());
}

/** Both matrices on one sheet: a row per kind and region, the columns every group either uses. */
const matrixGroups = (s: Synthesis) => [...new Set(s.matrices.flatMap((m) => m.groups))];

function matrixRows(s: Synthesis): Cell[][] {
	const groups = matrixGroups(s);
	return s.matrices.flatMap((m) =>
		m.rows.map((r): Cell[] => [`${m.label} — ${r.region.name}`, r.total, ...groups.map((g) => (m.groups.includes(g) ? r.counts[m.groups.indexOf(g)] : 0))])
	);
}

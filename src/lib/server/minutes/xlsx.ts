/**
 * The minutes as a workbook, one sheet per part, for organizers who tabulate and re-sort:
 * typed cells (counts as numbers, cost as Rupiah numbers, the session start as a date), bold
 * frozen header rows, and pages that print one sheet wide with the header on every page.
 *
 * Text goes in as string cells, which Excel and LibreOffice never run, so a participant's
 * `=HYPERLINK(…)` or `+62 81x…` shows as typed; the CSV needs a guard (./sheets/csv-field), this does not.
 */
import ExcelJS from 'exceljs';
import { kindLabels } from './labels';
import { singularKindLabel } from '../../domain/defaults';
import type { Minutes, MinutesOfficial, MinutesTheme } from './model';
import { isDraft } from './sign-off';
import { SHEET_WORDS, type SheetWords } from './sheets/words';

export type Cell = string | number | Date | null;

/** One sheet: its name, header row, column widths and rows (also the synthesis report's sheets). */
export interface Table {
	name: string;
	header: string[];
	/** Column widths in characters, one per header. */
	widths: number[];
	rows: Cell[][];
	/** Number formats by column index. */
	formats?: Record<number, string>;
}

export async function renderXlsx(minutes: Minutes): Promise<Buffer> {
	const words = SHEET_WORDS[minutes.lang];
	const book = new ExcelJS.Workbook();
	book.creator = 'Rembuk';
	book.created = new Date(minutes.generatedAt);
	for (const table of tables(minutes, words)) addSheet(book, table);
	return Buffer.from(await book.xlsx.writeBuffer());
}

function tables(minutes: Minutes, words: SheetWords): Table[] {
	return [details, attendance, items, votes, themes, links, actions].map((table) => table(minutes, words));
}

/** Column widths (in characters) that still print legibly across a portrait page; wider sheets turn landscape. */
const PORTRAIT_WIDTH = 110;

export function addSheet(book: ExcelJS.Workbook, table: Table): void {
	const width = table.header.reduce((sum, _, i) => sum + (table.widths[i] ?? 14), 0);
	const sheet = book.addWorksheet(table.name, {
		views: [{ state: 'frozen', ySplit: 1 }],
		// One page wide, as many pages long as it takes (0), the header row again on each page.
		pageSetup: {
			orientation: width > PORTRAIT_WIDTH ? 'landscape' : 'portrait',
			fitToPage: true,
			fitToWidth: 1,
			fitToHeight: 0,
			printTitlesRow: '1:1'
		}
	});
	sheet.columns = table.header.map((header, i) => ({ header, width: table.widths[i] ?? 14 }));
	sheet.getRow(1).font = { bold: true };
	for (const cells of table.rows) {
		const row = sheet.addRow(cells);
		cells.forEach((c, i) => {
			if (c instanceof Date) row.getCell(i + 1).numFmt = 'dd/mm/yyyy hh:mm';
		});
	}
	for (const [index, format] of Object.entries(table.formats ?? {})) sheet.getColumn(Number(index) + 1).numFmt = format;
	sheet.getRow(1).alignment = { vertical: 'middle', wrapText: true };
}

/** A local wall-clock `YYYY-MM-DDTHH:mm` as a Date whose UTC fields are that wall clock: Excel has no zones. */
function wallClock(local: string): Date | null {
	const date = new Date(`${local}:00Z`);
	return Number.isNaN(date.getTime()) ? null : date;
}

function details(minutes: Minutes, words: SheetWords): Table {
	const { session, details: d, attendance, signOff } = minutes;
	const w = words.details;
	const official = (o: MinutesOfficial) => [o.name, o.position, o.rank, o.nip && `NIP ${o.nip}`].filter(Boolean).join(', ');
	const rows: Cell[][] = [
		[w.title, session.title],
		[w.theme, session.theme],
		[w.date, wallClock(session.startsAt)],
		[w.day, session.day],
		[w.time, session.timeRange],
		[w.venue, session.venue],
		[w.organizers, session.organizers.join('; ')],
		[w.region, session.region],
		[w.chair, official(d.chair)],
		[w.facilitator, d.facilitator],
		[w.speakers, d.speakers.join('; ')],
		[w.minuteTaker, official(d.minuteTaker)],
		[w.basis, d.basis],
		[w.aims, d.aims],
		[w.conclusions, d.conclusions],
		[w.participants, attendance.total],
		...minutes.privacy.notes.map((note): [string, string] => [w.privacy, note]),
		[w.closed, session.closedAtText ?? ''],
		[w.signingPlace, signOff.place],
		[w.copies, d.copies.join('; ')],
		[w.number, d.number],
		[w.status, isDraft(minutes) ? w.draft : w.final]
	];
	return { name: words.sheets.details, header: [words.field, words.value], widths: [22, 80], rows };
}

function attendance({ attendance }: Minutes, words: SheetWords): Table {
	return {
		name: words.sheets.attendance,
		header: words.people,
		widths: [6, 30, 24, 36, 30, 6, 24, 20],
		// The staff marker in a column of its own, to filter by.
		rows: attendance.participants.map((p, i) => [
			i + 1,
			p.name,
			p.position,
			p.institution,
			p.groupLabel,
			p.sex && words.sexValue[p.sex],
			p.removed ? words.removed(p.removed.reason) : p.addedByStaff ? words.addedByStaff : '',
			''
		])
	};
}

function items(minutes: Minutes, words: SheetWords): Table {
	const kinds = kindLabels(minutes);
	const themes = new Map(minutes.themes.map((t) => [t.id, t.name]));
	return {
		name: words.sheets.items,
		header: words.items,
		widths: [6, 16, 20, 70, 30, 28, 8, 12, 12],
		rows: minutes.items.map((item, i) => [
			i + 1,
			kinds.get(item.kind) ?? item.kind,
			(item.themeId && themes.get(item.themeId)) || '',
			item.text,
			// A merged item names every contributor, as the printed minutes do.
			item.mergedCount ? item.attribution : item.author ? `${item.author.name} – ${item.author.institution}` : words.anonymous,
			item.author?.groupLabel ?? '',
			item.votes,
			// Participants who added their support (+1), as the board shows "didukung N peserta".
			item.supporters,
			// Items combined, the kept one included, as the console counts them; empty when none was merged.
			item.mergedCount ? item.mergedCount + 1 : null
		])
	};
}

function votes(minutes: Minutes, words: SheetWords): Table {
	const kinds = kindLabels(minutes);
	const columns = minutes.attendance.byGroup;
	return {
		name: words.sheets.votes,
		header: [...words.votes, ...columns.map((g) => g.label), words.total],
		widths: [60, 16, ...columns.map(() => 14), 10],
		rows: minutes.votes.targets.map((t) => [
			t.text,
			t.kind === null ? words.themeKind : (kinds.get(t.kind) ?? t.kind),
			...columns.map((c) => t.byGroup.find((g) => g.group === c.group)?.count ?? 0),
			t.total
		])
	};
}

/**
 * A votes column only for what was voted on: the dots on the theme itself when themes were the
 * choices, the dots on its contributions when they were (a session may have done both in turn).
 */
function themes({ themes, items }: Minutes, words: SheetWords): Table {
	const onItems = (themeId: string) => items.reduce((sum, i) => sum + (i.themeId === themeId ? (i.votes ?? 0) : 0), 0);
	const columns: { header: string; width: number; value: (t: MinutesTheme) => Cell }[] = [];
	if (themes.some((t) => t.votes !== null)) columns.push({ header: words.themeVotes, width: 12, value: (t) => t.votes });
	if (items.some((i) => i.votes !== null)) columns.push({ header: words.itemVotes, width: 18, value: (t) => onItems(t.id) });
	return {
		name: words.sheets.themes,
		header: [...words.themes, ...columns.map((c) => c.header)],
		widths: [6, 40, 16, ...columns.map((c) => c.width)],
		rows: themes.map((t, i) => [i + 1, t.name, t.items, ...columns.map((c) => c.value(t))])
	};
}

function links(minutes: Minutes, words: SheetWords): Table {
	const rows: Cell[][] = [];
	for (const r of minutes.recommendations?.ranked ?? [])
		for (const l of r.links)
			for (const item of l.items) rows.push([r.item.text, words.relation[l.relation], singularKindLabel(l.label, minutes.lang), item.text]);
	return { name: words.sheets.links, header: words.links, widths: [60, 14, 16, 60], rows };
}

function actions({ actionPlan }: Minutes, words: SheetWords): Table {
	return {
		name: words.sheets.actions,
		header: words.actions,
		widths: [6, 40, 40, 36, 28, 28, 24, 28, 24, 28, 18, 16, 18, 14, 30],
		formats: { 12: '"Rp" #,##0' },
		rows: actionPlan.map((a) => [
			a.no,
			a.issues.map((i) => i.text).join('; '),
			a.recommendation?.text ?? '',
			a.activity,
			a.output,
			a.indicator,
			a.pic.name,
			a.pic.institution,
			a.pic.groupLabel,
			a.partners,
			a.timeframe,
			a.funding,
			a.cost,
			a.statusLabel,
			a.remarks
		])
	};
}

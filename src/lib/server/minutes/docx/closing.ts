/** The closing of the DOCX notulen: rencana tindak lanjut, penutup, pengesahan, lampiran. */
import { AlignmentType, BorderStyle, Paragraph, Table, TableCell, TableRow, TextRun, WidthType, type FileChild } from 'docx';
import { actionPlanCells, itemListCells } from '../labels';
import type { Words } from '../md/words';
import type { Minutes, MinutesOfficial } from '../model';
import { closingLines, nameLines, nipNote, placeAndDate, roleLines } from '../sign-off';
import { attendanceList } from './attachments';
import { gap, heading, numbered, para, placeholder, table, type Frame } from './blocks';

export function actionPlanSection(frame: Frame, minutes: Minutes): FileChild[] {
	const { actionPlan } = minutes;
	const { words } = frame;
	const head = heading(1, words.headings.actionPlan);
	if (actionPlan.length === 0) return [head, placeholder(words.noActions)];
	const rows = actionPlanCells(minutes);
	// Thirteen columns (on a landscape page): the wordy ones get the room.
	const weights = [2, 6, 6, 6, 5, 5, 6, 5, 4, 4, 5, 4, 5];
	return [head, table(frame, words.actionTable, rows, { weights, right: [0, 10], size: 16 })];
}

export function closingSection(frame: Frame, minutes: Minutes): FileChild[] {
	const [when, sentence] = closingLines(minutes, frame.words);
	return [heading(1, frame.words.headings.closing), para(when), para(sentence)];
}

const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };

/**
 * Place and date, then the chair and the minute-taker side by side in a borderless table: a row
 * of "Mengetahui," roles and positions, then a row with the room to sign and the names, so both
 * names stand on one line however long a position is. Then the NIP note (English) and the tembusan.
 */
export function signOffSection(frame: Frame, minutes: Minutes): FileChild[] {
	const { words } = frame;
	const { signOff, details } = minutes;
	const half = Math.floor(frame.width / 2);
	const cell = (children: Paragraph[]) =>
		new TableCell({ width: { size: half, type: WidthType.DXA }, borders: { top: NONE, bottom: NONE, left: NONE, right: NONE }, children });
	const signers = [
		{ lead: words.acknowledged, role: words.chairRole, official: details.chair },
		{ lead: '', role: words.minuteTakerRole, official: details.minuteTaker }
	];
	const note = nipNote(minutes, words);
	const copies = details.copies.length ? [gap(), para(words.copies), ...details.copies.map((c, i) => numbered(i + 1, c))] : [];
	return [
		heading(1, words.headings.signOff),
		para(placeAndDate(signOff, words), { align: 'right' }),
		new Table({
			width: { size: frame.width, type: WidthType.DXA },
			columnWidths: [half, half],
			borders: { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE },
			rows: [
				new TableRow({ cantSplit: true, children: signers.map((s) => cell(roleBlock(s.lead, s.role, s.official))) }),
				new TableRow({ cantSplit: true, children: signers.map((s) => cell(nameBlock(s.official, words))) })
			]
		}),
		...(note ? [placeholder(note)] : []),
		...copies
	];
}

const centred = (text: string, style: { bold?: boolean; underline?: object } = {}) =>
	new Paragraph({ alignment: AlignmentType.CENTER, keepNext: true, children: [new TextRun({ text, ...style })] });

/** "Mengetahui," (or an empty line), the role in bold, the position under it. */
function roleBlock(lead: string, role: string, official: MinutesOfficial): Paragraph[] {
	const [title, ...position] = roleLines(role, official);
	return [centred(lead), centred(title, { bold: true }), ...position.map((line) => centred(line))];
}

/** Four empty lines to sign on (wet or certified electronic signature), the name, pangkat/golongan and NIP. */
function nameBlock(official: MinutesOfficial, words: Words): Paragraph[] {
	const { name, named, below } = nameLines(official, words);
	const blank = () => new Paragraph({ alignment: AlignmentType.CENTER, keepNext: true, children: [] });
	return [blank(), blank(), blank(), blank(), centred(name, named ? { bold: true, underline: {} } : {}), ...below.map((line) => centred(line))];
}

export function appendixSection(frame: Frame, minutes: Minutes): FileChild[] {
	const { words } = frame;
	const { items, themes } = minutes;
	const h = words.headings;
	const people = attendanceList(frame, minutes);
	const list = items.length
		? [
				table(
					frame,
					words.itemTable,
					itemListCells(minutes, words),
					{ weights: [2, 4, 5, 10, 7, 3], right: [0, 5], size: 16 }
				)
			]
		: [placeholder(words.noItems)];
	// A closing paragraph: Word expects one between a final table and the section properties.
	return [heading(1, h.appendix), heading(2, h.attendance), ...people, gap(), heading(2, h.items), ...list, gap()];
}

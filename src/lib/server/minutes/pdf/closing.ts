/** The closing of the PDF notulen: rencana tindak lanjut, penutup, pengesahan, lampiran. */
import { actionPlanCells, itemListCells } from '../labels';
import type { Minutes } from '../model';
import type { Words } from '../md/words';
import { closingLines, nameLines, nipNote, placeAndDate, roleLines } from '../sign-off';
import { attendanceList } from './attachments';
import type { Layout } from './layout';

/**
 * Thirteen columns: on a landscape page of their own, as the DOCX and offices print the plan, so
 * every header word and most content words fit their column at a readable size.
 */
const ACTION_WIDTHS = [0.5, 1.6, 1.8, 1.8, 1.5, 1.5, 1.9, 1.5, 1.4, 1.2, 1.6, 1.1, 1.5];
/** Columns of numbers: No and the cost. */
const ACTION_RIGHT = [0, 10];

export function actionPlanSection(layout: Layout, minutes: Minutes, words: Words) {
	const { actionPlan } = minutes;
	const { doc } = layout;
	// With no rows there is only a sentence, which stays in the portrait flow.
	if (!actionPlan.length) {
		layout.heading(words.headings.actionPlan);
		return layout.paragraph(words.noActions, { italic: true });
	}
	// pdfkit makes every new page from the document's options, the pages a long table adds as
	// well: turned for the plan, then back.
	const portrait = doc.options;
	doc.options = { ...portrait, layout: 'landscape' };
	doc.addPage();
	layout.heading(words.headings.actionPlan);
	const columns = words.actionTable.map((header, i) => ({
		header,
		width: ACTION_WIDTHS[i],
		align: ACTION_RIGHT.includes(i) ? ('right' as const) : ('left' as const)
	}));
	const rows = actionPlanCells(minutes);
	layout.table(columns, rows, { size: 7, condensed: true });
	doc.options = portrait;
	doc.addPage();
}

export function closingSection(layout: Layout, minutes: Minutes, words: Words) {
	const [when, sentence] = closingLines(minutes, words);
	layout.heading(words.headings.closing);
	layout.paragraph(when);
	layout.doc.moveDown(0.4);
	layout.paragraph(sentence);
}

/**
 * Place and date on the right, then the chair and the minute-taker side by side: role and
 * position, room to sign at the same height in both columns, name, pangkat/golongan and NIP.
 * Then the NIP note (English) and the tembusan.
 */
export function signOffSection(layout: Layout, minutes: Minutes, words: Words) {
	const { signOff, details } = minutes;
	const { doc } = layout;
	// The heading, place, roles, signing room and names stay on one page.
	layout.ensure(230);
	layout.heading(words.headings.signOff);
	const half = layout.width / 2;
	layout.font('regular').text(placeAndDate(signOff, words), layout.left + half, doc.y, { width: half, align: 'center' });
	doc.moveDown(0.6);
	const top = doc.y;
	const signers = [
		{ x: layout.left, lead: words.acknowledged, role: words.chairRole, official: details.chair },
		{ x: layout.left + half, lead: '', role: words.minuteTakerRole, official: details.minuteTaker }
	];
	const heads = signers.map(({ x, lead, role, official }) => {
		layout.font('regular').text(lead || ' ', x, top, { width: half, align: 'center' });
		const [title, ...position] = roleLines(role, official);
		layout.font('bold').text(title, x, doc.y, { width: half, align: 'center' });
		layout.font('regular');
		for (const line of position) doc.text(line, x, doc.y, { width: half, align: 'center' });
		return doc.y;
	});
	// Room for a wet signature and stamp, or a certified electronic one; the names on one line.
	const names = Math.max(...heads) + 60;
	const bottoms = signers.map(({ x, official }) => {
		const { name, named, below } = nameLines(official, words);
		layout.font(named ? 'bold' : 'regular').text(name, x, names, { width: half, align: 'center', underline: named });
		layout.font('regular');
		for (const line of below) doc.text(line, x, doc.y, { width: half, align: 'center' });
		return doc.y;
	});
	doc.x = layout.left;
	doc.y = Math.max(...bottoms) + 6;
	const note = nipNote(minutes, words);
	if (note) layout.paragraph(note, { italic: true, size: 8 });
	if (details.copies.length) {
		doc.moveDown(0.6);
		layout.paragraph(words.copies);
		details.copies.forEach((copy, i) => layout.hanging(`${i + 1}.`, copy));
	}
}

export function appendixSection(layout: Layout, minutes: Minutes, words: Words) {
	const { items, themes } = minutes;
	const h = words.headings;
	layout.doc.addPage();
	layout.heading(h.appendix);
	layout.heading(h.attendance, 2);
	attendanceList(layout, minutes, words);
	layout.heading(h.items, 2);
	if (!items.length) return layout.paragraph(words.noItems, { italic: true });
	const [no, kind, theme, text, by, votes] = words.itemTable;
	layout.table(
		[
			{ header: no, width: 0.5, align: 'right' },
			{ header: kind, width: 1.3 },
			{ header: theme, width: 1.3 },
			{ header: text, width: 4 },
			{ header: by, width: 3 },
			{ header: votes, width: 0.7, align: 'right' }
		],
		itemListCells(minutes, words),
		{ size: 7.5 }
	);
}

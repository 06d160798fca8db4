/** The closing of the DOCX notulen: rencana tindak lanjut, penutup, pengesahan, lampiran. */
import { AlignmentType, BorderStyle, Paragraph, Table, TableCell, TableRow, TextRun, WidthType, type FileChild } from 'docx';
import { kindLabels } from '../labels';
import type { Minutes, MinutesOfficial } from '../model';
import { attendanceList } from './attachments';
import { gap, heading, para, placeholder, table, type Frame } from './blocks';

export function actionPlanSection(frame: Frame, { actionPlan }: Minutes): FileChild[] {
	const { words } = frame;
	const head = heading(1, words.headings.actionPlan);
	if (actionPlan.length === 0) return [head, placeholder(words.noActions)];
	const rows = actionPlan.map((a) => [
		String(a.no),
		a.issues.map((i) => i.text).join('; ') || '–',
		a.activity,
		a.output || '–',
		a.indicator || '–',
		a.picText,
		a.partners || '–',
		a.timeframe || '–',
		a.funding || '–',
		a.costText,
		a.statusLabel,
		a.remarks || '–'
	]);
	// Twelve columns (on a landscape page): the wordy ones get the room.
	const weights = [2, 6, 6, 5, 5, 6, 5, 4, 4, 5, 4, 5];
	return [head, table(frame, words.actionTable, rows, { weights, right: [0, 9], size: 16 })];
}

export function closingSection(frame: Frame, { session }: Minutes): FileChild[] {
	const { words } = frame;
	const when = session.closedTime ? words.closedAt(session.closedTime) : words.stillOpen;
	return [heading(1, words.headings.closing), para(when), para(words.closingSentence)];
}

/** Place and date, "Mengetahui,", then the chair and the minute-taker side by side, each with room to sign. */
export function signOffSection(frame: Frame, { signOff, details }: Minutes): FileChild[] {
	const { words } = frame;
	const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
	const half = Math.floor(frame.width / 2);
	const column = (lead: string, role: string, official: MinutesOfficial) =>
		new TableCell({
			width: { size: half, type: WidthType.DXA },
			borders: { top: none, bottom: none, left: none, right: none },
			children: signatureBlock(lead, role, official, words.nip)
		});
	const place = [signOff.place, signOff.date].filter(Boolean).join(', ');
	return [
		heading(1, words.headings.signOff),
		para(place, { align: 'right' }),
		new Table({
			width: { size: frame.width, type: WidthType.DXA },
			columnWidths: [half, half],
			borders: { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none },
			rows: [
				new TableRow({
					cantSplit: true,
					children: [column(words.acknowledged, words.chairRole, details.chair), column('', words.minuteTakerRole, details.minuteTaker)]
				})
			]
		})
	];
}

/** Four empty lines to sign on (wet or certified electronic signature); an unnamed official gets a dotted line. */
function signatureBlock(lead: string, role: string, official: MinutesOfficial, nip: string): Paragraph[] {
	const centred = (text: string, style: { bold?: boolean; underline?: object } = {}) =>
		new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text, ...style })] });
	const blank = () => new Paragraph({ alignment: AlignmentType.CENTER, children: [] });
	return [
		centred(lead),
		centred(role, { bold: true }),
		blank(),
		blank(),
		blank(),
		blank(),
		official.name ? centred(official.name, { bold: true, underline: {} }) : centred('(..............................)'),
		...(official.position ? [centred(official.position)] : []),
		...(official.nip ? [centred(`${nip} ${official.nip}`)] : [])
	];
}

export function appendixSection(frame: Frame, minutes: Minutes): FileChild[] {
	const { words } = frame;
	const { items, themes } = minutes;
	const h = words.headings;
	const people = attendanceList(frame, minutes);
	const kinds = kindLabels(minutes);
	const themeNames = new Map(themes.map((t) => [t.id, t.name]));
	const list = items.length
		? [
				table(
					frame,
					words.itemTable,
					items.map((item, i) => [
						String(i + 1),
						kinds.get(item.kind) ?? item.kind,
						(item.themeId && themeNames.get(item.themeId)) || '–',
						item.mergedCount ? `${item.text} (${words.merged(item.mergedCount)})` : item.text,
						item.attribution,
						item.votes === null ? '–' : String(item.votes)
					]),
					{ weights: [2, 4, 5, 10, 7, 3], right: [0, 5], size: 16 }
				)
			]
		: [placeholder(words.noItems)];
	// A closing paragraph: Word expects one between a final table and the section properties.
	return [heading(1, h.appendix), heading(2, h.attendance), ...people, gap(), heading(2, h.items), ...list, gap()];
}

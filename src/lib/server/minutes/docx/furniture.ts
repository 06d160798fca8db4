/**
 * What the Word minutes repeat on every page besides the page number: the draft mark of
 * provisional minutes (a header line, which every word processor shows, and Word's own
 * watermark, which Word can remove) and the paraf boxes an office initials page by page.
 */
import { AlignmentType, BorderStyle, Header, HeightRule, Paragraph, Table, TableCell, TableRow, TextRun, VerticalAlign, WidthType } from 'docx';
import { TextWatermark } from 'docx/watermarks';
import type { Words } from '../md/words';

/** "DRAF — notulen sementara, belum final" at the top of each page, with DRAF across it. */
export function draftHeader(words: Words): Header {
	return new Header({
		children: [
			new Paragraph({
				alignment: AlignmentType.CENTER,
				children: [
					new TextRun({ text: words.draftNotice, bold: true, size: 18, color: '9A1B1B' }),
					new TextWatermark({ text: words.draftMark, font: 'Arial', color: 'D0D0D0', opacity: 0.3 })
				]
			})
		]
	});
}

const LINE = { style: BorderStyle.SINGLE, size: 4, color: '444444' };
/** A box's width in twips (about 2.3 cm), and the room to initial in (about 0.9 cm). */
const BOX_WIDTH = 1300;
const BOX_HEIGHT = 500;

/** "Paraf" and a small table at the right of the footer: one column per role, its name over an empty box. */
export function parafTable(roles: string[], caption: string): Table {
	const cell = (text: string, bold = false) =>
		new TableCell({
			width: { size: BOX_WIDTH, type: WidthType.DXA },
			verticalAlign: VerticalAlign.CENTER,
			children: [new Paragraph({ alignment: AlignmentType.CENTER, children: text ? [new TextRun({ text, size: 13, bold })] : [] })]
		});
	const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
	const label = new TableCell({
		rowSpan: 2,
		borders: { top: none, bottom: none, left: none },
		verticalAlign: VerticalAlign.CENTER,
		children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: caption, size: 14 })] })]
	});
	return new Table({
		alignment: AlignmentType.RIGHT,
		columnWidths: [900, ...roles.map(() => BOX_WIDTH)],
		borders: { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE },
		rows: [
			new TableRow({ children: [label, ...roles.map((role) => cell(role))] }),
			new TableRow({ height: { value: BOX_HEIGHT, rule: HeightRule.ATLEAST }, children: roles.map(() => cell('')) })
		]
	});
}

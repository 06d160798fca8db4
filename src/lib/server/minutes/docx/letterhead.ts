/** Kop surat: the logo on the left, the office centred beside it, a thick-thin rule under both, as on a government letter. */
import { AlignmentType, BorderStyle, ImageRun, Paragraph, Table, TableCell, TableRow, TextRun, WidthType, type FileChild } from 'docx';
import type { MinutesLetterhead } from '../model';
import { contactLine } from '../sections/letterhead';
import { gap, type Frame } from './blocks';
import { fitInBox, pixelSize } from './image-size';

const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const RULE = { style: BorderStyle.THICK_THIN_SMALL_GAP, size: 18, color: '000000' };
/** The logo's column, in twips (about 2.8 cm); the logo fits in 80 × 80 px (about 2.1 cm). */
const LOGO_COLUMN = 1600;
const LOGO_BOX = 80;

export function letterhead(frame: Frame, head: MinutesLetterhead | null): FileChild[] {
	if (!head) return [];
	const widths = head.logo ? [LOGO_COLUMN, frame.width - LOGO_COLUMN] : [frame.width];
	const cells = [...(head.logo ? [logoParagraph(head.logo)] : []), textParagraphs(head)].map(
		(children, i) => new TableCell({ width: { size: widths[i], type: WidthType.DXA }, borders: { top: NONE, left: NONE, right: NONE, bottom: RULE }, children })
	);
	const borders = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };
	const table = new Table({ width: { size: frame.width, type: WidthType.DXA }, columnWidths: widths, borders, rows: [new TableRow({ children: cells })] });
	return [table, gap()];
}

function logoParagraph(logo: NonNullable<MinutesLetterhead['logo']>): Paragraph[] {
	const data = Buffer.from(logo.base64, 'base64');
	// Fitted into the 80 px square, never stretched to it: a regency emblem is rarely square.
	const transformation = fitInBox(pixelSize(data), LOGO_BOX);
	return [new Paragraph({ children: [new ImageRun({ type: logo.type, data, transformation })] })];
}

/** The office in bold (the first line, usually PEMERINTAH …, a size larger), then address and contacts. */
function textParagraphs(head: MinutesLetterhead): Paragraph[] {
	const centred = (text: string, size: number, bold = false) =>
		new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text, size, bold })] });
	const contact = contactLine(head);
	return [...head.office.map((line, i) => centred(line, i ? 26 : 28, true)), ...[head.address, contact].filter(Boolean).map((line) => centred(line, 18))];
}

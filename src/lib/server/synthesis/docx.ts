/**
 * The Laporan Hasil FGD as an editable Word document: the minutes' letterhead, page size and
 * margins, Word heading styles, fitted tables with repeating header rows (minutes/docx/blocks)
 * and the sign-off lines of the minutes (minutes/sign-off), laid out from the report's outline.
 */
import { AlignmentType, BorderStyle, Document, Footer, Packer, PageBreak, PageNumber, Paragraph, Table, TableCell, TableRow, TextRun, WidthType, type FileChild } from 'docx';
import type { Paper } from '../minutes/paper';
import { WORDS } from '../minutes/md/words';
import { gap, heading, numbered, para, placeholder, table, type Frame } from '../minutes/docx/blocks';
import { MARGIN, pageSize } from '../minutes/docx/index';
import { letterhead } from '../minutes/docx/letterhead';
import type { Synthesis } from './model';
import { outline, type Block } from './outline';
import { SYNTHESIS_WORDS } from './words';

const LANGUAGE = { id: 'id-ID', en: 'en-GB' } as const;
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };

export async function renderSynthesisDocx(s: Synthesis, { paper = 'a4' }: { paper?: Paper } = {}): Promise<Buffer> {
	const page = pageSize(paper);
	const w = SYNTHESIS_WORDS[s.lang];
	const frame: Frame = { words: WORDS[s.lang], width: page.width - MARGIN.left - MARGIN.right };
	const report = outline(s);
	const [pageWord, ofWord] = w.page(0, 0).split(/\d+/);
	const children: FileChild[] = [
		...letterhead(frame, s.letterhead),
		new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 60 }, children: [new TextRun({ text: report.title, bold: true, size: 30 })] }),
		new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [new TextRun({ text: report.subtitle, bold: true, size: 24 })] }),
		...report.blocks.flatMap((block) => render(frame, block)),
		gap(),
		new Paragraph({ children: [new TextRun({ text: report.footer, italics: true, size: 14, color: '666666' })] })
	];
	const doc = new Document({
		creator: 'Rembuk',
		title: `${report.title} — ${report.subtitle}`,
		styles: {
			default: {
				document: { run: { font: 'Arial', size: 22, language: { value: LANGUAGE[s.lang] } }, paragraph: { spacing: { after: 60 } } },
				heading1: { run: { font: 'Arial', size: 26, bold: true, color: '000000' }, paragraph: { spacing: { before: 300, after: 120 }, keepNext: true } },
				heading2: { run: { font: 'Arial', size: 23, bold: true, color: '000000' }, paragraph: { spacing: { before: 200, after: 80 }, keepNext: true } },
				heading3: { run: { font: 'Arial', size: 22, bold: true, italics: true, color: '000000' }, paragraph: { spacing: { before: 160, after: 60 }, keepNext: true } }
			}
		},
		sections: [
			{
				properties: { page: { size: page, margin: MARGIN } },
				footers: {
					default: new Footer({
						children: [
							new Paragraph({
								alignment: AlignmentType.CENTER,
								children: [new TextRun({ children: [pageWord, PageNumber.CURRENT, ofWord, PageNumber.TOTAL_PAGES], size: 16 })]
							})
						]
					})
				},
				children
			}
		]
	});
	return Packer.toBuffer(doc);
}

function render(frame: Frame, block: Block): FileChild[] {
	switch (block.type) {
		case 'heading':
			return [heading(block.level, block.text)];
		case 'paragraph':
			return [new Paragraph({ alignment: AlignmentType.JUSTIFIED, children: block.text.split('\n').map((line, i) => new TextRun({ text: line, break: i ? 1 : 0 })) })];
		case 'note':
			return [placeholder(block.text)];
		case 'list':
			return block.items.map((item, i) => numbered(i + 1, item));
		case 'table': {
			const t = block.table;
			return [table(frame, t.header, t.rows, { weights: t.weights, right: t.right, size: t.small ? 16 : 20, totals: t.totals }), gap()];
		}
		case 'pageBreak':
			return [new Paragraph({ children: [new PageBreak()] })];
		case 'signOff':
			return [gap(), signOff(frame, block)];
	}
}

/** One signer on the right half, as a report is signed: place and date, role, room to sign, name. */
function signOff(frame: Frame, block: Extract<Block, { type: 'signOff' }>): Table {
	const half = Math.floor(frame.width / 2);
	const centred = (text: string, style: { bold?: boolean; underline?: object } = {}) =>
		new Paragraph({ alignment: AlignmentType.CENTER, keepNext: true, children: [new TextRun({ text, ...style })] });
	const blank = () => new Paragraph({ keepNext: true, children: [] });
	const [role, ...position] = block.role;
	const right = [
		centred(block.placeAndDate),
		centred(role, { bold: true }),
		...position.map((line) => centred(line)),
		blank(),
		blank(),
		blank(),
		blank(),
		centred(block.name, block.named ? { bold: true, underline: {} } : {}),
		...block.below.map((line) => centred(line))
	];
	const cell = (children: Paragraph[]) => new TableCell({ width: { size: half, type: WidthType.DXA }, borders: { top: NONE, bottom: NONE, left: NONE, right: NONE }, children });
	return new Table({
		width: { size: frame.width, type: WidthType.DXA },
		columnWidths: [half, half],
		borders: { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE },
		rows: [new TableRow({ cantSplit: true, children: [cell([new Paragraph({ children: [] })]), cell(right)] })]
	});
}

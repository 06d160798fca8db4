/**
 * `table()` writes WordprocessingML itself instead of going through docx's Table components, to
 * be fast on thousands of cells. These check it still writes exactly what those components
 * write for the same table, so Word, LibreOffice and the other DOCX specs see no difference.
 */
import JSZip from 'jszip';
import {
	AlignmentType,
	BorderStyle,
	Document,
	HeightRule,
	Packer,
	Paragraph,
	ShadingType,
	Table,
	TableCell,
	TableLayoutType,
	TableRow,
	TextDirection,
	VerticalAlign,
	WidthType,
	type FileChild,
	type IBorderOptions
} from 'docx';
import { describe, expect, it } from 'vitest';
import { WORDS } from '../md/words';
import { fitTable, runs, table, type Frame, type TableOptions } from './blocks';

const frame: Frame = { words: WORDS.id, width: 8788 };

/** The same table built from docx's own components. */
function componentTable(header: string[], rows: string[][], options: TableOptions = {}): Table {
	const line: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: '808080' };
	const none: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
	const { widths } = fitTable(frame, header, rows, options);
	const border = options.plain ? none : line;
	const upright = (col: number, head: boolean) => head && !!options.upright?.includes(col);
	const cell = (text: string, col: number, head: boolean, bold: boolean) =>
		new TableCell({
			width: { size: widths[col], type: WidthType.DXA },
			...(upright(col, head) ? { textDirection: TextDirection.BOTTOM_TO_TOP_LEFT_TO_RIGHT, verticalAlign: VerticalAlign.BOTTOM } : {}),
			shading: head ? { type: ShadingType.CLEAR, color: 'auto', fill: 'D9E2F3' } : undefined,
			children: [
				new Paragraph({
					alignment: options.right?.includes(col) && !head ? AlignmentType.RIGHT : undefined,
					children: runs(text, { bold: head || bold || undefined, size: options.size ?? 20 })
				})
			]
		});
	const signing = { cantSplit: true, ...(options.minRowHeight ? { height: { value: options.minRowHeight, rule: HeightRule.ATLEAST } } : {}) };
	const body = rows.map((r, i) => new TableRow({ ...signing, children: r.map((text, col) => cell(text, col, false, !!options.totals && i === rows.length - 1)) }));
	const longest = Math.max(0, ...header.filter((_, col) => upright(col, true)).map((text) => text.length));
	const height = longest ? { value: 200 + longest * 6 * (options.size ?? 20), rule: HeightRule.ATLEAST } : undefined;
	const head = options.plain ? [] : [new TableRow({ tableHeader: true, height, children: header.map((text, col) => cell(text, col, true, true)) })];
	return new Table({
		width: { size: frame.width, type: WidthType.DXA },
		columnWidths: widths,
		borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
		layout: TableLayoutType.FIXED,
		margins: { top: 40, bottom: 40, left: 80, right: 80 },
		rows: [...head, ...body]
	});
}

async function documentXml(child: FileChild): Promise<string> {
	const doc = new Document({ sections: [{ children: [child, new Paragraph({ children: [] })] }] });
	const zip = await JSZip.loadAsync(await Packer.toBuffer(doc));
	return zip.file('word/document.xml')!.async('string');
}

const HEADER = ['No', 'Teks & <catatan>', 'Jumlah'];
const ROWS = [
	['1', 'Akses modal "sulit" — tanpa agunan', '12'],
	['2', 'Baris pertama\nbaris kedua\r\nbaris ketiga', '0'],
	['3', '', '–'],
	['', 'Total', '12']
];

const FIELDS = [
	['Judul', ': FGD Penguatan UMKM'],
	['Tempat', ': –']
];

describe('table()', () => {
	it.each<[string, string[], string[][], TableOptions]>([
		['defaults', HEADER, ROWS, {}],
		['weights, right-aligned numbers, a small size and a totals row', HEADER, ROWS, { weights: [1, 6, 2], right: [0, 2], size: 16, totals: true }],
		['upright count headers', HEADER, ROWS, { right: [0, 2], upright: [0, 2], size: 16 }],
		['a plain label–value list', ['', ''], FIELDS, { plain: true, weights: [1, 3] }],
		['rows to sign in', HEADER, ROWS, { minRowHeight: 567 }]
	])('writes what docx Table components write: %s', async (_, header, rows, options) => {
		expect(await documentXml(table(frame, header, rows, options))).toBe(await documentXml(componentTable(header, rows, options)));
	});
});

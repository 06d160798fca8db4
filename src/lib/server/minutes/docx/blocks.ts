/**
 * Word building blocks for the DOCX minutes: headings in Word's own Heading 1–3 styles (so the
 * navigation pane and a table of contents work), body paragraphs, tables with a repeating
 * header row, and chart images. Everything a person typed stays editable text.
 */
import { AlignmentType, FileChild, HeadingLevel, ImageRun, Paragraph, TextRun, type IXmlableObject } from 'docx';
import type { Chart } from '../charts';
import type { PhotoBytes } from '../model';
import type { Words } from '../md/words';
import { fitColumns, SOFT_HYPHEN } from '../fit/columns';
import { arialWidth } from '../fit/metrics';

/** What every section needs: the words of the minutes' language and the text width in twips. */
export interface Frame {
	words: Words;
	/** Width between the margins, in twips (1/1440 inch). */
	width: number;
	/** Height between the margins, in twips; the photo pages size their pictures by it. */
	height?: number;
	/** Reads the dokumentasi's JPEGs; without it the photo pages show their captions only. */
	photos?: PhotoBytes;
}

const LEVELS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3] as const;

export function heading(level: 1 | 2 | 3, text: string): Paragraph {
	return new Paragraph({ heading: LEVELS[level - 1], children: [new TextRun(text)] });
}

/** User text of several lines as one paragraph with line breaks. */
export function runs(text: string, style: { bold?: boolean; italics?: boolean; size?: number } = {}): TextRun[] {
	return text.split(/\r?\n/).map((line, i) => new TextRun({ text: line, break: i ? 1 : 0, ...style }));
}

export function para(text: string, style: { bold?: boolean; italics?: boolean; align?: 'left' | 'right' | 'center' } = {}): Paragraph {
	const alignment = style.align === 'right' ? AlignmentType.RIGHT : style.align === 'center' ? AlignmentType.CENTER : undefined;
	return new Paragraph({ alignment, children: runs(text, style) });
}

/** Italic grey note where a section has nothing yet, so every notulen keeps the same outline. */
export function placeholder(text: string): Paragraph {
	return new Paragraph({ children: [new TextRun({ text, italics: true, color: '666666' })] });
}

/** A numbered line ("1. text") with an optional italic line of facts under it. */
export function numbered(n: number, text: string, facts: string | null = null, keepNext = false): Paragraph {
	const lines = [new TextRun(`${n}. `), ...runs(text)];
	if (facts) lines.push(new TextRun({ text: facts, italics: true, size: 18, color: '444444', break: 1 }));
	return new Paragraph({ indent: { left: 360, hanging: 360 }, spacing: { after: 80 }, keepNext: keepNext || undefined, children: lines });
}

export interface TableOptions {
	/** Relative column widths; equal when left out. */
	weights?: number[];
	/** Columns (by index) whose cells align right: numbers. */
	right?: number[];
	/** Font size in half-points; 20 (10 pt) unless set. */
	size?: number;
	/** No header row and no lines: for label–value lists and the sign-off. */
	plain?: boolean;
	/** Bold last row (totals). */
	totals?: boolean;
	/** Columns (by index) whose header reads bottom to top: many narrow count columns. */
	upright?: number[];
	/** Least height of a body row, in twips, e.g. room to sign. */
	minRowHeight?: number;
}

/**
 * A table of text, written as docx's XML objects directly. The appendix alone has thousands of
 * cells, and as Table, TableRow, TableCell, Paragraph and TextRun components each cell became a
 * dozen objects that docx then walked and merged attribute by attribute: most of a large
 * notulen's time. This writes the same WordprocessingML, element for element and attribute for
 * attribute, as those components do for such a table (blocks.spec.ts compares the two), and
 * docx still escapes and serialises it. Overriding `prepForXml` is how docx's documentation has a
 * component give its own XML.
 */
class TextTable extends FileChild {
	constructor(private readonly xml: IXmlableObject) {
		super('w:tbl');
	}

	override prepForXml(): IXmlableObject {
		return this.xml;
	}
}

type Xml = IXmlableObject;

const border = (val: string, color: string, sz: number): Xml => ({ _attr: { 'w:val': val, 'w:color': color, 'w:sz': sz } });
const LINE = border('single', '808080', 4);
const NONE = border('none', 'FFFFFF', 0);
const dxa = (w: number): Xml => ({ _attr: { 'w:type': 'dxa', 'w:w': w } });
/** The cells' padding, once for the table rather than on each of its thousands of cells. */
const CELL_MARGINS: Xml = { 'w:tblCellMar': [{ 'w:top': dxa(40) }, { 'w:left': dxa(80) }, { 'w:bottom': dxa(40) }, { 'w:right': dxa(80) }] };
const HEADER_FILL: Xml = { 'w:shd': { _attr: { 'w:fill': 'D9E2F3', 'w:color': 'auto', 'w:val': 'clear' } } };
/** Turned header text, read bottom to top and standing on the cell's bottom edge. */
const UPRIGHT: Xml[] = [{ 'w:textDirection': { _attr: { 'w:val': 'btLr' } } }, { 'w:vAlign': { _attr: { 'w:val': 'bottom' } } }];
const RIGHT: Xml = { 'w:pPr': [{ 'w:jc': { _attr: { 'w:val': 'right' } } }] };

/** Run properties as TextRun writes `{ bold, size }`. */
function runProperties(bold: boolean, size: number): Xml {
	const sz = [{ 'w:sz': { _attr: { 'w:val': size } } }, { 'w:szCs': { _attr: { 'w:val': size } } }];
	return { 'w:rPr': bold ? [{ 'w:b': {} }, { 'w:bCs': {} }, ...sz] : sz };
}

/**
 * A full-width table whose first row repeats on every page it runs across. Cells are left-aligned
 * and not bold unless asked, by default rather than by saying so on each cell.
 */
export function table(frame: Frame, header: string[], cells: string[][], options: TableOptions = {}): FileChild {
	const size = options.size ?? 20;
	const upright = (col: number, head: boolean) => head && !!options.upright?.includes(col);
	const fitted = fitTable(frame, header, cells, options);
	const { widths, rows } = fitted;
	header = fitted.header;
	const line = options.plain ? NONE : LINE;
	const cellWidths = widths.map((w) => ({ 'w:tcW': dxa(w) }));
	const properties = { regular: runProperties(false, size), bold: runProperties(true, size) };
	const cell = (text: string, col: number, head: boolean, bold: boolean): Xml => {
		const rPr = head || bold ? properties.bold : properties.regular;
		// As runs(): one run per line, each after the first starting with a break.
		const lines = text.split(/\r?\n/).map((part, i): Xml => ({ 'w:r': [rPr, ...(i ? [{ 'w:br': {} }] : []), ...textOf(part)] }));
		const tcPr = { 'w:tcPr': head ? [cellWidths[col], HEADER_FILL, ...(upright(col, head) ? UPRIGHT : [])] : [cellWidths[col]] };
		const paragraph = options.right?.includes(col) && !head ? [RIGHT, ...lines] : lines;
		return { 'w:tc': [tcPr, { 'w:p': paragraph }] };
	};
	// No row breaks across pages: a reader never has to piece an item (or a signature cell) together.
	const height = options.minRowHeight ? [{ 'w:trHeight': { _attr: { 'w:val': options.minRowHeight, 'w:hRule': 'atLeast' } } }] : [];
	const rowProperties: Xml[] = [{ 'w:trPr': [{ 'w:cantSplit': {} }, ...height] }];
	const body = rows.map((r, i): Xml => ({ 'w:tr': [...rowProperties, ...r.map((text, col) => cell(text, col, false, !!options.totals && i === rows.length - 1))] }));
	// Turned text does not make a row taller by itself: leave room for the longest turned header.
	const longest = Math.max(0, ...header.filter((_, col) => upright(col, true)).map((text) => text.length));
	const turned = longest ? [{ 'w:trHeight': { _attr: { 'w:val': 200 + longest * 6 * size, 'w:hRule': 'atLeast' } } }] : [];
	const headerRow = { 'w:trPr': [{ 'w:tblHeader': {} }, ...turned] };
	const head: Xml[] = options.plain ? [] : [{ 'w:tr': [headerRow, ...header.map((text, col) => cell(text, col, true, true))] }];
	const tblPr = {
		'w:tblPr': [
			{ 'w:tblW': dxa(frame.width) },
			{ 'w:tblBorders': [{ 'w:top': line }, { 'w:left': line }, { 'w:bottom': line }, { 'w:right': line }, { 'w:insideH': line }, { 'w:insideV': line }] },
			// Fixed: Word and LibreOffice keep the measured widths instead of re-balancing by content.
			{ 'w:tblLayout': { _attr: { 'w:type': 'fixed' } } },
			CELL_MARGINS
		]
	};
	const grid = { 'w:tblGrid': widths.map((w) => ({ 'w:gridCol': { _attr: { 'w:w': w } } })) };
	return new TextTable({ 'w:tbl': [tblPr, grid, ...head, ...body] });
}

/** Cell padding, left plus right (80 twips each), in points; and a point more for renderers' rounding. */
const PADDING = 9;

/**
 * Column widths in twips from the Arial metrics of the cells' words (fit/columns.ts); turned
 * headers take no width. Plain tables (label–value lists) keep their weights as given.
 */
export function fitTable(frame: Frame, header: string[], rows: string[][], options: TableOptions) {
	const weights = options.weights ?? header.map(() => 1);
	const size = (options.size ?? 20) / 2;
	const fit = fitColumns({
		total: frame.width / 20,
		padding: PADDING,
		weights,
		header: options.plain ? header.map(() => '') : header.map((text, col) => (options.upright?.includes(col) ? '' : text)),
		rows,
		measure: (text, bold) => arialWidth(text, size, bold)
	});
	const heads = header.map((text, col) => (options.plain || options.upright?.includes(col) ? text : fit.header[col]));
	return { widths: fit.widths.map((w) => Math.floor(w * 20)), header: heads, rows: fit.rows };
}

/** A run's text: `w:t` pieces with Word's own soft hyphen element where the text has U+00AD. */
function textOf(text: string): Xml[] {
	return text.split(SOFT_HYPHEN).flatMap((part, i) => [...(i ? [{ 'w:softHyphen': {} }] : []), { 'w:t': [{ _attr: { 'xml:space': 'preserve' } }, part] }]);
}

/** A chart at its drawn size, scaled down to the text width when wider. */
export function chart(frame: Frame, image: Chart, title: string): Paragraph {
	const maxPx = (frame.width / 1440) * 96;
	const scale = Math.min(1, maxPx / image.width);
	return new Paragraph({
		alignment: AlignmentType.CENTER,
		spacing: { before: 120, after: 120 },
		children: [
			new ImageRun({
				type: 'png',
				data: image.png,
				transformation: { width: Math.round(image.width * scale), height: Math.round(image.height * scale) },
				altText: { name: title, description: title, title }
			})
		]
	});
}

/** An empty line, for air between a table and what follows. */
export const gap = () => new Paragraph({ children: [] });

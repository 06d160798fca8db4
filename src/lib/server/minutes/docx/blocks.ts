/**
 * Word building blocks for the DOCX minutes: headings in Word's own Heading 1–3 styles (so the
 * navigation pane and a table of contents work), body paragraphs, tables with a repeating
 * header row, and chart images. Everything a person typed stays editable text.
 */
import {
	AlignmentType,
	BorderStyle,
	HeadingLevel,
	HeightRule,
	ImageRun,
	Paragraph,
	ShadingType,
	Table,
	TableCell,
	TableRow,
	TextDirection,
	TextRun,
	VerticalAlign,
	WidthType,
	type IBorderOptions
} from 'docx';
import type { Chart } from '../charts';
import type { Words } from '../md/words';

/** What every section needs: the words of the minutes' language and the text width in twips. */
export interface Frame {
	words: Words;
	/** Width between the margins, in twips (1/1440 inch). */
	width: number;
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
export function numbered(n: number, text: string, facts: string | null = null): Paragraph {
	const lines = [new TextRun(`${n}. `), ...runs(text)];
	if (facts) lines.push(new TextRun({ text: facts, italics: true, size: 18, color: '444444', break: 1 }));
	return new Paragraph({ indent: { left: 360, hanging: 360 }, spacing: { after: 80 }, children: lines });
}

const LINE: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: '808080' };
const NONE: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };

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
}

/** A full-width table whose first row repeats on every page it runs across. */
export function table(frame: Frame, header: string[], rows: string[][], options: TableOptions = {}): Table {
	const weights = options.weights ?? header.map(() => 1);
	const sum = weights.reduce((a, b) => a + b, 0);
	const widths = weights.map((w) => Math.floor((frame.width * w) / sum));
	const border = options.plain ? NONE : LINE;
	const upright = (col: number, head: boolean) => head && !!options.upright?.includes(col);
	const cell = (text: string, col: number, head: boolean, bold: boolean) =>
		new TableCell({
			width: { size: widths[col], type: WidthType.DXA },
			...(upright(col, head) ? { textDirection: TextDirection.BOTTOM_TO_TOP_LEFT_TO_RIGHT, verticalAlign: VerticalAlign.BOTTOM } : {}),
			shading: head ? { type: ShadingType.CLEAR, color: 'auto', fill: 'D9E2F3' } : undefined,
			margins: { top: 40, bottom: 40, left: 80, right: 80 },
			children: [
				new Paragraph({
					alignment: options.right?.includes(col) && !head ? AlignmentType.RIGHT : AlignmentType.LEFT,
					children: runs(text, { bold: head || bold, size: options.size ?? 20 })
				})
			]
		});
	const body = rows.map((r, i) => new TableRow({ children: r.map((text, col) => cell(text, col, false, !!options.totals && i === rows.length - 1)) }));
	// Turned text does not make a row taller by itself: leave room for the longest turned header.
	const longest = Math.max(0, ...header.filter((_, col) => upright(col, true)).map((text) => text.length));
	const height = longest ? { value: 200 + longest * 6 * (options.size ?? 20), rule: HeightRule.ATLEAST } : undefined;
	const head = options.plain ? [] : [new TableRow({ tableHeader: true, height, children: header.map((text, col) => cell(text, col, true, true)) })];
	return new Table({
		width: { size: frame.width, type: WidthType.DXA },
		columnWidths: widths,
		borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
		rows: [...head, ...body]
	});
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

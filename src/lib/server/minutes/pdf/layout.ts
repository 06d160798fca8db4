/**
 * A thin layer over pdfkit for the notulen: headings, labelled fields, paragraphs and ruled
 * tables that break across pages and repeat their header row. Everything is laid out top to
 * bottom on `doc.y`; nothing here knows what the minutes say.
 */
import type PDFDocument from 'pdfkit';
import { fitColumns } from '../fit/columns';
import { trimFontCaches, useFont, widthOf, type FontName } from './fonts';

type Doc = InstanceType<typeof PDFDocument>;

export interface Column {
	header: string;
	/** Share of the table's width; the shares of a table need not add up to 1. */
	width: number;
	align?: 'left' | 'right' | 'center';
}

export interface TableOptions {
	/** Font size of the cells; wide tables use a compact size and the condensed face. */
	size?: number;
	condensed?: boolean;
	/** Minimum row height, e.g. room for a signature. */
	minRowHeight?: number;
	/** The last row is a totals row, printed bold. */
	totals?: boolean;
}

/** What `Layout.measure` found out about a text: pdfkit's lines (null: unknown) and their height. */
interface Measured {
	lines: string[] | null;
	height: number;
}

/** An empty text: no lines to set. */
const NOTHING: Measured = { lines: [], height: 0 };

/** pdfkit's `_fragment`: sets one line of text, its top left corner at x, y. */
type SetLine = (text: string, x: number, y: number, options: object) => void;
/**
 * The textWidth and wordCount pdfkit's wrapper would hand `_fragment` with a line: only
 * underlines and links use them, which the minutes never draw, so pdfkit need not measure the
 * line again to find them.
 */
const SET_LINE = { textWidth: 0, wordCount: 0 };

/** pdfkit's `_text`: lays out `text` with its line wrapper and hands each line to `line`. */
type WrapText = (text: string, x: number, y: number, options: PDFKit.Mixins.TextOptions, line: (text: string) => void) => void;

export const BODY = 9.5;
const PAD = 3;
const LINE = '#444444';

/**
 * Text made only of these can break only after a space or next to punctuation: printable ASCII,
 * Latin-1 and Latin Extended-A/B (no soft hyphen), and the dashes, quotes and ellipsis of
 * U+2010–U+2027. No control characters, so no forced breaks; no scripts that break between letters.
 */
const PREDICTABLE = /^[\x20-\x7e\xa0-\xac\xae-\u024f\u2010-\u2027]*$/;
/** Characters next to which pdfkit's line breaker may split a run of text that has no space. */
const SPLITTABLE = /[^\p{L}\p{N} ]/gu;
/**
 * The most a split can widen such a run, per splittable character, as a share of the font size:
 * the kerning pdfkit loses when it measures the two halves apart. The largest pair adjustment in
 * the four DejaVu faces is 0.263 em ("L" and a closing quote).
 */
const SPLIT_ALLOWANCE = 0.3;

export class Layout {
	/** The face and size last set through `font()`. */
	private face: FontName = 'regular';
	private size = BODY;

	constructor(readonly doc: Doc) {
		trimFontCaches();
		// A soft hyphen is printed only where pdfkit broke the line at it (it makes that one a
		// hyphen); anywhere else DejaVu would draw it. Also for the texts doc.text sets itself.
		const internal = doc as unknown as { _fragment?: SetLine };
		const fragment = internal._fragment;
		if (typeof fragment === 'function') {
			internal._fragment = function (this: Doc, text, x, y, options) {
				fragment.call(this, text.replace(/\u00ad/g, ''), x, y, options);
			};
		}
	}

	get left() {
		return this.doc.page.margins.left;
	}

	get width() {
		return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
	}

	get bottom() {
		return this.doc.page.height - this.doc.page.margins.bottom;
	}

	font(name: FontName, size = BODY) {
		this.face = name;
		this.size = size;
		return useFont(this.doc, name, size);
	}

	/**
	 * Whether pdfkit would set `text` on one line at `width` in the current font, known without
	 * running its line wrapper: the whole text is narrower than the line by more than anything
	 * splitting it into words could add. False means "measure it", not "it wraps".
	 */
	private fitsOnOneLine(text: string, width: number): boolean {
		if (!PREDICTABLE.test(text)) return false;
		const splittable = text.match(SPLITTABLE)?.length ?? 0;
		return widthOf(this.doc, this.face, this.size, text) + splittable * SPLIT_ALLOWANCE * this.size + 0.01 <= width;
	}

	/**
	 * The lines pdfkit's wrapper makes of `text` at `width` in the current font, and their height
	 * as `doc.heightOfString` gives it (added up line by line from `doc.y`, to the last bit, so rows
	 * and page breaks fall where they did). A text that plainly fits is one line without wrapping
	 * it; any other is wrapped once here, by pdfkit, and `draw` sets the lines it made instead of
	 * wrapping it again. Without pdfkit's `_text` (another pdfkit version), no lines: `draw` then
	 * leaves the text to `doc.text`.
	 */
	private measure(text: string, width: number): Measured {
		if (!text) return NOTHING;
		const { doc } = this;
		const line = doc.currentLineHeight(true);
		let lines: string[] | null = [text];
		if (!this.fitsOnOneLine(text, width)) {
			const wrap = (doc as unknown as { _text?: WrapText })._text;
			if (typeof wrap !== 'function') return { lines: null, height: doc.heightOfString(text, { width }) };
			lines = [];
			const { x, y } = doc;
			// What heightOfString does, keeping the lines.
			wrap.call(doc, text, x, y, { width, height: Infinity }, (made: string) => lines!.push(made));
			doc.x = x;
			doc.y = y;
		}
		let bottom = doc.y;
		for (let i = 0; i < lines.length; i++) bottom += line;
		return { lines, height: bottom - doc.y };
	}

	/**
	 * `doc.text(text, x, y, { width, align })` with the lines `measure` made of `text`: each set
	 * where and as pdfkit's wrapper would set it (right alignment worked out as pdfkit does), so
	 * the page gets the same content. Leaves `doc.x` and `doc.y` as `doc.text` does. Where
	 * the lines would run past the bottom of the page (pdfkit would go on on a new one) or are
	 * centred, `doc.text` sets the text itself.
	 */
	private draw(text: string, { lines }: Measured, x: number, y: number, width: number, align: 'left' | 'right' | 'center' = 'left') {
		const { doc } = this;
		const line = doc.currentLineHeight(true);
		let last = y;
		for (let i = 1; i < (lines?.length ?? 0); i++) last += line;
		// pdfkit compares with the bottom rounded down to single precision; a hundredth of a point is ample.
		if (!lines || align === 'center' || last + line > this.bottom - 0.01) {
			doc.text(text, x, y, { width, align });
			return;
		}
		// pdfkit's wrapper hands each line to _fragment; doing the same skips doc.text's option
		// copying and the width it measures after each line to move doc.x along.
		const fragment = (doc as unknown as { _fragment?: SetLine })._fragment;
		let top = y;
		for (const wrapped of lines) {
			// pdfkit turned a soft hyphen that ends a line into a hyphen; the others are not printed.
			const made = wrapped.replace(/\u00ad/g, '');
			// As pdfkit's own right alignment: the line's width less the text without trailing spaces.
			const left = align === 'right' ? x + (width - doc.widthOfString(made.replace(/\n/g, '').replace(/\s+$/, ''))) : x;
			if (typeof fragment === 'function') fragment.call(doc, made, left, top, SET_LINE);
			else if (made.length) doc.text(made, left, top, { lineBreak: false, ...SET_LINE } as PDFKit.Mixins.TextOptions);
			top += line;
		}
		doc.x = x;
		doc.y = top;
	}

	/** `doc.text(text, x, y, { width, align })`, wrapping the text at most once. */
	private write(text: string, x: number, y: number, width: number, align: 'left' | 'right' | 'center' = 'left') {
		this.draw(text, this.measure(text, width), x, y, width, align);
	}

	/** Starts a new page when fewer than `height` points are left. */
	ensure(height: number) {
		if (this.doc.y + height > this.bottom) this.doc.addPage();
	}

	heading(text: string, level: 1 | 2 | 3 = 1) {
		const size = level === 1 ? 12 : level === 2 ? 10.5 : BODY;
		this.doc.moveDown(level === 1 ? 0.9 : 0.6);
		// Keep a heading with at least a few lines of what follows it.
		this.ensure(size * 5);
		this.font('bold', size).fillColor('black').text(text, this.left, this.doc.y, { width: this.width });
		if (level === 1) {
			const y = this.doc.y + 1;
			this.doc.moveTo(this.left, y).lineTo(this.left + this.width, y).lineWidth(0.6).strokeColor(LINE).stroke();
			this.doc.y = y + 3;
		}
		this.doc.moveDown(0.3);
	}

	paragraph(text: string, options: { italic?: boolean; size?: number; indent?: number; align?: 'left' | 'center' | 'justify' } = {}) {
		const indent = options.indent ?? 0;
		this.font('regular', options.size ?? BODY).fillColor(options.italic ? '#555555' : 'black');
		this.doc.text(text, this.left + indent, this.doc.y, { width: this.width - indent, align: options.align ?? 'left' });
		this.doc.fillColor('black');
	}

	/** "1. text" with the text hanging after `label`, and an optional smaller line of facts below it. */
	hanging(label: string, text: string, facts = '', indent = 0, hang = 18) {
		const x = this.left + indent;
		const width = this.width - indent - hang;
		this.font('regular');
		const measured = this.measure(text, width);
		// A label may wrap too (a note's stamp with its date): the next entry starts below the taller.
		const stamp = this.measure(label, hang);
		this.ensure(Math.max(measured.height, stamp.height) + 14);
		const y = this.doc.y;
		this.draw(label, stamp, x, y, hang);
		this.draw(text, measured, x + hang, y, width);
		const below = y + stamp.height;
		if (facts) {
			this.font('regular', 8).fillColor('#555555');
			this.write(facts, x + hang, this.doc.y, width);
			this.doc.fillColor('black');
		}
		this.doc.y = Math.max(this.doc.y, below);
		this.doc.moveDown(0.25);
	}

	/** Label, colon and value in two columns, as the identitas kegiatan of a printed notulen. */
	fields(rows: [string, string][]) {
		const labelWidth = 120;
		for (const [label, value] of rows) {
			this.font('regular');
			const height = Math.max(this.doc.heightOfString(value || '–', { width: this.width - labelWidth - 10 }), BODY * 1.2);
			this.ensure(height);
			const y = this.doc.y;
			this.doc.text(label, this.left, y, { width: labelWidth });
			this.doc.text(':', this.left + labelWidth, y, { width: 10 });
			this.doc.text(value || '–', this.left + labelWidth + 10, y, { width: this.width - labelWidth - 10 });
			this.doc.y = Math.max(this.doc.y, y + height) + 1.5;
		}
	}

	table(columns: Column[], rows: string[][], options: TableOptions = {}) {
		const size = options.size ?? 8.5;
		// Narrow columns lose less to padding, so fewer words break mid-word.
		const PAD = options.condensed ? 2 : 3;
		const regular: FontName = options.condensed ? 'condensed' : 'regular';
		const bold: FontName = options.condensed ? 'condensedBold' : 'bold';
		// Widths from the words themselves: no column narrower than its longest word where the
		// page allows, and soft hyphens in the words that still do not fit.
		const fitted = fitColumns({
			total: this.width,
			padding: 2 * PAD,
			weights: columns.map((c) => c.width),
			header: columns.map((c) => c.header),
			rows,
			measure: (text, heavy) => widthOf(this.font(heavy ? bold : regular, size), heavy ? bold : regular, size, text)
		});
		const { widths } = fitted;
		const cells = fitted.rows;
		/** Each cell's lines, and the row's height (an empty cell counts as one line). */
		const measure = (cells: string[], font: FontName) => {
			this.font(font, size);
			const lines = cells.map((text, i) => this.measure(text, widths[i] - 2 * PAD));
			const heights = cells.map((text, i) => (text ? lines[i].height : this.measure(' ', widths[i] - 2 * PAD).height));
			return { lines, height: Math.max(...heights) + 2 * PAD };
		};
		/** Fills (a header), then rules, then the text of each cell: colours and line width set once a row. */
		const draw = (cells: string[], font: FontName, lines: Measured[], height: number, fill?: string) => {
			const { doc } = this;
			const y = doc.y;
			const each = (cell: (x: number, i: number) => void) => {
				let x = this.left;
				widths.forEach((width, i) => {
					cell(x, i);
					x += width;
				});
			};
			if (fill) {
				doc.fillColor(fill);
				each((x, i) => doc.rect(x, y, widths[i], height).fill());
			}
			// Each cell stroked on its own, as before, so shared edges are drawn as they were.
			doc.lineWidth(0.5).strokeColor(LINE);
			each((x, i) => doc.rect(x, y, widths[i], height).stroke());
			this.font(font, size).fillColor('black');
			each((x, i) => this.draw(cells[i], lines[i], x + PAD, y + PAD, widths[i] - 2 * PAD, columns[i].align ?? 'left'));
			doc.x = this.left;
			doc.y = y + height;
		};
		const headers = fitted.header;
		const header = measure(headers, bold);
		this.ensure(header.height + 2 * size);
		draw(headers, bold, header.lines, header.height, '#e8edf3');
		cells.forEach((row, index) => {
			const font = options.totals && index === cells.length - 1 ? bold : regular;
			const measured = measure(row, font);
			const height = Math.max(measured.height, options.minRowHeight ?? 0);
			if (this.doc.y + height > this.bottom) {
				this.doc.addPage();
				draw(headers, bold, header.lines, header.height, '#e8edf3');
			}
			draw(row, font, measured.lines, height);
		});
		this.doc.moveDown(0.5);
	}
}

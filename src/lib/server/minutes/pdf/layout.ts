/**
 * A thin layer over pdfkit for the notulen: headings, labelled fields, paragraphs and ruled
 * tables that break across pages and repeat their header row. Everything is laid out top to
 * bottom on `doc.y`; nothing here knows what the minutes say.
 */
import type PDFDocument from 'pdfkit';
import { FONTS, type FontName } from './fonts';

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

export const BODY = 9.5;
const PAD = 3;
const LINE = '#444444';

export class Layout {
	constructor(readonly doc: Doc) {}

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
		return this.doc.font(FONTS[name]).fontSize(size);
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
		this.font('regular');
		this.ensure(this.doc.heightOfString(text, { width: this.width - indent - hang }) + 14);
		const y = this.doc.y;
		this.doc.text(label, x, y, { width: hang });
		this.doc.text(text, x + hang, y, { width: this.width - indent - hang });
		if (facts) {
			this.font('regular', 8).fillColor('#555555').text(facts, x + hang, this.doc.y, { width: this.width - indent - hang });
			this.doc.fillColor('black');
		}
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
		const share = columns.reduce((sum, c) => sum + c.width, 0);
		const widths = columns.map((c) => (c.width / share) * this.width);
		const measure = (cells: string[], font: FontName) => {
			this.font(font, size);
			const heights = cells.map((text, i) => this.doc.heightOfString(text || ' ', { width: widths[i] - 2 * PAD }));
			return Math.max(...heights) + 2 * PAD;
		};
		const draw = (cells: string[], font: FontName, height: number, fill?: string) => {
			const y = this.doc.y;
			let x = this.left;
			cells.forEach((text, i) => {
				if (fill) this.doc.rect(x, y, widths[i], height).fill(fill);
				this.doc.rect(x, y, widths[i], height).lineWidth(0.5).strokeColor(LINE).stroke();
				this.font(font, size).fillColor('black');
				this.doc.text(text, x + PAD, y + PAD, { width: widths[i] - 2 * PAD, align: columns[i].align ?? 'left' });
				x += widths[i];
			});
			this.doc.x = this.left;
			this.doc.y = y + height;
		};
		const headers = columns.map((c) => c.header);
		const headerHeight = measure(headers, bold);
		this.ensure(headerHeight + 2 * size);
		draw(headers, bold, headerHeight, '#e8edf3');
		rows.forEach((cells, index) => {
			const font = options.totals && index === rows.length - 1 ? bold : regular;
			const height = Math.max(measure(cells, font), options.minRowHeight ?? 0);
			if (this.doc.y + height > this.bottom) {
				this.doc.addPage();
				draw(headers, bold, headerHeight, '#e8edf3');
			}
			draw(cells, font, height);
		});
		this.doc.moveDown(0.5);
	}
}

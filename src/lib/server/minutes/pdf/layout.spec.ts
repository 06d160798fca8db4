/**
 * Layout sets most text without pdfkit's line wrapper, or with it once instead of twice. These
 * check the pages come out exactly as when every text went through `heightOfString` and `text`,
 * as Layout did before: same glyphs, same places, same page breaks.
 */
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { fitColumns } from '../fit/columns';
import { FONTS, widthOf, type FontName } from './fonts';
import { Layout, type Column, type TableOptions } from './layout';

type Doc = InstanceType<typeof PDFDocument>;

/** A PDF, uncompressed, with nothing that changes from run to run. */
function pdf(draw: (doc: Doc) => void): Promise<string> {
	const doc = new PDFDocument({ size: 'A4', margins: { top: 56, bottom: 50, left: 50, right: 45 }, compress: false, info: { CreationDate: new Date(0) } });
	const chunks: Buffer[] = [];
	doc.on('data', (chunk: Buffer) => chunks.push(chunk));
	const done = new Promise<string>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks).toString('latin1').replace(/\/ID \[[^\]]*\]/, ''))));
	doc.font(FONTS.regular);
	// Layout prints no soft hyphen but the one pdfkit turns into a hyphen at a line's end.
	const internal = doc as unknown as { _fragment: (text: string, ...rest: unknown[]) => void };
	const fragment = internal._fragment;
	internal._fragment = function (text, ...rest) {
		return fragment.call(this, text.replace(/\u00ad/g, ''), ...rest);
	};
	draw(doc);
	doc.end();
	return done;
}

/** Layout's table and hanging lines with every text measured and set by pdfkit (heightOfString, then text). */
const reference = {
	font: (doc: Doc, name: FontName, size = 9.5) => doc.font(FONTS[name]).fontSize(size),
	width: (doc: Doc) => doc.page.width - doc.page.margins.left - doc.page.margins.right,
	bottom: (doc: Doc) => doc.page.height - doc.page.margins.bottom,
	hanging(doc: Doc, label: string, text: string, facts = '', indent = 0, hang = 18) {
		const x = doc.page.margins.left + indent;
		this.font(doc, 'regular');
		const stamp = label ? doc.heightOfString(label, { width: hang }) : 0;
		const body = text ? doc.heightOfString(text, { width: this.width(doc) - indent - hang }) : 0;
		if (doc.y + Math.max(body, stamp) + 14 > this.bottom(doc)) doc.addPage();
		const y = doc.y;
		doc.text(label, x, y, { width: hang });
		doc.text(text, x + hang, y, { width: this.width(doc) - indent - hang });
		if (facts) {
			this.font(doc, 'regular', 8).fillColor('#555555').text(facts, x + hang, doc.y, { width: this.width(doc) - indent - hang });
			doc.fillColor('black');
		}
		doc.y = Math.max(doc.y, y + stamp);
		doc.moveDown(0.25);
	},
	table(doc: Doc, columns: Column[], rows: string[][], options: TableOptions = {}) {
		const size = options.size ?? 8.5;
		const PAD = options.condensed ? 2 : 3;
		const regular: FontName = options.condensed ? 'condensed' : 'regular';
		const bold: FontName = options.condensed ? 'condensedBold' : 'bold';
		const fitted = fitColumns({
			total: this.width(doc),
			padding: 2 * PAD,
			weights: columns.map((c) => c.width),
			header: columns.map((c) => c.header),
			rows,
			measure: (text, heavy) => widthOf(this.font(doc, heavy ? bold : regular, size), heavy ? bold : regular, size, text)
		});
		const { widths } = fitted;
		rows = fitted.rows;
		const measure = (cells: string[], font: FontName) => {
			this.font(doc, font, size);
			return Math.max(...cells.map((text, i) => doc.heightOfString(text || ' ', { width: widths[i] - 2 * PAD }))) + 2 * PAD;
		};
		const draw = (cells: string[], font: FontName, height: number, fill?: string) => {
			const y = doc.y;
			const each = (cell: (x: number, i: number) => void) => {
				let x = doc.page.margins.left;
				widths.forEach((width, i) => {
					cell(x, i);
					x += width;
				});
			};
			if (fill) {
				doc.fillColor(fill);
				each((x, i) => doc.rect(x, y, widths[i], height).fill());
			}
			doc.lineWidth(0.5).strokeColor('#444444');
			each((x, i) => doc.rect(x, y, widths[i], height).stroke());
			this.font(doc, font, size).fillColor('black');
			each((x, i) => doc.text(cells[i], x + PAD, y + PAD, { width: widths[i] - 2 * PAD, align: columns[i].align ?? 'left' }));
			doc.x = doc.page.margins.left;
			doc.y = y + height;
		};
		const headers = fitted.header;
		const headerHeight = measure(headers, bold);
		if (doc.y + headerHeight + 2 * size > this.bottom(doc)) doc.addPage();
		draw(headers, bold, headerHeight, '#e8edf3');
		rows.forEach((cells, index) => {
			const font = options.totals && index === rows.length - 1 ? bold : regular;
			const height = Math.max(measure(cells, font), options.minRowHeight ?? 0);
			if (doc.y + height > this.bottom(doc)) {
				doc.addPage();
				draw(headers, bold, headerHeight, '#e8edf3');
			}
			draw(cells, font, height);
		});
		doc.moveDown(0.5);
	}
};

/** Texts that wrap in every way pdfkit knows: at spaces, after hyphens and slashes, inside over-long words, at newlines. */
const TEXTS = [
	'',
	'Kendala',
	'Masukan 12: akses modal perlu ditangani bersama oleh dinas, desa dan dunia usaha.',
	'Peserta 12 – Lembaga 12 – Pemerintah (OPD / kecamatan / desa)',
	'Rp 150.000.000',
	'Pascatambang-berkelanjutan/UMKM-desa-lingkar-tambang-Kutai-Kartanegara',
	'Supercalifragilisticexpialidociouswordthatcannotfitinanarrowcolumnatall',
	'Baris pertama\nbaris kedua\r\nbaris ketiga yang agak lebih panjang dari yang lain',
	'“Kutipan” dengan tanda petik, elipsis… dan tanda pisah — di tengah',
	'Soft\u00adhyphen\u00adated word in a narrow column with NBSP\u00a0joined\u00a0words',
	'Émile Zoë Çağlar Łódź ñandú: Latin letters with accents, and 1.234,5',
	'Teks dengan 😀 emoji dan 漢字 yang tidak ada di fon',
	'   spasi di depan dan di belakang   ',
	'L” LT LV AV Yo To — pasangan berkerning'
];

const COLUMNS: Column[] = [
	{ header: 'No', width: 0.5, align: 'right' },
	{ header: 'Teks', width: 4 },
	{ header: 'Oleh', width: 3 },
	{ header: 'Jumlah suara', width: 0.7, align: 'right' }
];

/** Rows enough to run over several pages, each mixing the texts above. */
const ROWS = Array.from({ length: 160 }, (_, i) => [String(i + 1), TEXTS[i % TEXTS.length], TEXTS[(i * 5 + 3) % TEXTS.length], TEXTS[(i * 7 + 1) % 4]]);

describe('Layout', () => {
	it.each<[string, TableOptions]>([
		['regular', {}],
		['condensed, small, with a totals row', { size: 6.5, condensed: true, totals: true }],
		['with room to sign', { minRowHeight: 22 }]
	])('sets a %s table exactly as pdfkit measuring and wrapping every cell would', async (_, options) => {
		const fast = await pdf((doc) => new Layout(doc).table(COLUMNS, ROWS, options));
		const slow = await pdf((doc) => reference.table(doc, COLUMNS, ROWS, options));
		expect(fast.length).toBeGreaterThan(50_000);
		expect(fast).toBe(slow);
	});

	it('wraps where pdfkit does when a line is a hair wider than the text', async () => {
		// pdfkit measures "Pasca-" and "Yakin" apart and so loses their kerning (0.12 em for "-Y"):
		// the text fits as a whole but not word by word, and must wrap.
		const texts = ['Pasca-Yakin', 'Dana-Tambang desa', 'Koperasi-Varia/Wisata', 'Rp 1.000-Yes', 'Kutipan-“Tanda”'];
		const scratch = reference.font(new PDFDocument(), 'regular');
		const widths = texts.map((text) => scratch.widthOfString(text));
		const draw = (hanging: (label: string, text: string, indent: number) => void) => (doc: Doc) => {
			const room = reference.width(doc) - 18;
			texts.forEach((text, i) => {
				for (const extra of [0.005, 0.02, 0.5, 1.2, 3]) hanging(`${i + 1}.`, text, room - widths[i] - extra);
			});
		};
		const fast = await pdf((doc) => {
			const layout = new Layout(doc);
			draw((label, text, indent) => layout.hanging(label, text, '', indent))(doc);
		});
		const slow = await pdf((doc) => draw((label, text, indent) => reference.hanging(doc, label, text, '', indent))(doc));
		expect(fast).toBe(slow);
	});

	it('sets numbered lines with their facts exactly as pdfkit would, across pages', async () => {
		const items = Array.from({ length: 120 }, (_, i) => [`${i + 1}.`, TEXTS[i % TEXTS.length], TEXTS[(i * 3 + 2) % TEXTS.length]]);
		const fast = await pdf((doc) => {
			const layout = new Layout(doc);
			for (const [label, text, facts] of items) layout.hanging(label, text, facts, 8);
		});
		const slow = await pdf((doc) => {
			for (const [label, text, facts] of items) reference.hanging(doc, label, text, facts, 8);
		});
		expect(fast).toBe(slow);
	});
});

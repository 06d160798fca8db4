/**
 * The Laporan Hasil FGD as a PDF: the minutes' pdfkit layout (DejaVu embedded, fitted tables
 * whose header repeats, headings kept with what follows), their kop surat, paper sizes and
 * margins, laid out from the report's outline; "Halaman X dari Y" on every page.
 */
import PDFDocument from 'pdfkit';
import { FONTS } from '../minutes/pdf/fonts';
import { MARGIN, PAPER_SIZES } from '../minutes/pdf/index';
import { Layout } from '../minutes/pdf/layout';
import { drawLetterhead } from '../minutes/pdf/letterhead';
import type { Paper } from '../minutes/paper';
import type { Synthesis } from './model';
import { outline, type Block } from './outline';
import { SYNTHESIS_WORDS } from './words';

export function renderSynthesisPdf(s: Synthesis, { paper = 'a4' }: { paper?: Paper } = {}): Promise<Buffer> {
	const w = SYNTHESIS_WORDS[s.lang];
	const report = outline(s);
	const doc = new PDFDocument({
		size: PAPER_SIZES[paper],
		margins: MARGIN,
		bufferPages: true,
		font: FONTS.regular,
		info: { Title: `${report.title} — ${report.subtitle}`, Creator: 'Rembuk' },
		lang: s.lang === 'id' ? 'id-ID' : 'en-GB'
	});
	const chunks: Buffer[] = [];
	const done = new Promise<Buffer>((resolve, reject) => {
		doc.on('data', (chunk: Buffer) => chunks.push(chunk));
		doc.on('end', () => resolve(Buffer.concat(chunks)));
		doc.on('error', reject);
	});
	const layout = new Layout(doc);
	drawLetterhead(layout, s.letterhead);
	const centred = { width: layout.width, align: 'center' } as const;
	layout.font('bold', 13).text(report.title, layout.left, doc.y, centred);
	layout.font('bold', 11).text(report.subtitle, centred);
	doc.moveDown(0.4);
	for (const block of report.blocks) draw(layout, block);
	doc.moveDown(1);
	layout.paragraph(report.footer, { italic: true, size: 7.5 });

	const { start, count } = doc.bufferedPageRange();
	for (let i = start; i < start + count; i++) {
		doc.switchToPage(i);
		const margins = doc.page.margins;
		doc.page.margins = { ...margins, top: 0, bottom: 0 };
		const width = doc.page.width - margins.left - margins.right;
		if (i > start) {
			layout.font('regular', 7.5).fillColor('#555555').text(report.subtitle, margins.left, 28, { width, align: 'center', lineBreak: false, ellipsis: true });
			doc.moveTo(margins.left, 40).lineTo(margins.left + width, 40).lineWidth(0.4).strokeColor('#999999').stroke();
		}
		layout.font('regular', 7.5).fillColor('#555555').text(w.page(i - start + 1, count), margins.left, doc.page.height - 32, { width, align: 'center', lineBreak: false });
		doc.fillColor('black');
		doc.page.margins = margins;
	}
	doc.end();
	return done;
}

function draw(layout: Layout, block: Block) {
	const { doc } = layout;
	switch (block.type) {
		case 'heading':
			// What follows a heading is often a table: keep the heading with its header and first rows.
			layout.ensure(block.level === 1 ? 100 : 80);
			return layout.heading(block.text, block.level);
		case 'paragraph':
			layout.paragraph(block.text, { align: 'justify' });
			return doc.moveDown(0.3);
		case 'note':
			layout.paragraph(block.text, { italic: true });
			return doc.moveDown(0.3);
		case 'list':
			return block.items.forEach((item, i) => layout.hanging(`${i + 1}.`, item));
		case 'table': {
			const t = block.table;
			layout.table(
				t.header.map((header, i) => ({ header, width: t.weights[i] ?? 1, align: t.right.includes(i) ? ('right' as const) : ('left' as const) })),
				t.rows,
				{ size: t.small ? 7.5 : 8.5, condensed: t.header.length > 6, totals: t.totals }
			);
			return doc.moveDown(0.4);
		}
		case 'pageBreak':
			return doc.addPage();
		case 'signOff': {
			layout.ensure(150);
			doc.moveDown(1);
			const half = layout.width / 2;
			const x = layout.left + half;
			const line = (text: string, bold = false, underline = false) => layout.font(bold ? 'bold' : 'regular').text(text, x, doc.y, { width: half, align: 'center', underline });
			line(block.placeAndDate);
			const [role, ...position] = block.role;
			line(role, true);
			for (const p of position) line(p);
			doc.y += 55;
			line(block.name, block.named, block.named);
			for (const b of block.below) line(b);
			doc.x = layout.left;
			return doc.moveDown(0.5);
		}
	}
}

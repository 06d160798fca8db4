/**
 * The minutes as a PDF, made on the server with pdfkit: A4 or F4 (folio, 215 × 330 mm, used by
 * many regional offices), DejaVu Sans embedded, the sections in the order of the notulen, a
 * running header from the second page and "Halaman X dari Y" on every page.
 */
import PDFDocument from 'pdfkit';
import type { Minutes, PhotoBytes } from '../model';
import { WORDS } from '../md/words';
import { attachmentsSection, documentationSection } from './attachments';
import { actionPlanSection, appendixSection, closingSection, signOffSection } from './closing';
import { isDraft } from '../sign-off';
import { FONTS } from './fonts';
import { PARAF_MARGIN, parafBoxes, watermark } from './furniture';
import { Layout } from './layout';
import { drawLetterhead } from './letterhead';
import { agendaSection, basisSection, eventSection, proceedingsSection, titleBlock } from './opening';
import { conclusionsSection, findingsSection, recommendationsSection, votesSection } from './results';
import { PAPER_MM, type Paper } from '../paper';
import { PDF_WORDS } from './words';

const MM = 72 / 25.4;
/** Width × height in points. */
export const PAPER_SIZES = Object.fromEntries(
	Object.entries(PAPER_MM).map(([paper, { width, height }]) => [paper, [width * MM, height * MM]])
) as Record<Paper, [number, number]>;

export const MARGIN = { top: 56, bottom: 50, left: 50, right: 45 };

/** `photos` reads the dokumentasi's JPEGs; without it the photo pages show their captions only. */
export function renderPdf(minutes: Minutes, paper: Paper = 'a4', photos?: PhotoBytes): Promise<Buffer> {
	const words = WORDS[minutes.lang];
	const pdf = PDF_WORDS[minutes.lang];
	const doc = new PDFDocument({
		size: PAPER_SIZES[paper],
		margins: minutes.details.paraf.length ? { ...MARGIN, bottom: PARAF_MARGIN } : MARGIN,
		bufferPages: true,
		font: FONTS.regular,
		info: { Title: `${words.title} — ${minutes.session.title}`, Author: minutes.session.organizers.join('; '), Creator: 'Rembuk' },
		lang: minutes.lang === 'id' ? 'id-ID' : 'en-GB'
	});
	const chunks: Buffer[] = [];
	const done = new Promise<Buffer>((resolve, reject) => {
		doc.on('data', (chunk: Buffer) => chunks.push(chunk));
		doc.on('end', () => resolve(Buffer.concat(chunks)));
		doc.on('error', reject);
	});
	const layout = new Layout(doc);
	drawLetterhead(layout, minutes.letterhead);
	titleBlock(layout, minutes, words);
	eventSection(layout, minutes, words, pdf);
	basisSection(layout, minutes, words);
	agendaSection(layout, minutes, words);
	proceedingsSection(layout, minutes, words);
	findingsSection(layout, minutes, words);
	votesSection(layout, minutes, words, pdf);
	conclusionsSection(layout, minutes, words);
	recommendationsSection(layout, minutes, words);
	actionPlanSection(layout, minutes, words);
	closingSection(layout, minutes, words);
	signOffSection(layout, minutes, words);
	attachmentsSection(layout, minutes, words);
	appendixSection(layout, minutes, words);
	documentationSection(layout, minutes, words, photos);
	layout.doc.moveDown(1);
	layout.paragraph(words.footer(minutes.generatedAtText), { italic: true, size: 7.5 });
	pageFurniture(layout, minutes, pdf.page);
	doc.end();
	return done;
}

/**
 * Written last, once the page count is known; the margins are lifted so pdfkit adds no page.
 * Provisional minutes carry the draft watermark on every page, including those the tables added.
 */
function pageFurniture(layout: Layout, minutes: Minutes, page: (n: number, of: number) => string) {
	const { doc } = layout;
	const { title } = minutes.session;
	const words = WORDS[minutes.lang];
	const draft = isDraft(minutes);
	const { start, count } = doc.bufferedPageRange();
	for (let i = start; i < start + count; i++) {
		doc.switchToPage(i);
		const margins = doc.page.margins;
		doc.page.margins = { ...margins, top: 0, bottom: 0 };
		const width = doc.page.width - margins.left - margins.right;
		if (i > start) {
			layout.font('regular', 7.5).fillColor('#555555').text(title, margins.left, 28, { width, align: 'center', lineBreak: false, ellipsis: true });
			doc.moveTo(margins.left, 40).lineTo(margins.left + width, 40).lineWidth(0.4).strokeColor('#999999').stroke();
		}
		layout.font('regular', 7.5).fillColor('#555555').text(page(i - start + 1, count), margins.left, doc.page.height - 32, { width, align: 'center', lineBreak: false });
		doc.fillColor('black');
		if (minutes.details.paraf.length) parafBoxes(layout, minutes.details.paraf, words.paraf, margins);
		if (draft) watermark(layout, words.draftMark);
		doc.page.margins = margins;
	}
}

/**
 * The notulen as an editable Word document: the letterhead, then the sections in the order of
 * the Markdown (shared/domain/fgd-minutes.md), with Word's own heading and body styles, tables
 * whose header row repeats, the two charts as images, and "Halaman X dari Y" in the footer.
 */
import { AlignmentType, Document, Footer, Packer, PageNumber, PageOrientation, Paragraph, TextRun, type FileChild, type ISectionOptions } from 'docx';
import type { Locale } from '../../../domain/types';
import type { Minutes, PhotoBytes } from '../model';
import { PAPER_MM, type Paper } from '../paper';
import { WORDS } from '../md/words';
import type { Frame } from './blocks';
import { attachmentsSection, documentationSection } from './attachments';
import { actionPlanSection, appendixSection, closingSection, signOffSection } from './closing';
import { isDraft } from '../sign-off';
import { draftHeader, parafTable } from './furniture';
import { letterhead } from './letterhead';
import { agendaSection, basisSection, eventSection, proceedingsSection, title } from './opening';
import { conclusionsSection, findingsSection, recommendationsSection } from './results';

/** Page size in twips (1/1440 inch). */
export function pageSize(paper: Paper): { width: number; height: number } {
	return { width: mm(PAPER_MM[paper].width), height: mm(PAPER_MM[paper].height) };
}

/** Margins of an Indonesian official letter: 3 cm on the binding side, 2.5 cm elsewhere. */
export const MARGIN = { top: mm(25), bottom: mm(25), left: mm(30), right: mm(25) };

function mm(value: number): number {
	return Math.round((value / 25.4) * 1440);
}

const PAGE_OF: Record<Locale, [string, string]> = { id: ['Halaman ', ' dari '], en: ['Page ', ' of '] };
const LANGUAGE: Record<Locale, string> = { id: 'id-ID', en: 'en-GB' };

type Section = (frame: Frame, minutes: Minutes) => FileChild[];

/** The sections in print order, as in the Markdown minutes; the action plan comes between these two runs. */
const BEFORE_PLAN: Section[] = [eventSection, basisSection, agendaSection, proceedingsSection, findingsSection, conclusionsSection, recommendationsSection];
const AFTER_PLAN: Section[] = [closingSection, signOffSection, attachmentsSection, appendixSection, documentationSection];

/** `photos` reads the dokumentasi's JPEGs; without it the photo pages show their captions only. */
export async function renderDocx(minutes: Minutes, options: { paper?: Paper; photos?: PhotoBytes } = {}): Promise<Buffer> {
	const page = pageSize(options.paper ?? 'a4');
	const words = WORDS[minutes.lang];
	const frame: Frame = {
		words,
		width: page.width - MARGIN.left - MARGIN.right,
		height: page.height - MARGIN.top - MARGIN.bottom,
		photos: options.photos
	};
	const [pageWord, ofWord] = PAGE_OF[minutes.lang];
	// Each Word section has its own footer; the page numbers run on through all of them.
	const paraf = minutes.details.paraf.length ? [parafTable(minutes.details.paraf, words.paraf)] : [];
	const footer = () =>
		new Footer({
			children: [
				...paraf,
				new Paragraph({
					alignment: AlignmentType.CENTER,
					children: [new TextRun({ children: [pageWord, PageNumber.CURRENT, ofWord, PageNumber.TOTAL_PAGES], size: 16 })]
				}),
				new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: words.footer(minutes.generatedAtText), size: 14, color: '666666' })] })
			]
		});
	// Provisional minutes say so at the top of every page of every section.
	const headers = () => (isDraft(minutes) ? { headers: { default: draftHeader(words) } } : {});
	const portrait = (children: FileChild[]): ISectionOptions => ({
		properties: { page: { size: page, margin: MARGIN } },
		...headers(),
		footers: { default: footer() },
		children
	});
	const run = (sections: Section[]) => sections.flatMap((section) => section(frame, minutes));
	const opening = [...letterhead(frame, minutes.letterhead), ...title(frame, minutes), ...run(BEFORE_PLAN)];
	// The action plan's twelve columns get a landscape page of their own, as offices print it;
	// with no rows there is only a sentence, which stays in the portrait flow.
	const wide: Frame = { words, width: page.height - MARGIN.left - MARGIN.right };
	const sections: ISectionOptions[] = minutes.actionPlan.length
		? [
				portrait(opening),
				{
					properties: { page: { size: { ...page, orientation: PageOrientation.LANDSCAPE }, margin: MARGIN } },
					...headers(),
					footers: { default: footer() },
					children: actionPlanSection(wide, minutes)
				},
				portrait(run(AFTER_PLAN))
			]
		: [portrait([...opening, ...actionPlanSection(frame, minutes), ...run(AFTER_PLAN)])];
	const doc = new Document({
		creator: 'Rembuk',
		title: `${words.title} — ${minutes.session.title}`,
		styles: {
			default: {
				// The language Word checks spelling and hyphenates in: the minutes' own.
				document: { run: { font: 'Arial', size: 22, language: { value: LANGUAGE[minutes.lang] } }, paragraph: { spacing: { after: 60 } } },
				heading1: { run: { font: 'Arial', size: 26, bold: true, color: '000000' }, paragraph: { spacing: { before: 300, after: 120 }, keepNext: true } },
				heading2: { run: { font: 'Arial', size: 23, bold: true, color: '000000' }, paragraph: { spacing: { before: 200, after: 80 }, keepNext: true } },
				heading3: { run: { font: 'Arial', size: 22, bold: true, italics: true, color: '000000' }, paragraph: { spacing: { before: 160, after: 60 }, keepNext: true } }
			}
		},
		sections
	});
	return Packer.toBuffer(doc);
}

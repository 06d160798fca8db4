// @sqlite-only: it checks how a synthesis is rendered; building it from storage runs on both engines (model.spec.ts).
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { programme } from '$lib/testing/programme';
import type { Locale } from '../../domain/types';
import { addEdit, listEdits } from './edits';
import { renderSynthesis, synthesisFilename } from './index';
import { buildSynthesis } from './model';
import { SYNTHESIS_WORDS } from './words';

async function synthesis(lang: Locale) {
	const { db, ids, items } = await programme();
	await addEdit(db, 'p', { op: 'rename', itemIds: [items.b2], name: 'Jaringan seluler lemah' }, 'Organizer');
	return buildSynthesis(db, ids, await listEdits(db, 'p'), { lang, now: new Date('2025-11-01T02:00:00Z') });
}

/** The report's headings in print order, as every printed format must show them. */
function outlineOf(lang: Locale): string[] {
	const h = SYNTHESIS_WORDS[lang].headings;
	return [h.intro, h.background, h.aims, h.basis, h.conduct, h.results, h.issues, h.matrices, h.sharedParticular, h.answers, h.actions, h.conclusions, h.conclusionsA, h.suggestions, h.closing, h.appendix, h.minutes];
}

function inOrder(text: string, parts: string[]) {
	let at = 0;
	for (const part of parts) {
		const found = text.indexOf(part, at);
		expect(found, `"${part}" after position ${at}`).toBeGreaterThanOrEqual(0);
		at = found + part.length;
	}
}

describe.each(['id', 'en'] as const)('the Laporan Hasil FGD in %s', (lang) => {
	const w = SYNTHESIS_WORDS[lang];

	it('DOCX: the letterhead, then the office outline as Word headings, in order', async () => {
		const s = await synthesis(lang);
		const zip = await JSZip.loadAsync(await renderSynthesis(s, 'docx', 'f4'));
		const xml = await zip.file('word/document.xml')!.async('string');
		const headings = [...xml.matchAll(/<w:p>(?:(?!<\/w:p>).)*?<w:pStyle w:val="Heading[12]"\/>.*?<\/w:p>/gs)].map((m) =>
			[...m[0].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('')
		);
		const expected = outlineOf(lang).filter((h) => headings.includes(h));
		expect(expected).toEqual(outlineOf(lang));
		inOrder(headings.join('|'), outlineOf(lang));
		const text = xml.replace(/<[^>]+>/g, '');
		inOrder(text, ['PEMERINTAH KABUPATEN KUTAI KARTANEGARA', w.title, 'Jaringan seluler lemah', 'Ir. Bambang Sutrisno, M.Si.']);
		// F4: 215 × 330 mm in twips.
		expect(xml).toMatch(/<w:pgSz w:w="12189" w:h="18709"/);
	});

	it('PDF: every heading in order, on A4 and F4', async () => {
		for (const paper of ['a4', 'f4'] as const) {
			const s = await synthesis(lang);
			const pdf = await getDocumentProxy(new Uint8Array(await renderSynthesis(s, 'pdf', paper)));
			const { text, totalPages } = await extractText(pdf, { mergePages: true });
			const flat = text.replace(/\s+/g, ' ');
			inOrder(flat, ['PEMERINTAH KABUPATEN KUTAI KARTANEGARA', w.title, ...outlineOf(lang)]);
			expect(flat).toContain('Jaringan seluler lemah');
			expect(flat).toContain(w.page(totalPages, totalPages));
			const { view } = await pdf.getPage(1);
			expect(Math.round(view[3] / (72 / 25.4))).toBe(paper === 'a4' ? 297 : 330);
		}
	});

	it('XLSX: issues with numbers as numbers, every contribution, matrices, action plan, FGDs', async () => {
		const s = await synthesis(lang);
		const book = new ExcelJS.Workbook();
		await book.xlsx.load((await renderSynthesis(s, 'xlsx')) as unknown as ArrayBuffer);
		expect(book.worksheets.map((x) => x.name)).toEqual(Object.values(w.sheets));
		const issues = book.getWorksheet(w.sheets.issues)!;
		expect(issues.getRow(1).values).toEqual([undefined, ...w.issueTable]);
		const renamed = issues.getRows(2, issues.rowCount - 1)!.find((r) => r.getCell(2).value === 'Jaringan seluler lemah')!;
		expect(renamed.getCell(8).value).toBe(53.8);
		expect(renamed.getCell(9).value).toMatch(new RegExp(w.origin.hand));
		expect(book.getWorksheet(w.sheets.items)!.rowCount - 1).toBe(6);
		const edits = book.getWorksheet(w.sheets.edits)!;
		expect(edits.getRow(2).getCell(2).value).toBe('Organizer');
		expect(edits.getRow(2).getCell(3).value).toBe(w.ops.rename);
		expect(edits.getRow(2).getCell(4).value).toBe('Sinyal seluler sering putus');
		expect(edits.getRow(2).getCell(5).value).toBe('Jaringan seluler lemah');
		expect(synthesisFilename(s, 'xlsx')).toBe(lang === 'id' ? 'laporan-hasil-fgd-2025-11-01.xlsx' : 'fgd-results-report-2025-11-01.xlsx');
	});
});

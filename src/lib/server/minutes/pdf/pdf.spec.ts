// @sqlite-only: it checks how a minutes model is rendered; building the model from storage runs on both engines (minutes/model.spec.ts, json.spec.ts, sections/).
import { writeFileSync } from 'node:fs';
import { extractText, getDocumentProxy } from 'unpdf';
import { beforeAll, describe, expect, it } from 'vitest';
import { facilitatedFgd } from '$lib/testing/fgd';
import { WORDS } from '../md/words';
import { buildMinutes } from '../model';
import { renderPdf } from '.';
import type { Paper } from '../paper';

const NOW = new Date('2025-10-24T04:30:00Z');

async function pdfOf(lang: 'id' | 'en', paper: Paper = 'a4', given?: Awaited<ReturnType<typeof facilitatedFgd>>) {
	const fgd = given ?? (await facilitatedFgd());
	const bytes = await renderPdf(await buildMinutes(fgd.db, fgd.session.id, lang, NOW), paper);
	const proxy = await getDocumentProxy(new Uint8Array(bytes));
	const { totalPages, text } = await extractText(proxy, { mergePages: false });
	// Extraction may break a line anywhere a run of text ends; compare with whitespace collapsed.
	const pages = text.map((t) => t.replace(/\s+/g, ' '));
	return { bytes, proxy, totalPages, pages, all: pages.join(' ') };
}

type Rendered = Awaited<ReturnType<typeof pdfOf>>;
let id: Rendered;
let en: Rendered;

beforeAll(async () => {
	[id, en] = await Promise.all([await pdfOf('id'), await pdfOf('en')]);
	// PDF_SAMPLE=/tmp/sample.pdf keeps the rendered fixture, to look at the layout by eye.
	if (process.env.PDF_SAMPLE) writeFileSync(process.env.PDF_SAMPLE, id.bytes);
});

/** Where each text first appears, after the previous one. */
function positions(all: string, texts: string[]): number[] {
	let from = 0;
	return texts.map((text) => {
		const at = all.indexOf(text, from);
		if (at >= 0) from = at + text.length;
		return at;
	});
}

describe('renderPdf', () => {
	it('is a PDF with the notulen sections in order, in both languages', async () => {
		expect(id.bytes.subarray(0, 5).toString()).toBe('%PDF-');
		for (const [doc, words] of [
			[id, WORDS.id],
			[en, WORDS.en]
		] as const) {
			const h = words.headings;
			const order = [words.title, h.event, h.basis, h.agenda, h.proceedings, h.findings, h.matrix, h.votes, h.conclusions, h.recommendations, h.actionPlan, h.closing, h.signOff, h.appendix, h.attendance, h.items];
			const at = positions(doc.all, order);
			expect(at.every((p) => p >= 0), `missing: ${order.filter((_, i) => at[i] < 0).join(', ')}`).toBe(true);
		}
	});

	it('counts the attendance and prints a known item with its votes and links', async () => {
		expect(id.all).toContain('Jumlah peserta : 5 orang');
		expect(id.all).toMatch(/Skema kredit lunak berbasis kelompok dengan pendampingan kampus .*7 suara/);
		expect(id.all).toMatch(/Kendala yang dijawab: Akses modal usaha sulit tanpa agunan/);
		expect(en.all).toMatch(/Constraints? addressed|Kendala addressed/);
	});

	it('prints the action row with every field, phones masked', async () => {
		for (const text of ['Pelatihan dan pendampingan akses KUR', '40 pelaku UMKM terdampingi', 'Rp 150.000.000', 'Berjalan', 'APBD'])
			expect(id.all).toContain(text);
		expect(id.all).not.toContain('9876-5432');
	});

	it('numbers every page in the footer and repeats the title from page two', async () => {
		expect(id.totalPages).toBeGreaterThanOrEqual(2);
		id.pages.forEach((page, i) => expect(page).toContain(`Halaman ${i + 1} dari ${id.totalPages}`));
		expect(en.pages[0]).toContain(`Page 1 of ${en.totalPages}`);
		expect(id.pages[1]).toContain('FGD Penguatan UMKM Pascatambang');
	});

	it('names an anonymous author only in the attendance list', async () => {
		expect(id.all.split('Rini Anggraini').length - 1).toBe(1);
		const attendance = id.all.indexOf(WORDS.id.headings.attendance);
		expect(id.all.indexOf('Rini Anggraini')).toBeGreaterThan(attendance);
	});

	it('sizes F4 at 215 × 330 mm', async () => {
		const f4 = await pdfOf('id', 'f4');
		const page = await f4.proxy.getPage(1);
		const [, , width, height] = page.view;
		expect(width).toBeCloseTo(609.45, 0);
		expect(height).toBeCloseTo(935.43, 0);
		const a4 = await (await id.proxy.getPage(1)).view;
		expect(a4[2]).toBeCloseTo(595.28, 0);
	});
});

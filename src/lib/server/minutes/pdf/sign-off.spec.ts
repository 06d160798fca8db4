// @sqlite-only: it checks how a minutes model is rendered; building the model from storage runs on both engines (minutes/model.spec.ts, json.spec.ts, sections/).
/** The PDF's header, draft mark, paraf boxes and sign-off, read back from the rendered file. */
import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { facilitatedFgd, sampleFgd, withOfficeDetails } from '$lib/testing/fgd';
import { buildMinutes } from '../model';
import type { Paper } from '../paper';
import { renderPdf } from '.';

const NOW = new Date('2025-10-24T04:30:00Z');
/** Each test renders whole documents; on a busy machine that takes seconds. */
const SLOW = 30_000;

/** Each page's text, whitespace collapsed (extraction may break a line wherever a run ends). */
async function pagesOf(fgd: Awaited<ReturnType<typeof sampleFgd>>, lang: 'id' | 'en', paper: Paper = 'a4'): Promise<string[]> {
	const bytes = await renderPdf(await buildMinutes(fgd.db, fgd.session.id, lang, NOW), paper);
	const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: false });
	return text.map((t) => t.replace(/\s+/g, ' '));
}

describe('a PDF of provisional minutes', { timeout: SLOW }, () => {
	for (const paper of ['a4', 'f4'] as const)
		it(`marks every page DRAF, the pages the tables added included (${paper})`, async () => {
			const pages = await pagesOf(await withOfficeDetails(await facilitatedFgd('id', { close: false })), 'id', paper);
			expect(pages.length).toBeGreaterThanOrEqual(3);
			pages.forEach((page, i) => expect(page, `page ${i + 1}`).toMatch(/\bDRAF\b/));
			expect(pages[0]).toContain('DRAF — notulen sementara, belum final');
			expect(pages.join(' ')).toContain('Notulen ini masih berupa draf dan belum final');
		});

	it('says DRAFT in English', async () => {
		const pages = await pagesOf(await sampleFgd(), 'en');
		pages.forEach((page) => expect(page).toMatch(/\bDRAFT\b/));
	});
});

describe('a PDF of closed minutes', { timeout: SLOW }, () => {
	it('carries no draft mark', async () => {
		for (const lang of ['id', 'en'] as const) {
			const pages = await pagesOf(await facilitatedFgd(), lang);
			for (const page of pages) expect(page).not.toMatch(/\bDRAFT?\b/);
		}
	});

	it('prints the number under the title, the time range, and the sign-off an office files', async () => {
		const pages = await pagesOf(await withOfficeDetails(await facilitatedFgd()), 'id');
		expect(pages[0]).toMatch(/NOTULEN FOCUS GROUP DISCUSSION Nomor: 005\/214\/DPMD\/X\/2025/);
		expect(pages[0]).toContain('Waktu : pukul 09.05 – 12.30 WITA');
		const all = pages.join(' ');
		expect(all).toContain('Tenggarong, 24 Oktober 2025');
		expect(all).toMatch(/Ir\. Bambang Sutrisno, M\.Si\. .*Pembina Tk\. I \(IV\/b\) .*NIP 19700512 199803 1 004/);
		expect(all).toContain('Penata Muda (III/a)');
		expect(all).toMatch(/Tembusan: 1\. Bupati Kutai Kartanegara \(sebagai laporan\) 2\. Kepala Bappeda Kutai Kartanegara/);
		expect(all).toContain('Demikian notulen ini dibuat untuk dipergunakan sebagaimana mestinya.');
	});

	it('draws the paraf boxes, each headed by its role, on every page', async () => {
		const pages = await pagesOf(await withOfficeDetails(await facilitatedFgd()), 'id');
		pages.forEach((page, i) => expect(page, `page ${i + 1}`).toMatch(/Paraf.*Kasubbag Umum.*Kabid PEM/));
		for (const page of await pagesOf(await facilitatedFgd(), 'id')) expect(page).not.toContain('Paraf');
	});

	it('gives the action plan a landscape page of its own, with the recommendation each row carries out', async () => {
		const fgd = await facilitatedFgd();
		const bytes = await renderPdf(await buildMinutes(fgd.db, fgd.session.id, 'id', NOW));
		const proxy = await getDocumentProxy(new Uint8Array(bytes));
		const { text } = await extractText(proxy, { mergePages: false });
		const pages = text.map((t) => t.replace(/\s+/g, ' '));
		const plan = pages.findIndex((page) => page.includes('Rencana Tindak Lanjut No Isu/masalah Rekomendasi Kegiatan'));
		expect(plan).toBeGreaterThan(0);
		expect(pages[plan]).toContain('Skema kredit lunak berbasis kelompok dengan pendampingan kampus Pelatihan dan pendampingan akses KUR');
		const views = await Promise.all(pages.map((_, i) => proxy.getPage(i + 1).then((page) => page.view)));
		expect(views.flatMap(([, , width, height], i) => (width > height ? [i] : []))).toEqual([plan]);
		expect(pages[plan + 1]).toMatch(/^.*Penutup/);
	});

	it('keeps a plan that runs over several pages on landscape pages, and returns to portrait after it', async () => {
		const fgd = await facilitatedFgd();
		const row = { activity: 'Pendampingan usaha', pic: { name: 'Siti Rahmawati', institution: 'Dinas Koperasi dan UKM', group: 'pemerintah' } };
		for (let i = 0; i < 40; i++) await fgd.run('minutetaker', { type: 'action.save', row: { ...row, remarks: `Baris ${i + 1}: ${'catatan '.repeat(20)}` } });
		const bytes = await renderPdf(await buildMinutes(fgd.db, fgd.session.id, 'id', NOW));
		const proxy = await getDocumentProxy(new Uint8Array(bytes));
		const { text } = await extractText(proxy, { mergePages: false });
		const views = await Promise.all(text.map((_, i) => proxy.getPage(i + 1).then((page) => page.view)));
		const wide = views.map(([, , width, height]) => width > height);
		// The table's header row repeats on every page it runs across.
		const plan = text.map((page) => page.replace(/\s+/g, ' ').includes('Isu/masalah Rekomendasi Kegiatan'));
		expect(plan.filter(Boolean).length).toBeGreaterThan(1);
		expect(wide).toEqual(plan);
	});

	it('explains NIP once in English', async () => {
		const all = (await pagesOf(await facilitatedFgd(), 'en')).join(' ');
		expect(all.split('civil-servant identification number')).toHaveLength(2);
	});
});

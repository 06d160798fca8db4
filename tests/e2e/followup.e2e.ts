import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults } from 'axe-core';
import ExcelJS from 'exceljs';
import { expect, test, type Page } from '@playwright/test';
import { closeSession, createSession, LAPTOP, PHONE } from './helpers';
import { TestServer } from './server';

const server = new TestServer();
test.beforeAll(() => server.start());
test.afterAll(() => server.dispose());

async function addRow(page: Page, row: { activity: string; institution: string; timeframe: string; funding: string }) {
	await page.getByRole('button', { name: 'Tambah baris' }).click();
	const form = page.getByTestId('action-row').last();
	await form.getByLabel('Kegiatan').fill(row.activity);
	await form.getByLabel('Waktu', { exact: true }).fill(row.timeframe);
	await form.getByLabel('Instansi', { exact: true }).fill(row.institution);
	await form.getByLabel('Sumber dana').selectOption(row.funding);
	await form.getByRole('button', { name: 'Simpan' }).click();
	await expect(form.getByRole('status')).toHaveText('Tersimpan');
}

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** WCAG 2.1 AA violations on the page (its context bypasses the CSP to inject axe). */
async function axeViolations(page: Page): Promise<string[]> {
	await page.addScriptTag({ path: AXE });
	return page.evaluate(async () => {
		const axe = (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<AxeResults> } }).axe;
		const { violations } = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
		return violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
	});
}

const rowOf = (page: Page, activity: string) => page.getByTestId('followup-row').filter({ hasText: activity });

test('a PIC updates its own rows through its link after the session closed; staff see it, filter, download, revoke', async ({ browser }) => {
	const facilitator = await (await browser.newContext({ ...LAPTOP, acceptDownloads: true, bypassCSP: true })).newPage();
	const code = await createSession(facilitator, server.url);
	await facilitator.getByRole('navigation', { name: 'Tahap' }).getByRole('button', { name: /Rencana tindak lanjut/ }).click();
	// One past its deadline (Triwulan I 2020 ended 31 March 2020), one far ahead.
	await addRow(facilitator, { activity: 'Pelatihan akses KUR', institution: 'Dinas Koperasi dan UKM', timeframe: 'Triwulan I 2020', funding: 'APBD' });
	await addRow(facilitator, { activity: 'Pendataan UMKM desa', institution: 'Bappeda', timeframe: '2099', funding: 'Dana Desa' });
	await closeSession(facilitator);

	// The follow-up page, reached from the console's documents menu, with the key this browser holds.
	await facilitator.getByTestId('documents').getByRole('link', { name: 'Buka pemantauan tindak lanjut' }).click();
	await expect(facilitator).toHaveURL(new RegExp(`/f/${code}/tindak-lanjut$`));
	await expect(facilitator.locator('html[data-hydrated="true"]')).toBeAttached();
	await expect(facilitator.getByTestId('followup-row')).toHaveCount(2);
	await expect(rowOf(facilitator, 'Pelatihan akses KUR').getByTestId('overdue-flag')).toBeVisible();
	await expect(rowOf(facilitator, 'Pendataan UMKM desa').getByTestId('overdue-flag')).toHaveCount(0);
	const otherRowId = await rowOf(facilitator, 'Pendataan UMKM desa').getAttribute('data-row');

	const links = facilitator.getByTestId('pic-links');
	await links.getByLabel('Instansi').selectOption('Dinas Koperasi dan UKM');
	await links.getByRole('button', { name: 'Buat tautan PIC' }).click();
	const url = await links.getByLabel(/Tautan baru/).inputValue();
	expect(url).toMatch(new RegExp(`/t/${code}/[A-Za-z0-9_-]{40,}$`));

	// The PIC's phone, without JavaScript: the page and its form work as plain HTML.
	const pic = await (await browser.newContext({ ...PHONE, javaScriptEnabled: false })).newPage();
	await pic.goto(url);
	await expect(pic.getByTestId('pic-row')).toHaveCount(1);
	await expect(pic.getByTestId('pic-row')).toContainText('Pelatihan akses KUR');
	await expect(pic.locator('body')).not.toContainText('Pendataan UMKM desa');
	const card = pic.getByTestId('pic-row');
	await card.getByLabel('Status').selectOption('berjalan');
	await card.getByLabel('Catatan kemajuan').fill('Peserta terdaftar 40 orang, jadwal pelatihan 12 Januari');
	await card.getByLabel(/Tautan bukti/).fill('https://example.org/daftar-hadir.pdf');
	await card.getByRole('button', { name: 'Simpan pembaruan' }).click();
	await expect(pic.getByText('Pembaruan tersimpan.')).toBeVisible();
	// Post, then get: reloading the phone's page does not send the update twice.
	expect(pic.url()).toMatch(/\?saved=/);
	await pic.reload();
	await expect(pic.getByTestId('pic-row').getByRole('listitem')).toHaveCount(1);
	await expect(pic.getByTestId('pic-status')).toHaveText('Status sekarang: Berjalan');

	// Another institution's row cannot be written through this link, even by a hand-made post.
	const forged = await pic.request.post(`${url}?/update`, {
		form: { rowId: otherRowId!, status: 'selesai', note: 'bukan baris saya', evidenceUrl: '' },
		headers: { origin: server.url, accept: 'text/html' }
	});
	expect(forged.status()).toBe(404);

	// The staff page shows the update (still overdue: in progress is not done) and the untouched row.
	await facilitator.reload();
	await expect(facilitator.locator('html[data-hydrated="true"]')).toBeAttached();
	const updated = rowOf(facilitator, 'Pelatihan akses KUR');
	await expect(updated.getByTestId('row-status')).toContainText('Berjalan');
	await expect(updated).toContainText('Peserta terdaftar 40 orang');
	await expect(updated).toContainText('oleh PIC');
	await expect(updated.getByTestId('overdue-flag')).toBeVisible();
	await expect(rowOf(facilitator, 'Pendataan UMKM desa').getByTestId('row-status')).toHaveText('Rencana');

	// Filters: by PIC institution, and the overdue ones.
	await facilitator.getByTestId('filter-institution').selectOption('Bappeda');
	await expect(facilitator.getByTestId('followup-row')).toHaveCount(1);
	await facilitator.getByTestId('filter-institution').selectOption('');
	await facilitator.getByTestId('filter-status').selectOption('overdue');
	await expect(facilitator.getByTestId('followup-row')).toHaveCount(1);
	await expect(facilitator.getByTestId('followup-row')).toContainText('Pelatihan akses KUR');
	await facilitator.getByTestId('filter-status').selectOption('');
	await facilitator.getByTestId('filter-funding').selectOption('Dana Desa');
	await expect(facilitator.getByTestId('followup-row')).toHaveCount(1);
	await expect(facilitator.getByTestId('followup-row')).toContainText('Pendataan UMKM desa');
	await facilitator.getByTestId('filter-funding').selectOption('');

	// The WhatsApp summary and the monitoring sheet carry the update.
	await facilitator.getByTestId('copy-summary').click();
	await expect(facilitator.getByTestId('summary-text')).toHaveValue(/\*Terlambat:\*\n• Pelatihan akses KUR \(Dinas Koperasi dan UKM\)/);
	const [download] = await Promise.all([facilitator.waitForEvent('download'), facilitator.getByTestId('download-sheet').click()]);
	expect(download.suggestedFilename()).toMatch(new RegExp(`^tindak-lanjut-${code}-\\d{4}-\\d{2}-\\d{2}\\.xlsx$`));
	const book = new ExcelJS.Workbook();
	await book.xlsx.load(readFileSync((await download.path())!) as unknown as ArrayBuffer);
	const sheet = book.getWorksheet('Pemantauan')!;
	const texts = [2, 3].map((n) => (sheet.getRow(n).values as unknown[]).map(String).join(' | '));
	expect(texts[0]).toContain('Pelatihan akses KUR');
	expect(texts[0]).toContain('Berjalan');
	expect(texts[0]).toContain('Peserta terdaftar 40 orang');
	expect(texts[0]).toContain('https://example.org/daftar-hadir.pdf');
	expect(texts[0]).toContain('Ya');
	expect(texts[1]).toContain('Pendataan UMKM desa');

	// Both pages pass axe: the tracker (an update form open) and the PIC's page on a phone.
	await rowOf(facilitator, 'Pelatihan akses KUR').getByRole('button', { name: 'Perbarui' }).click();
	await expect(facilitator.getByTestId('staff-update')).toBeVisible();
	expect(await axeViolations(facilitator)).toEqual([]);
	const picWithScript = await (await browser.newContext({ ...PHONE, bypassCSP: true })).newPage();
	await picWithScript.goto(url);
	await expect(picWithScript.locator('html[data-hydrated="true"]')).toBeAttached();
	expect(await axeViolations(picWithScript)).toEqual([]);

	// Staff record an update too: done, so no longer overdue.
	const editor = facilitator.getByTestId('staff-update');
	await editor.getByLabel('Status').selectOption('selesai');
	await editor.getByLabel('Catatan kemajuan').fill('Diverifikasi di lapangan');
	await editor.getByRole('button', { name: 'Simpan pembaruan' }).click();
	await expect(editor).toHaveCount(0);
	const done = rowOf(facilitator, 'Pelatihan akses KUR');
	await expect(done.getByTestId('row-status')).toHaveText('Selesai');
	await expect(done.getByTestId('overdue-flag')).toHaveCount(0);
	await expect(done).toContainText('Diverifikasi di lapangan');
	await expect(done).toContainText('oleh fasilitator');

	// Revoked: the PIC's link refuses at once, page and form alike.
	facilitator.once('dialog', (dialog) => dialog.accept());
	await links.getByRole('button', { name: 'Cabut' }).click();
	await expect(links.getByTestId('pic-link')).toContainText(/· dicabut/);
	await pic.reload();
	await expect(pic.getByTestId('pic-refused')).toBeVisible();
	await expect(pic.getByTestId('pic-row')).toHaveCount(0);
	const late = await pic.request.post(`${url}?/update`, { form: { rowId: 'x', status: 'selesai', note: '', evidenceUrl: '' }, headers: { origin: server.url, accept: 'text/html' } });
	expect(late.status()).toBe(403);
});

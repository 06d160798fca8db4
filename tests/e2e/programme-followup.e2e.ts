/**
 * A programme's follow-up, as an organizer meets it: two sessions of one programme in two regions,
 * each with an action-plan row typed in its console (opened from the dashboard); the programme's
 * follow-up table shows both, filters by region, marks the overdue one, downloads the monitoring
 * sheet with both sessions' rows, and takes an update on a row.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults } from 'axe-core';
import ExcelJS from 'exceljs';
import { expect, test, type Page } from '@playwright/test';
import { smallPdf } from '../../src/lib/testing/evidence';
import { hydrated, orgSuite } from './org-helpers';

const { server, contexts, createAdmin, acceptLink } = orgSuite();

async function addSession(page: Page, title: string, regency: string): Promise<string> {
	const form = page.getByTestId('session-form');
	await form.getByLabel('Judul sesi').fill(title);
	await form.getByLabel('Tanggal dan jam').fill('2026-02-10T09:00');
	await form.getByLabel('Provinsi').selectOption({ label: 'Kalimantan Timur' });
	await form.getByLabel('Kabupaten/kota').selectOption({ label: regency });
	await expect(form.getByLabel('Kecamatan').locator('option')).not.toHaveCount(1);
	await form.getByRole('button', { name: 'Buat sesi' }).click();
	await expect(page.getByTestId('created')).toBeVisible();
	return /Sesi (\w{6}) dibuat/.exec((await page.getByTestId('created').textContent()) ?? '')![1];
}

/** Opens the session's console from the dashboard (no secret link) and types one action-plan row. */
async function planRow(page: Page, code: string, row: { activity: string; institution: string; timeframe: string; funding: string }) {
	await page.goto(`${server.url}/org`);
	await hydrated(page);
	await page.locator(`tr[data-code="${code}"]`).getByRole('button', { name: 'Buka konsol' }).click();
	await expect(page).toHaveURL(new RegExp(`/f/${code}$`));
	await expect(page.getByTestId('connection')).toHaveAttribute('data-state', 'online');
	await page.getByRole('navigation', { name: 'Tahap' }).getByRole('button', { name: /Rencana tindak lanjut/ }).click();
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

test('an organizer follows up every row of a programme: both sessions, region filter, overdue, the sheet, an update', async ({ browser }) => {
	test.setTimeout(180_000);
	const context = await browser.newContext({ viewport: { width: 1366, height: 850 }, acceptDownloads: true, bypassCSP: true });
	contexts.push(context);
	const organizer = await context.newPage();
	await acceptLink(organizer, createAdmin('DPMD Provinsi Kalimantan Timur', 'admin@kaltim.go.id', 'Rina Admin'), 'Rina Admin');

	await hydrated(organizer);
	const programmeForm = organizer.getByTestId('programme-form');
	await programmeForm.getByLabel('Nama rangkaian').fill('FGD UMKM 2026');
	await programmeForm.getByLabel('Templat diambil dari').selectOption({ label: 'Pengaturan bawaan' });
	await programmeForm.getByRole('button', { name: 'Buat rangkaian' }).click();
	await expect(organizer).toHaveURL(/\/org\/program\/[\w-]+$/);
	await hydrated(organizer);
	const programmeUrl = organizer.url();
	const kukar = await addSession(organizer, 'FGD Kutai Kartanegara', 'Kabupaten Kutai Kartanegara');
	const samarinda = await addSession(organizer, 'FGD Samarinda', 'Kota Samarinda');

	// Triwulan I 2020 ended long ago: overdue. 2099 is far ahead.
	await planRow(organizer, kukar, { activity: 'Pelatihan akses KUR', institution: 'Dinas Koperasi dan UKM', timeframe: 'Triwulan I 2020', funding: 'APBD' });
	await planRow(organizer, samarinda, { activity: 'Pendataan UMKM kota', institution: 'Bappeda', timeframe: '2099', funding: 'Dana Desa' });

	await organizer.goto(programmeUrl);
	await hydrated(organizer);
	await organizer.getByTestId('programme-followup-link').click();
	await expect(organizer).toHaveURL(/\/org\/program\/[\w-]+\/tindak-lanjut$/);
	await hydrated(organizer);
	await expect(organizer.getByTestId('followup-row')).toHaveCount(2);
	await expect(rowOf(organizer, 'Pelatihan akses KUR')).toHaveAttribute('data-code', kukar);
	await expect(rowOf(organizer, 'Pendataan UMKM kota')).toHaveAttribute('data-code', samarinda);
	await expect(rowOf(organizer, 'Pelatihan akses KUR').getByTestId('overdue-flag')).toBeVisible();
	await expect(rowOf(organizer, 'Pendataan UMKM kota').getByTestId('overdue-flag')).toHaveCount(0);
	expect(await axeViolations(organizer)).toEqual([]);

	// The region filter keeps Samarinda's row only; back to all.
	await organizer.getByTestId('filter-region').selectOption({ label: 'Kota Samarinda, Kalimantan Timur' });
	await expect(organizer.getByTestId('followup-row')).toHaveCount(1);
	await expect(organizer.getByTestId('followup-row')).toContainText('Pendataan UMKM kota');
	await organizer.getByTestId('filter-region').selectOption({ label: 'Semua' });
	await expect(organizer.getByTestId('followup-row')).toHaveCount(2);

	// The monitoring sheet holds both sessions' rows.
	const [download] = await Promise.all([organizer.waitForEvent('download'), organizer.getByTestId('download-sheet').click()]);
	expect(download.suggestedFilename()).toMatch(/^tindak-lanjut-program-\d{4}-\d{2}-\d{2}\.xlsx$/);
	const book = new ExcelJS.Workbook();
	await book.xlsx.load(readFileSync((await download.path())!) as unknown as ArrayBuffer);
	const sheet = book.worksheets[0];
	const lines = [2, 3].map((n) => [sheet.getRow(n).getCell(2).value, sheet.getRow(n).getCell(4).value]);
	expect(lines).toEqual(
		expect.arrayContaining([
			['FGD Kutai Kartanegara', 'Pelatihan akses KUR'],
			['FGD Samarinda', 'Pendataan UMKM kota']
		])
	);
	expect(sheet.rowCount).toBe(3);

	// An update from this table: the overdue row is done, and no longer overdue.
	const row = rowOf(organizer, 'Pelatihan akses KUR');
	await row.getByRole('button', { name: 'Perbarui' }).click();
	const form = organizer.getByTestId('staff-update');
	await form.getByLabel('Status').selectOption('selesai');
	await form.getByLabel('Catatan kemajuan').fill('Pelatihan selesai, 40 peserta');
	const report = smallPdf('Laporan pelatihan');
	await form.getByLabel(/Berkas bukti/).setInputFiles({ name: 'laporan pelatihan.pdf', mimeType: 'application/pdf', buffer: report });
	await form.getByRole('button', { name: 'Simpan pembaruan' }).click();
	await expect(organizer.getByTestId('update-saved')).toBeVisible();
	await expect(rowOf(organizer, 'Pelatihan akses KUR').getByTestId('row-status')).toHaveText('Selesai');
	await expect(rowOf(organizer, 'Pelatihan akses KUR').getByTestId('overdue-flag')).toHaveCount(0);
	await expect(rowOf(organizer, 'Pelatihan akses KUR')).toContainText('Pelatihan selesai, 40 peserta');
	// Its evidence file is a plain link of the programme's table, served to this member.
	const file = rowOf(organizer, 'Pelatihan akses KUR').getByTestId('evidence-files').getByRole('link', { name: /laporan pelatihan\.pdf/ });
	const [evidence] = await Promise.all([organizer.waitForEvent('download'), file.click()]);
	expect(evidence.suggestedFilename()).toBe('laporan pelatihan.pdf');
	expect(Buffer.compare(readFileSync((await evidence.path())!), report)).toBe(0);
	// Signed out, the same address serves nothing.
	const stranger = await browser.newContext();
	contexts.push(stranger);
	const refused = await stranger.request.get(new URL((await file.getAttribute('href'))!, server.url).toString(), { maxRedirects: 0 });
	expect(refused.status()).toBe(303);
	// The table with a file listed and an update form open passes axe.
	await rowOf(organizer, 'Pelatihan akses KUR').getByRole('button', { name: 'Perbarui' }).click();
	await expect(organizer.getByTestId('staff-update')).toBeVisible();
	expect(await axeViolations(organizer)).toEqual([]);
});

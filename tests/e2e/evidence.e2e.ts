import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import ExcelJS from 'exceljs';
import sharp from 'sharp';
import { expect, test, type Download, type Page } from '@playwright/test';
import { pdfOfSize, smallPdf } from '../../src/lib/testing/evidence';
import { closeSession, createSession, LAPTOP, PHONE } from './helpers';
import { expectNoAxeViolations } from './org-helpers';
import { TestServer } from './server';

const server = new TestServer();
test.beforeAll(() => server.start());
test.afterAll(() => server.dispose());

const SHOTS = process.env.SCREENSHOT_DIR ?? 'test-results/evidence';

async function addRow(page: Page, row: { activity: string; institution: string }) {
	await page.getByRole('button', { name: 'Tambah baris' }).click();
	const form = page.getByTestId('action-row').last();
	await form.getByLabel('Kegiatan').fill(row.activity);
	await form.getByLabel('Waktu', { exact: true }).fill('2099');
	await form.getByLabel('Instansi', { exact: true }).fill(row.institution);
	await form.getByRole('button', { name: 'Simpan' }).click();
	await expect(form.getByRole('status')).toHaveText('Tersimpan');
}

const bytesOf = async (download: Download) => readFileSync((await download.path())!);
const rowOf = (page: Page, activity: string) => page.getByTestId('followup-row').filter({ hasText: activity });

test('evidence files: a PIC uploads a PDF and a photo without JavaScript, staff upload too, each downloads only what its page shows', async ({ browser }) => {
	test.setTimeout(180_000);
	mkdirSync(SHOTS, { recursive: true });
	// On disk, so the browser reads it itself: 10 MB through the test's protocol is slow.
	const tooLarge = `${SHOTS}/pindaian besar.pdf`;
	writeFileSync(tooLarge, pdfOfSize(10 * 1024 * 1024 + 1));
	const pdf = smallPdf('Berita acara pelatihan KUR');
	const png = await sharp({ create: { width: 900, height: 600, channels: 3, background: { r: 30, g: 90, b: 160 } } })
		.png()
		.toBuffer();

	const facilitator = await (await browser.newContext({ ...LAPTOP, acceptDownloads: true, bypassCSP: true })).newPage();
	const code = await createSession(facilitator, server.url);
	await facilitator.getByRole('navigation', { name: 'Tahap' }).getByRole('button', { name: /Rencana tindak lanjut/ }).click();
	await addRow(facilitator, { activity: 'Pelatihan akses KUR', institution: 'Dinas Koperasi dan UKM' });
	await addRow(facilitator, { activity: 'Pendataan UMKM desa', institution: 'Bappeda' });
	await closeSession(facilitator);
	await facilitator.getByTestId('documents').getByRole('link', { name: 'Buka pemantauan tindak lanjut' }).click();
	await expect(facilitator.locator('html[data-hydrated="true"]')).toBeAttached();
	await expect(facilitator.getByTestId('followup-row')).toHaveCount(2);
	const links = facilitator.getByTestId('pic-links');
	await links.getByLabel('Instansi').selectOption('Dinas Koperasi dan UKM');
	await links.getByRole('button', { name: 'Buat tautan PIC' }).click();
	const url = await links.getByLabel(/Tautan baru/).inputValue();

	// The PIC's phone without JavaScript: a plain multipart form.
	const picContext = await browser.newContext({ ...PHONE, javaScriptEnabled: false, acceptDownloads: true });
	const pic = await picContext.newPage();
	await pic.goto(url);
	const card = pic.getByTestId('pic-row');
	await card.getByLabel('Status').selectOption('berjalan');
	await card.getByLabel('Catatan kemajuan').fill('Pelatihan hari pertama selesai');
	await card.getByLabel(/Berkas bukti/).setInputFiles([
		{ name: 'berita-acara.pdf', mimeType: 'application/pdf', buffer: pdf },
		{ name: 'foto kegiatan.png', mimeType: 'image/png', buffer: png }
	]);
	await card.getByRole('button', { name: 'Simpan pembaruan' }).click();
	await expect(pic.getByText('Pembaruan tersimpan.')).toBeVisible();
	const files = card.getByTestId('evidence-files').getByRole('link');
	await expect(files).toHaveText(['berita-acara.pdf', 'foto kegiatan.jpg']);
	const [pdfDownload] = await Promise.all([pic.waitForEvent('download'), files.first().click()]);
	expect(pdfDownload.suggestedFilename()).toBe('berita-acara.pdf');
	expect(Buffer.compare(await bytesOf(pdfDownload), pdf)).toBe(0);
	const [photoDownload] = await Promise.all([pic.waitForEvent('download'), files.last().click()]);
	const photo = await bytesOf(photoDownload);
	// Re-encoded: a JPEG now, same picture size, no metadata.
	expect([...photo.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
	const meta = await sharp(photo).metadata();
	expect(meta).toMatchObject({ format: 'jpeg', width: 900, height: 600 });
	expect(meta.exif).toBeUndefined();
	const fileHref = (await files.first().getAttribute('href'))!;
	const served = await pic.request.get(new URL(fileHref, url).toString());
	expect(served.headers()).toMatchObject({ 'content-type': 'application/pdf', 'x-content-type-options': 'nosniff' });
	expect(served.headers()['content-disposition']).toMatch(/^attachment; filename="berita-acara.pdf"/);

	// Too large, and the wrong type: the clear error beside the row, and nothing stored.
	const history = card.locator('.history > li');
	await expect(history).toHaveCount(1);
	await card.getByLabel(/Berkas bukti/).setInputFiles(tooLarge);
	await card.getByLabel('Catatan kemajuan').fill('Tidak boleh tersimpan');
	await card.getByRole('button', { name: 'Simpan pembaruan' }).click();
	await expect(card.getByRole('alert')).toHaveText('Berkas terlalu besar: paling besar 10 MB per berkas. Pembaruan belum disimpan.');
	await card.getByRole('alert').scrollIntoViewIfNeeded();
	await pic.screenshot({ path: `${SHOTS}/pic-360x640-too-large.png` });
	await card.getByLabel(/Berkas bukti/).setInputFiles({ name: 'laporan.pdf', mimeType: 'application/pdf', buffer: Buffer.from('<html>ini bukan PDF</html>') });
	await card.getByRole('button', { name: 'Simpan pembaruan' }).click();
	await expect(card.getByRole('alert')).toHaveText('Jenis berkas tidak diterima: kirim PDF, JPEG atau PNG. Pembaruan belum disimpan.');
	// An upload too large even to read is sent back by the server to this page, which says why.
	await pic.goto(`${url}?error=file_too_large`);
	await expect(pic.getByTestId('pic-error')).toHaveText('Berkas terlalu besar: paling besar 10 MB per berkas. Pembaruan belum disimpan.');
	await pic.goto(url);
	await expect(history).toHaveCount(1);
	await expect(pic.locator('body')).not.toContainText('Tidak boleh tersimpan');
	await pic.screenshot({ path: `${SHOTS}/pic-360x640.png`, fullPage: false });
	await pic.screenshot({ path: `${SHOTS}/pic-360-full.png`, fullPage: true });

	// Staff: the PIC's files are listed; upload one on the other row and download it.
	await facilitator.reload();
	await expect(facilitator.locator('html[data-hydrated="true"]')).toBeAttached();
	const kur = rowOf(facilitator, 'Pelatihan akses KUR');
	await expect(kur.getByTestId('evidence-files').getByRole('button')).toHaveText(['berita-acara.pdf', 'foto kegiatan.jpg']);
	const [fromPic] = await Promise.all([facilitator.waitForEvent('download'), kur.getByRole('button', { name: /berita-acara\.pdf/ }).click()]);
	expect(Buffer.compare(await bytesOf(fromPic), pdf)).toBe(0);
	await rowOf(facilitator, 'Pendataan UMKM desa').getByRole('button', { name: 'Perbarui' }).click();
	const editor = facilitator.getByTestId('staff-update');
	await editor.getByLabel('Catatan kemajuan').fill('Surat tugas pendataan terbit');
	const staffPdf = smallPdf('Surat tugas');
	// Wrong type first: the clear error, nothing stored.
	await editor.getByTestId('evidence-input').setInputFiles({ name: 'surat.png', mimeType: 'image/png', buffer: Buffer.from('GIF89a bukan png') });
	await editor.getByRole('button', { name: 'Simpan pembaruan' }).click();
	await expect(facilitator.getByRole('alert')).toHaveText('Jenis berkas tidak diterima: kirim PDF, JPEG atau PNG. Pembaruan belum disimpan.');
	await expect(rowOf(facilitator, 'Pendataan UMKM desa').getByTestId('evidence-files')).toHaveCount(0);
	await editor.getByTestId('evidence-input').setInputFiles({ name: 'surat tugas.pdf', mimeType: 'application/pdf', buffer: staffPdf });
	await editor.getByRole('button', { name: 'Simpan pembaruan' }).click();
	await expect(editor).toHaveCount(0);
	const data = rowOf(facilitator, 'Pendataan UMKM desa');
	const staffFile = data.getByTestId('evidence-files').getByRole('button', { name: /surat tugas\.pdf/ });
	await expect(staffFile).toBeVisible();
	const [fromStaff, staffRequest] = await Promise.all([
		facilitator.waitForEvent('download'),
		facilitator.waitForRequest((r) => r.url().includes('/followup/files/')),
		staffFile.click()
	]);
	const theirId = staffRequest.url().split('/').at(-1)!;
	expect(fromStaff.suggestedFilename()).toBe('surat tugas.pdf');
	expect(Buffer.compare(await bytesOf(fromStaff), staffPdf)).toBe(0);
	// The monitoring sheet names each row's files.
	const [sheetDownload] = await Promise.all([facilitator.waitForEvent('download'), facilitator.getByTestId('download-sheet').click()]);
	const book = new ExcelJS.Workbook();
	await book.xlsx.load((await bytesOf(sheetDownload)) as unknown as ArrayBuffer);
	const sheet = book.getWorksheet('Pemantauan')!;
	expect(sheet.getRow(1).getCell(18).value).toBe('Berkas bukti');
	expect([2, 3].map((n) => [sheet.getRow(n).getCell(4).value, sheet.getRow(n).getCell(18).value])).toEqual([
		['Pelatihan akses KUR', 'berita-acara.pdf\nfoto kegiatan.jpg'],
		['Pendataan UMKM desa', 'surat tugas.pdf']
	]);
	// An update form open, files listed: axe finds nothing; the screenshot for a person to look at.
	await kur.getByRole('button', { name: 'Perbarui' }).click();
	await expect(facilitator.getByTestId('staff-update')).toBeVisible();
	await expectNoAxeViolations(facilitator, 'tracker with evidence');
	await facilitator.setViewportSize({ width: 1366, height: 768 });
	await facilitator.screenshot({ path: `${SHOTS}/tracker-1366x768.png` });
	await facilitator.screenshot({ path: `${SHOTS}/tracker-1366-full.png`, fullPage: true });

	// The other institution's file is not reachable through this PIC's link, even by a hand-made address.
	const others = await pic.request.get(new URL(fileHref.replace(/[^/]+$/, theirId), url).toString());
	expect(others.status()).toBe(404);
	expect(await others.text()).not.toContain('%PDF');

	// The PIC's page with JavaScript passes axe too.
	const picWithScript = await (await browser.newContext({ ...PHONE, bypassCSP: true })).newPage();
	await picWithScript.goto(url);
	await expectNoAxeViolations(picWithScript, 'PIC page with evidence');
	// With its script, the page finds a file too large before sending it: the same words, nothing stored.
	const scripted = picWithScript.getByTestId('pic-row');
	await scripted.getByLabel(/Berkas bukti/).setInputFiles(tooLarge);
	let posted = false;
	picWithScript.on('request', (r) => (posted ||= r.method() === 'POST'));
	await scripted.getByRole('button', { name: 'Simpan pembaruan' }).click();
	await expect(scripted.getByRole('alert')).toHaveText('Berkas terlalu besar: paling besar 10 MB per berkas. Pembaruan belum disimpan.');
	expect(posted).toBe(false);
	await expect(scripted.locator('.history > li')).toHaveCount(1);

	// Revoked: the link neither downloads nor uploads.
	facilitator.once('dialog', (dialog) => dialog.accept());
	await links.getByRole('button', { name: 'Cabut' }).click();
	await expect(links.getByTestId('pic-link')).toContainText(/· dicabut/);
	expect((await pic.request.get(new URL(fileHref, url).toString())).status()).toBe(403);
	const late = await pic.request.post(`${url}?/update`, {
		multipart: { rowId: 'x', status: 'selesai', note: '', evidenceUrl: '', files: { name: 'late.pdf', mimeType: 'application/pdf', buffer: pdf } },
		headers: { origin: server.url, accept: 'text/html' }
	});
	expect(late.status()).toBe(403);
});

test('an upload far past the limit is turned back before it is read, to the PIC page with the error', async () => {
	const answer = await new Promise<{ status: number; location: string }>((resolve, reject) => {
		const req = httpRequest(`${server.url}/t/ABC123/some-key?/update`, {
			method: 'POST',
			headers: { 'content-type': 'multipart/form-data; boundary=x', 'content-length': String(500 * 1024 * 1024) }
		});
		req.on('response', (res) => {
			resolve({ status: res.statusCode ?? 0, location: String(res.headers.location ?? '') });
			res.resume();
		});
		req.on('error', reject);
		req.flushHeaders();
	});
	expect(answer).toEqual({ status: 303, location: '/t/ABC123/some-key?error=file_too_large' });
});

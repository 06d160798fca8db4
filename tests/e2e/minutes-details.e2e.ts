/**
 * The header and sign-off an office files, typed on the console and the minute-taker page, in
 * the minutes they download: number, time range, pangkat/golongan, place of signing, tembusan,
 * paraf boxes, and the DRAF mark until the session is closed.
 */
import { expect, test, type Page } from '@playwright/test';
import JSZip from 'jszip';
import { extractText, getDocumentProxy } from 'unpdf';
import { closeSession, createSession, LAPTOP } from './helpers';
import { TestServer } from './server';

const server = new TestServer();
test.beforeAll(() => server.start());
test.afterAll(() => server.dispose());

/** Downloads the minutes as the download buttons do, with the facilitator's key. */
async function minutes(page: Page, code: string, format: string, lang = 'id'): Promise<Buffer> {
	const key = await page.evaluate((c) => localStorage.getItem(`rembuk:facilitator:${c}`), code);
	const response = await page.request.get(`${server.url}/api/sessions/${code}/minutes?format=${format}&lang=${lang}`, {
		headers: { authorization: `Bearer ${key}` }
	});
	expect(response.status()).toBe(200);
	return response.body();
}

async function pdfPages(bytes: Buffer): Promise<string[]> {
	const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: false });
	return text.map((t) => t.replace(/\s+/g, ' '));
}

async function docxParts(bytes: Buffer): Promise<{ document: string; headers: string; footers: string }> {
	const zip = await JSZip.loadAsync(bytes);
	const read = async (pattern: RegExp) =>
		(await Promise.all(Object.keys(zip.files).filter((n) => pattern.test(n)).map((n) => zip.file(n)!.async('string')))).join('');
	return { document: await read(/^word\/document\.xml$/), headers: await read(/^word\/header\d*\.xml$/), footers: await read(/^word\/footer\d*\.xml$/) };
}

test('the office details typed on the console and the minute-taker page reach every minutes format, marked DRAF until the close', async ({ browser }) => {
	test.setTimeout(120_000);
	const facilitator = await (await browser.newContext(LAPTOP)).newPage();
	const code = await createSession(facilitator, server.url);
	await facilitator.getByRole('tab', { name: 'Notulen' }).click();

	// The facilitator fills the header and the chair's block on the console.
	const details = facilitator.getByTestId('details');
	await details.getByLabel('Nomor notulen (opsional)').fill('005/231/DPMD/X/2025');
	// Prefilled with the scheduled start; times typed the Indonesian way or the other.
	await expect(details.getByLabel('Mulai', { exact: true })).toHaveValue('09.00');
	await details.getByLabel('Mulai', { exact: true }).fill('9.05');
	await details.getByLabel('Selesai', { exact: true }).fill('25.30');
	const chair = details.getByRole('group', { name: 'Pimpinan rapat' });
	await chair.getByLabel('Nama').fill('Ir. Hendra Wijaya, M.Si.');
	await chair.getByLabel('Pangkat/golongan').fill('Pembina (IV/a)');
	await chair.getByLabel('NIP').fill('19750312 200003 1 004');
	await details.getByLabel('Tempat penandatanganan (mis. Tenggarong)').fill('Tenggarong');
	await details.getByLabel('Tembusan (satu per baris)').fill('Bupati Kutai Kartanegara (sebagai laporan)');
	await details.getByLabel(/^Paraf di setiap halaman/).fill('Sekretaris DPMD\nKabid PEM');
	await details.getByRole('button', { name: 'Simpan data notulen' }).click();
	// An impossible time is caught in the browser, and nothing is sent.
	await expect(details.getByRole('alert')).toHaveText('Tulis jam mulai dan selesai seperti 09.00 atau 13.30.');
	await expect(details.getByRole('status')).toHaveText('Belum disimpan');
	await details.getByLabel('Selesai', { exact: true }).fill('12:30');
	await details.getByRole('button', { name: 'Simpan data notulen' }).click();
	await expect(details.getByRole('status')).toHaveText('Tersimpan');
	await expect(details.getByLabel('Selesai', { exact: true })).toHaveValue('12.30');

	// The minute-taker sees them on their own page and completes their block and the tembusan.
	const minutetakerKey = await facilitator.evaluate((c) => localStorage.getItem(`rembuk:minutetaker:${c}`), code);
	const minuteTaker = await (await browser.newContext(LAPTOP)).newPage();
	await minuteTaker.goto(`${server.url}/m/${code}#key=${minutetakerKey}`);
	const own = minuteTaker.getByTestId('details');
	await expect(own.getByLabel('Nomor notulen (opsional)')).toHaveValue('005/231/DPMD/X/2025');
	await expect(own.getByLabel('Selesai', { exact: true })).toHaveValue('12.30');
	await expect(own.getByLabel(/^Paraf di setiap halaman/)).toHaveValue('Sekretaris DPMD\nKabid PEM');
	const notulis = own.getByRole('group', { name: 'Notulis' });
	await notulis.getByLabel('Nama').fill('Rina Oktaviani, S.E.');
	await notulis.getByLabel('Pangkat/golongan').fill('Penata Muda Tk. I (III/b)');
	await own.getByLabel('Tembusan (satu per baris)').fill('Bupati Kutai Kartanegara (sebagai laporan)\nKepala Bappeda Kabupaten Kutai Kartanegara');
	await own.getByRole('button', { name: 'Simpan data notulen' }).click();
	await expect(own.getByRole('status')).toHaveText('Tersimpan');
	// The console follows without a reload.
	await expect(details.getByRole('group', { name: 'Notulis' }).getByLabel('Pangkat/golongan')).toHaveValue('Penata Muda Tk. I (III/b)');

	// Markdown and JSON, in both languages.
	const md = (await minutes(facilitator, code, 'md')).toString('utf8');
	for (const text of [
		'Nomor: 005/231/DPMD/X/2025',
		'**DRAF — notulen sementara, belum final**',
		'- **Waktu:** pukul 09.05 – 12.30 WITA',
		'Tenggarong, ',
		'Pembina (IV/a)',
		'Penata Muda Tk. I (III/b)',
		'2. Kepala Bappeda Kabupaten Kutai Kartanegara',
		'Notulen ini masih berupa draf dan belum final'
	])
		expect(md).toContain(text);
	expect((await minutes(facilitator, code, 'md', 'en')).toString('utf8')).toContain('- **Time:** 09:05 – 12:30 WITA');
	const json = JSON.parse((await minutes(facilitator, code, 'json')).toString('utf8'));
	expect(json).toMatchObject({
		session: { status: 'open', timeRange: 'pukul 09.05 – 12.30 WITA' },
		details: { number: '005/231/DPMD/X/2025', chair: { rank: 'Pembina (IV/a)' }, paraf: ['Sekretaris DPMD', 'Kabid PEM'] },
		signOff: { place: 'Tenggarong' }
	});

	// PDF: DRAF and the paraf boxes on every page, the header and sign-off in the text.
	const draftPdf = await pdfPages(await minutes(facilitator, code, 'pdf'));
	for (const page of draftPdf) {
		expect(page).toMatch(/\bDRAF\b/);
		expect(page).toMatch(/Paraf.*Sekretaris DPMD.*Kabid PEM/);
	}
	expect(draftPdf[0]).toContain('Nomor: 005/231/DPMD/X/2025');
	expect(draftPdf.join(' ')).toMatch(/Ir\. Hendra Wijaya, M\.Si\. Pembina \(IV\/a\) NIP 19750312 200003 1 004/);

	// DOCX: the draft header, the paraf table in the footer, the sign-off in the body.
	const draftDocx = await docxParts(await minutes(facilitator, code, 'docx'));
	expect(draftDocx.headers).toContain('DRAF — notulen sementara, belum final');
	expect(draftDocx.footers).toContain('Kabid PEM');
	for (const text of ['Nomor: 005/231/DPMD/X/2025', 'Tenggarong, ', 'Penata Muda Tk. I (III/b)', 'Tembusan:']) expect(draftDocx.document).toContain(text);

	// XLSX carries the place of signing and the draft status.
	const xlsx = await JSZip.loadAsync(await minutes(facilitator, code, 'xlsx'));
	const strings = await xlsx.file('xl/sharedStrings.xml')!.async('string');
	for (const text of ['Tenggarong', 'Draf (belum final)', 'pukul 09.05 – 12.30 WITA']) expect(strings).toContain(text);

	// Closing the session takes the mark away and gives the customary closing sentence.
	await closeSession(facilitator);
	const closedPdf = await pdfPages(await minutes(facilitator, code, 'pdf'));
	for (const page of closedPdf) expect(page).not.toMatch(/\bDRAF\b/);
	expect(closedPdf.join(' ')).toContain('Demikian notulen ini dibuat untuk dipergunakan sebagaimana mestinya.');
	const closedDocx = await docxParts(await minutes(facilitator, code, 'docx'));
	expect(closedDocx.headers).toBe('');
	expect(closedDocx.document).not.toContain('DRAF');
	expect(closedDocx.footers).toContain('Kabid PEM');
});

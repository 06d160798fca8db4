import { readFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';
import JSZip from 'jszip';
import { extractText, getDocumentProxy } from 'unpdf';
import type { SessionRecord } from '../../src/lib/realtime/contract';
import { consoleMenu, createSession, joinOnPhone, LAPTOP, newPhone, post } from './helpers';
import { TestServer } from './server';
import { connect } from './socket';

const server = new TestServer();
test.beforeAll(() => server.start());
test.afterAll(() => server.dispose());

const OFFICE = 'PEMERINTAH KABUPATEN KUTAI KARTANEGARA\nDINAS PEMBERDAYAAN MASYARAKAT DAN DESA';
const ITEM = 'Jalan usaha tani rusak setiap musim hujan';
/** Every button of the report page, in both languages: format (with the CSV's dialect) and paper. */
const FORMATS = [
	['pdf', 'a4'], ['pdf', 'f4'], ['docx', 'a4'], ['docx', 'f4'], ['xlsx', null], ['csv-excel', null], ['csv-rfc4180', null], ['md', null], ['json', null]
] as const;
/** `csv-excel` → `-excel.csv`, `pdf` on F4 → `-f4.pdf`: the file name tells the files of one language apart. */
const fileName = (code: string, lang: string, key: string, paper: string | null) =>
	`notulen-${code}-${lang}${paper ? `-${paper}` : ''}${key.replace(/^[a-z]+/, '')}.${key.split('-')[0]}`;

function crc32(bytes: Buffer): number {
	let crc = ~0;
	for (const byte of bytes) {
		crc ^= byte;
		for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
	}
	return ~crc >>> 0;
}

/** A real 1×1 PNG (one green pixel): signature, IHDR, IDAT, IEND, each chunk with its CRC. */
function tinyPng(): Buffer {
	const chunk = (type: string, data: Buffer) => {
		const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
		const length = Buffer.alloc(4);
		length.writeUInt32BE(data.length);
		const crc = Buffer.alloc(4);
		crc.writeUInt32BE(crc32(body));
		return Buffer.concat([length, body, crc]);
	};
	const header = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]); // 1×1, 8-bit RGB
	const pixels = deflateSync(Buffer.from([0, 0x0f, 0x51, 0x32])); // filter byte, then R G B
	return Buffer.concat([Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'), chunk('IHDR', header), chunk('IDAT', pixels), chunk('IEND', Buffer.alloc(0))]);
}

async function downloadFrom(page: Page, testId: string): Promise<{ name: string; bytes: Buffer }> {
	const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
	return { name: download.suggestedFilename(), bytes: readFileSync((await download.path())!) };
}

test('the letterhead set on the console reaches every minutes format downloaded from a report link', async ({ browser }) => {
	const context = await browser.newContext(LAPTOP);
	const facilitator = await context.newPage();
	const code = await createSession(facilitator, server.url);

	const phone = await newPhone(browser);
	await phone.page.goto(`${server.url}/j/${code}`);
	await joinOnPhone(phone.page, 'Siti Rahma', 'dunia_usaha', 'UMKM Amplang Tenggarong');
	await post(phone.page, 'Kendala', ITEM);
	await expect(facilitator.getByText(ITEM)).toBeVisible();

	const letterhead = (await consoleMenu(facilitator)).getByTestId('letterhead');
	// Too large a logo is refused in the browser, before anything is sent.
	await letterhead.getByLabel('Logo (PNG atau JPEG)').setInputFiles({ name: 'besar.png', mimeType: 'image/png', buffer: Buffer.alloc(210_000) });
	await expect(letterhead.getByRole('alert')).toContainText('terlalu besar (210 KB)');
	await expect(letterhead.getByTestId('letterhead-logo')).toHaveCount(0);

	await letterhead.getByLabel('Nama instansi').fill(OFFICE);
	await letterhead.getByLabel('Alamat').fill('Jl. Wolter Monginsidi No. 1, Tenggarong');
	await letterhead.getByLabel('Telepon').fill('(0541) 661234');
	await letterhead.getByLabel('Surel').fill('dpmd@kukarkab.go.id');
	await letterhead.getByLabel('Situs web').fill('dpmd.kukarkab.go.id');
	await letterhead.getByLabel('Logo (PNG atau JPEG)').setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: tinyPng() });
	await expect(letterhead.getByTestId('letterhead-logo')).toHaveAttribute('src', /^data:image\/png;base64,iVBORw0KGgo/);
	await expect(letterhead.getByRole('alert')).toHaveCount(0);
	// A staff screen that is already open hears of the new letterhead at once, not at its next resync.
	const key = await facilitator.evaluate((c) => localStorage.getItem(`rembuk:facilitator:${c}`)!, code);
	const openScreen = await connect(server.url, { code, role: 'facilitator', key });
	const heard: SessionRecord[] = [];
	openScreen.on('record', (record: SessionRecord) => heard.push(record));
	await letterhead.getByRole('button', { name: 'Simpan kop surat' }).click();
	await expect(letterhead.getByText('Kop surat tersimpan.')).toBeVisible();
	await expect
		.poll(() => heard.map((r) => r.event).find((e) => e.type === 'session.details'))
		.toMatchObject({ details: { letterhead: { office: OFFICE, website: 'dpmd.kukarkab.go.id' } } });
	// The logo stays off the wire to screens; only the minutes print it.
	expect(JSON.stringify(heard)).not.toContain('iVBORw0KGgo');
	openScreen.disconnect();

	await facilitator.reload();
	await consoleMenu(facilitator);
	await expect(letterhead.getByLabel('Nama instansi')).toHaveValue(OFFICE);
	await expect(letterhead.getByLabel('Situs web')).toHaveValue('dpmd.kukarkab.go.id');
	await expect(letterhead.getByTestId('letterhead-logo')).toHaveAttribute('src', /^data:image\/png;base64,/);

	const links = facilitator.getByTestId('report-links');
	await links.getByRole('button', { name: 'Buat tautan laporan' }).click();
	const url = await links.getByLabel(/Tautan baru/).inputValue();
	const organizerContext = await browser.newContext(LAPTOP);

	const files = new Map<string, { name: string; bytes: Buffer }>();
	for (const lang of ['id', 'en']) {
		// A page per language: Chromium silently drops an eleventh download that one page starts
		// within a second, and fast machines fetch the small formats quicker than that.
		const organizer = await organizerContext.newPage();
		await organizer.goto(url);
		await expect(organizer.getByTestId('report-downloads')).toBeVisible();
		for (const [format, paper] of FORMATS) {
			const file = await downloadFrom(organizer, `download-${format}-${lang}${paper ? `-${paper}` : ''}`);
			expect(file.name).toBe(fileName(code, lang, format, paper));
			files.set(`${format}${paper ? `-${paper}` : ''}-${lang}`, file);
		}
	}

	const zip = Buffer.from('PK\x03\x04', 'latin1');
	for (const lang of ['id', 'en']) {
		const file = (id: string) => files.get(`${id}-${lang}`)!.bytes;
		for (const paper of ['a4', 'f4']) {
			expect(file(`pdf-${paper}`).subarray(0, 5).toString('latin1')).toBe('%PDF-');
			expect(file(`docx-${paper}`).subarray(0, 4)).toEqual(zip);
		}
		// F4 is 215 × 330 mm: 609.4 × 935.4 pt in the PDF, 18709 twips high in Word; A4 is 841.9 pt, 16838 twips.
		expect(file('pdf-f4').toString('latin1')).toMatch(/\/MediaBox \[0 0 609\.\d+ 935\.\d+\]/);
		expect(file('pdf-a4').toString('latin1')).toMatch(/\/MediaBox \[0 0 595\.\d+ 841\.\d+\]/);
		expect(file('xlsx').subarray(0, 4)).toEqual(zip);
		// Excel set to Indonesian gets `;` and a BOM; tools get plain RFC 4180.
		expect(file('csv-excel').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
		expect(file('csv-excel').toString('utf8')).toMatch(new RegExp(`^\uFEFFNo;.*\r\n1;.*;${ITEM};Siti Rahma;`));
		expect(file('csv-rfc4180').toString('utf8')).toMatch(new RegExp(`^No,.*\r\n1,.*,${ITEM},Siti Rahma,`));
		const json = JSON.parse(file('json').toString('utf8'));
		expect(json).toMatchObject({ schemaVersion: 2, lang });
		expect(JSON.stringify(json)).toContain(ITEM);

		for (const paper of ['a4', 'f4']) {
			const docx = await JSZip.loadAsync(file(`docx-${paper}`));
			const xml = await docx.file('word/document.xml')!.async('string');
			expect(xml).toContain('PEMERINTAH KABUPATEN KUTAI KARTANEGARA');
			expect(xml).toContain('DINAS PEMBERDAYAAN MASYARAKAT DAN DESA');
			expect(xml).toContain(ITEM);
			expect(xml).toMatch(paper === 'f4' ? /w:h="1870\d"/ : /w:h="1683\d"/);
			const media = Object.keys(docx.files).filter((name) => name.startsWith('word/media/'));
			const images = await Promise.all(media.map((name) => docx.file(name)!.async('base64')));
			expect(images).toContain(tinyPng().toString('base64'));
		}
		// The PDF opens with the kop surat, not the organizers standing in for it.
		const { text } = await extractText(await getDocumentProxy(new Uint8Array(file('pdf-a4'))), { mergePages: true });
		expect(text.replace(/\s+/g, ' ')).toMatch(/^PEMERINTAH KABUPATEN KUTAI KARTANEGARA DINAS PEMBERDAYAAN MASYARAKAT DAN DESA Jl\. Wolter/);
	}
	expect(files.get('md-id')!.bytes.toString('utf8')).toMatch(/^# NOTULEN/);
	expect(files.get('md-en')!.bytes.toString('utf8')).toContain(ITEM);

	// A second session from the same browser picks the first one's letterhead up, unsaved until Save.
	const second = await context.newPage();
	await createSession(second, server.url, 'FGD Desa Wisata');
	const next = (await consoleMenu(second)).getByTestId('letterhead');
	await expect(next.getByLabel('Nama instansi')).toHaveValue('');
	await next.getByRole('button', { name: 'Pakai kop surat sesi sebelumnya' }).click();
	await expect(next.getByLabel('Nama instansi')).toHaveValue(OFFICE);
	await expect(next.getByTestId('letterhead-logo')).toBeVisible();
	await expect(next.getByText(`Kop surat dari sesi ${code} dimuat.`)).toBeVisible();
});

test('the console downloads every format the report page offers, PDF included, each named by language and paper', async ({ browser }) => {
	const facilitator = await (await browser.newContext(LAPTOP)).newPage();
	const code = await createSession(facilitator, server.url);
	const area = (await consoleMenu(facilitator)).getByTestId('minutes-download');
	const format = area.getByLabel('Format');
	const language = area.getByLabel('Bahasa');
	const paper = area.getByLabel('Kertas');
	await expect(format.locator('option')).toHaveText(['PDF', 'Word (DOCX)', 'Excel (XLSX)', 'CSV', 'Markdown', 'JSON']);
	await expect(language.locator('option')).toHaveText(['Bahasa Indonesia', 'Bahasa Inggris']);
	await expect(paper.locator('option')).toHaveText(['A4', 'F4 (folio)']);

	async function download(choice: { format: string; lang: string; paper?: string }) {
		await format.selectOption(choice.format);
		await language.selectOption(choice.lang);
		if (choice.paper) await paper.selectOption(choice.paper);
		const [file] = await Promise.all([facilitator.waitForEvent('download'), area.getByRole('button', { name: 'Unduh' }).click()]);
		return { name: file.suggestedFilename(), bytes: readFileSync((await file.path())!) };
	}

	const pdf = await download({ format: 'pdf', lang: 'id', paper: 'f4' });
	expect(pdf.name).toBe(`notulen-${code}-id-f4.pdf`);
	expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
	expect(pdf.bytes.toString('latin1')).toMatch(/\/MediaBox \[0 0 609\.\d+ 935\.\d+\]/);

	const a4 = await download({ format: 'docx', lang: 'id', paper: 'a4' });
	const f4 = await download({ format: 'docx', lang: 'id', paper: 'f4' });
	const english = await download({ format: 'docx', lang: 'en', paper: 'f4' });
	expect([a4.name, f4.name, english.name]).toEqual([`notulen-${code}-id-a4.docx`, `notulen-${code}-id-f4.docx`, `notulen-${code}-en-f4.docx`]);
	expect(a4.bytes.subarray(0, 4).toString('latin1')).toBe('PK\x03\x04');

	// Paper means nothing to a spreadsheet: the choice is set aside, and the name leaves it out.
	await format.selectOption('xlsx');
	await expect(paper).toBeDisabled();
	const xlsx = await download({ format: 'xlsx', lang: 'en' });
	expect(xlsx.name).toBe(`notulen-${code}-en.xlsx`);

	// The CSV's choice is its separator, said beside it: Excel's by default, the standard on request.
	await format.selectOption('csv');
	const dialect = area.getByLabel('CSV untuk');
	await expect(dialect.locator('option')).toHaveText(['Excel (Indonesia)', 'Standar (koma)']);
	await expect(area.getByText('untuk Excel berbahasa Indonesia (dipisah titik koma)')).toBeVisible();
	const excel = await download({ format: 'csv', lang: 'id' });
	expect(excel.name).toBe(`notulen-${code}-id-excel.csv`);
	expect(excel.bytes.toString('utf8')).toMatch(/^\uFEFFNo;/);
	await dialect.selectOption('rfc4180');
	const standard = await download({ format: 'csv', lang: 'id' });
	expect(standard.name).toBe(`notulen-${code}-id-rfc4180.csv`);
	expect(standard.bytes.toString('utf8')).toMatch(/^No,/);
});

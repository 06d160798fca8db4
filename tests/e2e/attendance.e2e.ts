/**
 * The daftar hadir and the dokumentasi from the staff screens: people without a phone written in
 * by hand, jabatan and L/P from the join form, and photos uploaded, captioned and printed in the
 * minutes — checked in the files a person downloads.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import JSZip from 'jszip';
import sharp from 'sharp';
import { extractText, getDocumentProxy } from 'unpdf';
import { consoleMenu, createSession, LAPTOP, newPhone } from './helpers';
import { TestServer } from './server';

const server = new TestServer();
test.beforeAll(() => server.start());
test.afterAll(() => server.dispose());

/** The console, and the minute-taker's page opened from the link the console shows. */
async function staffScreens(browser: Browser) {
	const context = await browser.newContext(LAPTOP);
	const facilitator = await context.newPage();
	const code = await createSession(facilitator, server.url);
	const link = await facilitator.locator('#minutetaker-link').inputValue();
	const minutetaker = await (await browser.newContext(LAPTOP)).newPage();
	await minutetaker.goto(link);
	await expect(minutetaker.getByTestId('attendees')).toBeVisible();
	const key = await facilitator.evaluate((c) => localStorage.getItem(`rembuk:facilitator:${c}`)!, code);
	return { facilitator, minutetaker, code, key };
}

/** Chooses a file on the console's download card (A4, Indonesian) and returns its bytes. */
async function download(page: Page, format: 'docx' | 'md' | 'json'): Promise<Buffer> {
	const card = (await consoleMenu(page)).getByTestId('minutes-download');
	await card.getByLabel('Format').selectOption(format);
	await card.getByLabel('Bahasa').selectOption('id');
	const [file] = await Promise.all([page.waitForEvent('download'), card.getByRole('button', { name: 'Unduh' }).click()]);
	await page.keyboard.press('Escape');
	const stream = await file.createReadStream();
	const chunks: Buffer[] = [];
	for await (const chunk of stream) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks);
}

async function docxText(bytes: Buffer) {
	const zip = await JSZip.loadAsync(bytes);
	const xml = await zip.file('word/document.xml')!.async('string');
	return { zip, xml, text: [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('') };
}

test('staff write in, edit and remove people without a phone; the list and the minutes mark them as added by staff', async ({ browser }) => {
	const { facilitator, minutetaker, code } = await staffScreens(browser);
	const desk = minutetaker.getByTestId('attendees');
	const add = async (name: string, group: string, institution: string, position: string, sex: string) => {
		await desk.getByLabel('Nama', { exact: true }).fill(name);
		await desk.getByLabel('Unsur / kelompok').selectOption(group);
		await desk.getByLabel('Instansi / lembaga').fill(institution);
		await desk.getByLabel('Jabatan').fill(position);
		await desk.getByLabel('Jenis kelamin').selectOption(sex);
		await desk.getByRole('button', { name: 'Tambahkan' }).click();
	};
	await add('Pak Amir', 'komunitas', 'Desa Loa Ipuh', 'Kepala Desa', 'L');
	await add('Ibu Sumiati', 'komunitas', 'PKK Desa Loa Ipuh', '', 'P');

	// Both appear at once on the minute-taker's page and on the console, marked, and are counted.
	const consoleList = facilitator.getByTestId('attendees');
	for (const list of [desk, consoleList]) {
		await expect(list.getByTestId('attendee')).toHaveCount(2);
		await expect(list.getByTestId('attendee').filter({ hasText: 'Pak Amir' })).toContainText('ditambahkan oleh panitia');
	}
	await expect(facilitator.getByTestId('participant-count')).toHaveText('2');

	// Remove one (from the minute-taker's page), edit the other (from the console).
	minutetaker.once('dialog', (dialog) => dialog.accept());
	await desk.getByRole('button', { name: 'Hapus Ibu Sumiati' }).click();
	await expect(consoleList.getByTestId('attendee')).toHaveCount(1);
	await consoleList.getByRole('button', { name: 'Ubah Pak Amir' }).click();
	await expect(consoleList.getByLabel('Jabatan')).toHaveValue('Kepala Desa');
	await consoleList.getByLabel('Nama', { exact: true }).fill('Amir Hamzah');
	await consoleList.getByRole('button', { name: 'Simpan perubahan' }).click();
	await expect(desk.getByTestId('attendee')).toHaveText([/Amir Hamzah\s*ditambahkan oleh panitia/]);

	// A participant joins on a phone with the optional jabatan and L/P; theirs is not staff's to change.
	const phone = await newPhone(browser);
	await phone.page.goto(`${server.url}/j/${code}`);
	await phone.page.getByLabel('Nama', { exact: true }).fill('Nur Aisyah');
	await phone.page.getByLabel('Unsur / kelompok').selectOption('media');
	await phone.page.getByLabel('Jabatan (boleh kosong)').fill('Reporter');
	await phone.page.getByLabel('Jenis kelamin (boleh kosong)').selectOption('P');
	await phone.page.getByLabel('Saya sudah membaca dan setuju').check();
	await phone.page.getByRole('button', { name: 'Masuk' }).click();
	await expect(phone.page.getByTestId('connection')).toHaveAttribute('data-state', 'online');
	const nur = consoleList.getByTestId('attendee').filter({ hasText: 'Nur Aisyah' });
	await expect(nur).toContainText('Reporter');
	await expect(nur).not.toContainText('ditambahkan oleh panitia');
	await expect(nur.getByRole('button')).toHaveCount(0);
	await expect(facilitator.getByTestId('participant-count')).toHaveText('2');

	// The downloaded minutes: jabatan and L/P columns, the counts, the marker, nobody removed.
	const { text } = await docxText(await download(facilitator, 'docx'));
	expect(text).toContain('NoNamaJabatanInstansiKelompokL/PTanda tangan');
	expect(text).toContain('Laki-laki 1 orang, perempuan 1 orang.');
	expect(text).toContain('Amir Hamzah(ditambahkan oleh panitia)Kepala DesaDesa Loa Ipuh');
	expect(text).toContain('Nur AisyahReporter');
	expect(text).not.toContain('Sumiati');
	const markdown = (await download(facilitator, 'md')).toString('utf8');
	expect(markdown).toContain('| 1 | Amir Hamzah (ditambahkan oleh panitia) | Kepala Desa | Desa Loa Ipuh |');
	expect(markdown).toContain('1. Daftar hadir (2 orang)');
});

/** A camera JPEG with EXIF (camera, GPS) stored sideways (orientation 6): upright it is portrait, blue band on top. */
async function cameraPhoto(): Promise<Buffer> {
	const band = { create: { width: 1000, height: 3000, channels: 3 as const, background: { r: 0, g: 0, b: 255 } } };
	return sharp({ create: { width: 4000, height: 3000, channels: 3, background: { r: 220, g: 20, b: 20 } } })
		.composite([{ input: band, left: 0, top: 0 }])
		.jpeg({ quality: 90 })
		.withExif({ IFD0: { Make: 'KameraUji', Model: 'HP Notulis' }, IFD3: { GPSLatitudeRef: 'S', GPSLatitude: '0/1 30/1 0/1' } })
		.withMetadata({ orientation: 6 })
		.toBuffer();
}

test('staff upload photos with captions; the stored image has no EXIF and is resized, and the minutes carry a Dokumentasi', async ({ browser }) => {
	const { facilitator, minutetaker, code, key } = await staffScreens(browser);
	const original = await cameraPhoto();
	expect((await sharp(original).metadata()).exif).toBeDefined();

	// Not an image: refused in the browser before anything is sent.
	const desk = minutetaker.getByTestId('photos');
	await desk.getByLabel('Foto (JPEG atau PNG)').setInputFiles({ name: 'animasi.gif', mimeType: 'image/gif', buffer: Buffer.from('GIF89a') });
	await expect(desk.getByRole('alert')).toHaveText('Foto harus berupa JPEG atau PNG.');

	await desk.getByLabel('Foto (JPEG atau PNG)').setInputFiles({ name: 'pembukaan.jpg', mimeType: 'image/jpeg', buffer: original });
	await desk.getByLabel('Keterangan foto', { exact: true }).fill('Pembukaan FGD oleh Kepala DPMD');
	const [uploaded] = await Promise.all([
		minutetaker.waitForResponse((r) => r.url().endsWith(`/api/sessions/${code}/photos`) && r.request().method() === 'POST'),
		desk.getByRole('button', { name: 'Unggah foto' }).click()
	]);
	expect(uploaded.status()).toBe(201);
	const { photo } = (await uploaded.json()) as { photo: { id: string; width: number; height: number } };
	await expect(desk.getByText('Foto terunggah.')).toBeVisible();

	// The console shows it at once, picture and caption.
	const board = facilitator.getByTestId('photos');
	await expect(board.getByTestId('photo')).toHaveCount(1);
	const picture = board.getByRole('img', { name: 'Pembukaan FGD oleh Kepala DPMD' });
	await expect(picture).toBeVisible();
	// Really drawn (the page's CSP lets the blob: URL in), not a broken image showing its alt text.
	await expect.poll(() => picture.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1200);
	await expect(board.getByTestId('photo-count')).toHaveText('1 dari 30 foto');

	// Stored upright, at most 1600 px, without EXIF.
	const stored = await facilitator.request.get(`${server.url}/api/sessions/${code}/photos/${photo.id}`, { headers: { authorization: `Bearer ${key}` } });
	expect(stored.headers()['content-type']).toBe('image/jpeg');
	const bytes = await stored.body();
	const meta = await sharp(bytes).metadata();
	expect([meta.width, meta.height]).toEqual([1200, 1600]);
	expect(meta.exif).toBeUndefined();
	expect(bytes.includes('KameraUji')).toBe(false);
	expect(bytes.length).toBeLessThan(original.length);

	// A second photo from the console, then its caption changed; the minute-taker sees both.
	const landscape = await sharp({ create: { width: 2400, height: 1600, channels: 3, background: '#2e7d32' } }).png().toBuffer();
	await board.getByLabel('Foto (JPEG atau PNG)').setInputFiles({ name: 'diskusi.png', mimeType: 'image/png', buffer: landscape });
	await board.getByLabel('Keterangan foto', { exact: true }).fill('Diskusi kelompok');
	await board.getByRole('button', { name: 'Unggah foto' }).click();
	await expect(desk.getByTestId('photo')).toHaveCount(2);
	await board.getByLabel('Keterangan foto 2').fill('Diskusi kelompok unsur pemerintah');
	await board.getByRole('button', { name: 'Simpan keterangan' }).click();
	await expect(desk.getByLabel('Keterangan foto 2')).toHaveValue('Diskusi kelompok unsur pemerintah');

	// The Word minutes: a Dokumentasi with both photos, captioned, the JPEGs without EXIF.
	const word = await docxText(await download(facilitator, 'docx'));
	const documentation = word.text.slice(word.text.lastIndexOf('Dokumentasi'));
	expect(documentation).toContain('Foto 1. Pembukaan FGD oleh Kepala DPMD');
	expect(documentation).toContain('Foto 2. Diskusi kelompok unsur pemerintah');
	expect(word.text).toContain('3. Dokumentasi (2 foto)');
	const media = Object.keys(word.zip.files).filter((name) => /^word\/media\/.+\.(jpe?g)$/.test(name));
	expect(media).toHaveLength(2);
	for (const name of media) expect((await sharp(await word.zip.file(name)!.async('nodebuffer')).metadata()).exif).toBeUndefined();

	// The PDF minutes: the Dokumentasi ends the document, both photos on its page.
	const pdf = await facilitator.request.get(`${server.url}/api/sessions/${code}/minutes?format=pdf&lang=id`, {
		headers: { authorization: `Bearer ${key}` }
	});
	const pdfBytes = await pdf.body();
	const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdfBytes)), { mergePages: false });
	const last = text.at(-1)!.replace(/\s+/g, ' ');
	expect(last).toContain('Dokumentasi');
	expect(last).toContain('Foto 1. Pembukaan FGD oleh Kepala DPMD');
	expect(last).toContain('Foto 2. Diskusi kelompok unsur pemerintah');
	expect(pdfBytes.toString('latin1').match(/\/Filter \/DCTDecode/g)).toHaveLength(2);

	// Removed on the minute-taker's page: gone from the console and from the minutes.
	minutetaker.once('dialog', (dialog) => dialog.accept());
	await desk.getByTestId('photo').nth(1).getByRole('button', { name: 'Hapus foto' }).click();
	await expect(board.getByTestId('photo')).toHaveCount(1);
	const json = JSON.parse((await download(facilitator, 'json')).toString('utf8'));
	expect(json.documentation).toEqual([{ no: 1, id: photo.id, caption: 'Pembukaan FGD oleh Kepala DPMD', width: 1200, height: 1600 }]);
});

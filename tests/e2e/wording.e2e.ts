/**
 * The small things found on the event day: the create form's date in the chosen zone, the
 * words on each screen (one vote word, one word for ungrouped items, the links tab, the code
 * hint, the report's language columns), an editable suggested theme name, and a summary box a
 * keyboard can reach.
 */
import { expect, test } from '@playwright/test';
import { consoleMenu, createSession, joinOnPhone, LAPTOP, newPhone, post } from './helpers';
import { TestServer } from './server';

const server = new TestServer();
test.beforeAll(() => server.start());
test.afterAll(() => server.dispose());

test('the create form pre-fills today in the chosen zone, and keeps a date the organizer picked', async ({ browser }) => {
	const page = await (await browser.newContext(LAPTOP)).newPage();
	// 16:30 UTC: still the 23rd in Jakarta (23.30 WIB), already the 24th in Makassar (00.30 WITA).
	await page.clock.setFixedTime(new Date('2025-10-23T16:30:00Z'));
	await page.goto(server.url);
	await expect(page.getByRole('button', { name: 'Buat sesi' })).toBeEnabled();
	await expect(page.getByText('Masukkan kode 6 karakter (huruf atau angka) yang tampil di layar.')).toBeVisible();
	const date = page.getByLabel('Tanggal');
	await expect(date).toHaveValue('2025-10-24');
	await page.getByLabel('Zona waktu').selectOption({ label: 'WIB' });
	await expect(date).toHaveValue('2025-10-23');
	await date.fill('2025-11-05');
	await page.getByLabel('Zona waktu').selectOption({ label: 'WIT' });
	await expect(date).toHaveValue('2025-11-05');
});

test('one word per thing on console, phone and report; a suggested theme is a phrase the facilitator can edit', async ({ browser }) => {
	test.setTimeout(120_000);
	const facilitator = await (await browser.newContext(LAPTOP)).newPage();
	facilitator.on('dialog', (dialog) => dialog.accept());
	const code = await createSession(facilitator, server.url);
	await expect(facilitator.getByRole('tab', { name: 'Keterkaitan' })).toBeVisible();
	await expect(facilitator.getByRole('tab', { name: 'Tautan' })).toHaveCount(0);
	const phase = (name: string) => facilitator.getByRole('navigation', { name: 'Tahap' }).getByRole('button', { name: new RegExp(name) }).click();

	const { page: phone } = await newPhone(browser);
	await phone.goto(`${server.url}/j/${code}`);
	await joinOnPhone(phone, 'Siti Aminah', 'dunia_usaha');
	await phase('Menulis');
	await expect(phone.getByTestId('phase')).toContainText('Menulis');
	for (const text of ['Akses modal usaha sulit tanpa agunan', 'Sulit mendapatkan modal usaha dari bank', 'Modal usaha kurang, susah pinjam ke bank', 'Jalan desa rusak saat hujan']) {
		await post(phone, 'Kendala', text);
		await expect(phone.getByTestId('item').filter({ hasText: text })).toBeVisible();
	}

	// Grouping: the suggestion is named by a phrase, not a keyword list, and can be renamed before adopting.
	await phase('Kelompokkan');
	const suggestion = facilitator.getByTestId('group-suggestion').first();
	const name = suggestion.getByLabel('Nama tema yang disarankan (boleh diubah)');
	// "mendapatkan" and "pinjam" count as access to capital, so the phrase keeps "Akses".
	await expect(name).toHaveValue('Akses modal usaha');
	await name.fill('Akses permodalan UMKM');
	await suggestion.getByRole('button', { name: 'Jadikan tema' }).click();
	await expect(facilitator.getByRole('region', { name: 'Akses permodalan UMKM' })).toContainText('Sulit mendapatkan modal usaha dari bank');
	// The item left outside a theme is "Belum dikelompokkan" on both screens.
	await expect(facilitator.getByRole('region', { name: 'Belum dikelompokkan' })).toContainText('Jalan desa rusak saat hujan');
	await expect(phone.getByText('Belum dikelompokkan').first()).toBeVisible();

	// Voting: the phone says "suara", never "titik".
	await phase('Pilih');
	await expect(phone.getByText('Berikan suara Anda untuk gagasan yang paling penting.')).toBeVisible();
	await phone.getByRole('button', { name: 'Tambah suara' }).first().click();
	await expect(phone.getByTestId('dots-left')).toContainText('Sisa suara Anda: 4 dari 5');
	expect(await phone.locator('body').innerText()).not.toMatch(/titik/i);

	// The report: whole language names over its columns, and its summary box reachable by Tab.
	const links = (await consoleMenu(facilitator)).getByTestId('report-links');
	await links.getByRole('button', { name: 'Buat tautan laporan' }).click();
	const organizer = await (await browser.newContext(LAPTOP)).newPage();
	await organizer.goto(await links.getByLabel(/Tautan baru/).inputValue());
	const downloads = organizer.getByTestId('report-downloads');
	await expect(downloads.getByRole('columnheader')).toHaveText(['Format', 'Bahasa Indonesia', 'Bahasa Inggris']);
	const summary = organizer.getByRole('region', { name: 'Ringkasan singkat' });
	await expect(summary).toContainText('Ringkasan FGD');
	await downloads.getByRole('button').last().focus();
	await organizer.keyboard.press('Tab');
	await expect(summary).toBeFocused();
});

import { expect, test } from '@playwright/test';
import { closeSession, createSession, joinOnPhone, LAPTOP, newPhone, post } from './helpers';
import { TestServer } from './server';

const server = new TestServer();
test.beforeAll(() => server.start());
test.afterAll(() => server.dispose());

test('Indonesian by default; English when chosen, and remembered after a reload', async ({ browser }) => {
	const page = await (await browser.newContext(LAPTOP)).newPage();
	await page.goto(server.url);
	await expect(page.locator('html')).toHaveAttribute('lang', 'id');
	await expect(page.getByRole('heading', { name: 'Buat sesi FGD' })).toBeVisible();
	await page.getByRole('button', { name: 'EN', exact: true }).click();
	await expect(page.getByRole('heading', { name: 'Create an FGD session' })).toBeVisible();
	await page.reload();
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page.getByRole('heading', { name: 'Create an FGD session' })).toBeVisible();
	await page.getByRole('button', { name: 'ID', exact: true }).click();
	await expect(page.getByRole('heading', { name: 'Buat sesi FGD' })).toBeVisible();
});

test('a phone downloads the English text only when English is chosen, and keeps it after a reload', async ({ browser }) => {
	const laptop = await (await browser.newContext(LAPTOP)).newPage();
	const code = await createSession(laptop, server.url);
	const { page } = await newPhone(browser);
	const scripts: string[] = [];
	page.on('response', (response) => {
		if (response.url().endsWith('.js')) scripts.push(response.url());
	});
	await page.goto(`${server.url}/j/${code}`);
	await expect(page.getByRole('heading', { name: 'Bergabung ke FGD' })).toBeVisible();
	const before = scripts.length;
	await page.getByRole('button', { name: 'EN', exact: true }).click();
	await expect(page.getByRole('heading', { name: 'Join the FGD' })).toBeVisible();
	expect(scripts.length).toBeGreaterThan(before);
	await page.reload();
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page.getByRole('heading', { name: 'Join the FGD' })).toBeVisible();
	await expect(page.getByRole('checkbox', { name: /I have read/ })).toBeVisible();
});

test('dates in Indonesian format, and user text shown as text, never as HTML', async ({ browser }) => {
	const facilitator = await (await browser.newContext(LAPTOP)).newPage();
	await facilitator.goto(server.url);
	await expect(facilitator.locator('html')).toHaveAttribute('data-hydrated', 'true');
	await facilitator.getByLabel('Judul kegiatan').fill('FGD <b>tebal</b>');
	await facilitator.getByLabel('Tanggal').fill('2025-10-24');
	await facilitator.getByRole('button', { name: 'Buat sesi' }).click();
	await expect(facilitator.getByText('Jumat, 24 Oktober 2025 · 09.00 WITA')).toBeVisible();
	await expect(facilitator.getByRole('heading', { name: 'FGD <b>tebal</b>' })).toBeVisible();
	const code = (await facilitator.getByTestId('join-code').textContent())!.trim();

	const phone = await newPhone(browser);
	let dialogs = 0;
	phone.page.on('dialog', (d) => (dialogs++, d.dismiss()));
	facilitator.on('dialog', (d) => (dialogs++, d.dismiss()));
	await phone.page.goto(`${server.url}/j/${code}`);
	await joinOnPhone(phone.page, '<img src=x onerror=alert(1)>', 'media');
	const hostile = '<script>alert("x")</script> ‮بالعربية‬ 🙂 ' + 'x'.repeat(120);
	await post(phone.page, 'Kendala', hostile);
	await expect(facilitator.getByText('<script>alert("x")</script>', { exact: false })).toBeVisible();
	// The name shows as text both beside the item and in the attendance list.
	await expect(facilitator.getByTestId('item').getByText('<img src=x onerror=alert(1)>', { exact: false })).toBeVisible();
	await expect(facilitator.getByTestId('attendee').getByText('<img src=x onerror=alert(1)>', { exact: false })).toBeVisible();
	expect(await facilitator.locator('main script, main img[src="x"]').count()).toBe(0);
	expect(dialogs).toBe(0);
});

test('bad input is refused with a clear message in the user language and changes nothing', async ({ browser, request }) => {
	const facilitator = await (await browser.newContext(LAPTOP)).newPage();
	const code = await createSession(facilitator, server.url);
	const phone = await newPhone(browser);
	await phone.page.goto(`${server.url}/j/${code}`);
	// Without consent the phone cannot join.
	await phone.page.getByLabel('Nama', { exact: true }).fill('Tanpa Persetujuan');
	await phone.page.getByLabel('Unsur / kelompok').selectOption('media');
	await phone.page.getByRole('button', { name: 'Masuk' }).click();
	await expect(phone.page.getByRole('alert')).toHaveText('Centang persetujuan data pribadi untuk melanjutkan.');
	await expect(facilitator.getByTestId('participant-count')).toHaveText('0');

	// Unknown code: a friendly 404.
	const missing = await phone.context.newPage();
	await missing.goto(`${server.url}/j/QQQQQQ`);
	await expect(missing.getByText('Sesi dengan kode ini tidak ditemukan.')).toBeVisible();

	// The API answers bad bodies with a code and message, and stores nothing.
	const bad = await request.post(`${server.url}/api/sessions/${code}/participants`, {
		data: { token: 'short', name: '', group: 'nope', consent: false }
	});
	expect(bad.status()).toBe(400);
	expect((await bad.json()).error.code).toMatch(/invalid_input|consent_required/);
	const noJson = await request.post(`${server.url}/api/sessions`, { headers: { 'content-type': 'application/json' }, data: Buffer.from('{not json') });
	expect(noJson.status()).toBe(400);
	expect(await noJson.json()).toEqual({ error: { code: 'invalid_input', message: 'Body is not valid JSON' } });

	// Minutes need the facilitator key (the route lands with the minutes module).
	expect((await request.get(`${server.url}/api/sessions/${code}/minutes?format=md`)).status()).toBe(401);
	const wrongKey = await request.get(`${server.url}/api/sessions/${code}/minutes?format=md`, {
		headers: { authorization: 'Bearer wrong-key' }
	});
	expect(wrongKey.status()).toBe(403);

	// A change queued offline and refused later (the session closed meanwhile) shows why, in Indonesian.
	await joinOnPhone(phone.page, 'Peserta Sah', 'media');
	await expect(facilitator.getByTestId('participant-count')).toHaveText('1');
	await phone.context.setOffline(true);
	await expect(phone.page.getByTestId('connection')).toHaveAttribute('data-state', 'offline');
	await post(phone.page, 'Kendala', 'Ditulis sebelum sesi ditutup');
	await closeSession(facilitator);
	await phone.context.setOffline(false);
	const failed = phone.page.locator('[data-status="failed"]');
	await expect(failed).toContainText('Gagal: Sesi sudah ditutup.');
	await expect(facilitator.getByText('Ditulis sebelum sesi ditutup')).toHaveCount(0);
	await failed.getByRole('button', { name: 'Buang' }).click();
	await expect(failed).toHaveCount(0);
});

import { expect, test } from '@playwright/test';
import { column, createSession, joinOnPhone, LAPTOP, newPhone, post } from './helpers';
import { TestServer } from './server';

const server = new TestServer();
test.beforeAll(() => server.start());
test.afterAll(() => server.dispose());

test('an offline phone keeps its input, survives a reload, and delivers it exactly once', async ({ browser }) => {
	const facilitator = await (await browser.newContext(LAPTOP)).newPage();
	const code = await createSession(facilitator, server.url);
	const phone = await newPhone(browser);
	await phone.page.goto(`${server.url}/j/${code}`);
	await joinOnPhone(phone.page, 'Rahmat Hidayat', 'komunitas', 'Kelompok Tani Loa Kulu');

	await phone.context.setOffline(true);
	await expect(phone.page.getByTestId('connection')).toHaveAttribute('data-state', 'offline');
	await post(phone.page, 'Kendala', 'Pendapatan warga turun setelah tambang berhenti');
	await post(phone.page, 'Kendala', 'Sinyal internet lemah di desa');
	await expect(phone.page.locator('[data-status="sending"]')).toHaveCount(2);
	await expect(column(facilitator, 'Kendala').getByTestId('count')).toHaveText('0');

	// Back online: both arrive once, in order, and the phone marks them saved.
	await phone.context.setOffline(false);
	await expect(column(facilitator, 'Kendala').getByTestId('count')).toHaveText('2');
	await expect(phone.page.locator('[data-status="sending"]')).toHaveCount(0);
	await expect(phone.page.getByText('Pendapatan warga turun')).toHaveCount(1);

	// Offline again, post, and close the page before it could send: the outbox outlives the page.
	await phone.context.setOffline(true);
	await expect(phone.page.getByTestId('connection')).toHaveAttribute('data-state', 'offline');
	await post(phone.page, 'Peluang', 'Produk olahan lokal punya pasar di Samarinda');
	await expect(phone.page.locator('[data-status="sending"]')).toHaveCount(1);
	await phone.page.close();
	await phone.context.setOffline(false);
	const reopened = await phone.context.newPage();
	await reopened.goto(`${server.url}/j/${code}`);
	await expect(reopened.getByTestId('connection')).toHaveAttribute('data-state', 'online');
	await expect(column(facilitator, 'Peluang').getByText('Produk olahan lokal')).toHaveCount(1);
	await expect(reopened.locator('[data-status="sending"]')).toHaveCount(0);
	await reopened.getByRole('button', { name: /^Peluang/ }).click();
	await expect(reopened.getByTestId('item').filter({ hasText: 'Produk olahan lokal' }).getByText('Milik saya')).toBeVisible();
	await expect(column(facilitator, 'Kendala').getByTestId('count')).toHaveText('2');
});

test('a server killed mid-session loses nothing acknowledged, and every view catches up', async ({ browser }) => {
	const facilitator = await (await browser.newContext(LAPTOP)).newPage();
	const code = await createSession(facilitator, server.url, 'FGD uji restart');
	const phones = [await newPhone(browser), await newPhone(browser)];
	for (const [i, phone] of phones.entries()) {
		await phone.page.goto(`${server.url}/j/${code}`);
		await joinOnPhone(phone.page, `Peserta ${i + 1}`, 'media');
		await post(phone.page, 'Rekomendasi', `Usulan sebelum restart dari peserta ${i + 1}`);
	}
	await expect(column(facilitator, 'Rekomendasi').getByTestId('count')).toHaveText('2');

	await server.stop('SIGKILL');
	await expect(phones[0].page.getByTestId('connection')).toHaveAttribute('data-state', 'offline');
	await post(phones[0].page, 'Rekomendasi', 'Usulan yang ditulis saat server mati');
	await server.start();

	await expect(column(facilitator, 'Rekomendasi').getByTestId('count')).toHaveText('3', { timeout: 20_000 });
	for (const phone of phones) {
		await expect(phone.page.getByTestId('connection')).toHaveAttribute('data-state', 'online', { timeout: 20_000 });
		await phone.page.getByRole('button', { name: /^Rekomendasi/ }).click();
		await expect(phone.page.getByTestId('item')).toHaveCount(3);
	}
	await facilitator.reload();
	await expect(column(facilitator, 'Rekomendasi').getByTestId('count')).toHaveText('3');
	await expect(column(facilitator, 'Rekomendasi').getByText('saat server mati')).toHaveCount(1);
});

/**
 * "Dukung ini": a participant backs an item already on the board instead of posting a duplicate.
 * The support counts once, shows on the phones, the console and the projector, and reaches the
 * minutes; the draft stays until its writer decides what to do with it.
 */
import { expect, test } from '@playwright/test';
import { column, joinOnPhone, LAPTOP, newPhone, post, PROJECTOR } from './helpers';
import { TestServer } from './server';
import { command, connect } from './socket';

const server = new TestServer();
test.beforeAll(() => server.start());
test.afterAll(() => server.dispose());

const ITEM = 'Modal usaha sulit didapat pelaku UMKM';

test('a support counts once, shows everywhere and reaches the minutes; the draft stays', async ({ browser }) => {
	const { code, facilitatorKey } = await (
		await fetch(`${server.url}/api/sessions`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ title: 'FGD uji dukungan', startsAt: '2026-11-28T09:00' })
		})
	).json();
	const [siti, budi] = [await newPhone(browser), await newPhone(browser)];
	for (const [phone, name] of [[siti, 'Siti Rahmawati'], [budi, 'Budi Santoso']] as const) {
		await phone.page.goto(`${server.url}/j/${code}`);
		await joinOnPhone(phone.page, name, 'dunia_usaha');
	}
	await post(siti.page, 'Kendala', ITEM);
	const facilitator = await connect(server.url, { role: 'facilitator', code, key: facilitatorKey });
	expect(await command(facilitator, { type: 'phase.set', phase: 'reveal' })).toMatchObject({ ok: true });
	const desk = await (await browser.newContext(LAPTOP)).newPage();
	await desk.goto(`${server.url}/f/${code}#key=${facilitatorKey}`);
	const projector = await (await browser.newContext(PROJECTOR)).newPage();
	await projector.goto(`${server.url}/p/${code}`);

	// Budi starts typing the same thing; the suggestion offers a support instead.
	const draft = 'modal usaha sulit didapat';
	await budi.page.getByRole('button', { name: /^Kendala/ }).click();
	await budi.page.getByLabel(/Tulis masukan/).fill(draft);
	const suggestion = budi.page.locator('.similar li').filter({ hasText: ITEM });
	await suggestion.getByRole('button', { name: 'Dukung ini' }).click();
	await expect(suggestion.getByRole('button', { name: /Didukung/ })).toHaveAttribute('aria-pressed', 'true');
	await expect(budi.page.getByLabel(/Tulis masukan/)).toHaveValue(draft);
	await expect(budi.page.getByText('Tulisan Anda tetap di kotak')).toBeVisible();

	const card = (page: typeof desk) => page.getByTestId('item').filter({ hasText: ITEM });
	await expect(card(siti.page).getByTestId('supporters')).toHaveText('+1 · Didukung 1 peserta');
	await expect(card(budi.page).getByTestId('supporters')).toHaveText('+1 · Didukung 1 peserta');
	await expect(column(desk, 'Kendala').getByTestId('supporters')).toContainText('+1');
	await expect(column(projector, 'Kendala').getByTestId('supporters')).toContainText('+1');

	// A second tap on the item's own button takes it back; a third gives it again, once.
	const own = card(budi.page).getByRole('button', { name: /Didukung/ });
	await own.click();
	await expect(card(siti.page).getByTestId('supporters')).toHaveCount(0);
	await card(budi.page).getByRole('button', { name: 'Dukung ini' }).click();
	await expect(card(siti.page).getByTestId('supporters')).toHaveText('+1 · Didukung 1 peserta');
	// Siti may not support her own item: no button on it.
	await expect(card(siti.page).getByRole('button', { name: 'Dukung ini' })).toHaveCount(0);

	const minutes = await fetch(`${server.url}/api/sessions/${code}/minutes?format=md`, { headers: { authorization: `Bearer ${facilitatorKey}` } });
	expect(await minutes.text()).toContain('didukung 1 peserta');
	facilitator.disconnect();
});

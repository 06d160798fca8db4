/**
 * A reload without a network: the service worker serves the phone page, which shows the board as
 * last seen and the posts waiting in the outbox, and sends them when the network returns.
 * (Service workers run on localhost, as here, or HTTPS; see the README.)
 */
import { expect, test } from '@playwright/test';
import { column, createSession, joinOnPhone, LAPTOP, newPhone, post } from './helpers';
import { TestServer } from './server';

const server = new TestServer();
test.beforeAll(() => server.start());
test.afterAll(() => server.dispose());

test('reloading offline shows the last board and the outbox; the posts go out when the network returns', async ({ browser }) => {
	const facilitator = await (await browser.newContext(LAPTOP)).newPage();
	const code = await createSession(facilitator, server.url, 'FGD uji tanpa sinyal');
	const phone = await newPhone(browser);
	await phone.page.goto(`${server.url}/j/${code}`);
	await joinOnPhone(phone.page, 'Sari Wulandari', 'komunitas');
	await post(phone.page, 'Kendala', 'Jalan tani rusak saat musim hujan');
	await expect(column(facilitator, 'Kendala').getByTestId('count')).toHaveText('1');
	// The worker has taken over this page (and kept a copy of it).
	await phone.page.waitForFunction(() => navigator.serviceWorker.controller !== null);

	await phone.context.setOffline(true);
	await expect(phone.page.getByTestId('connection')).toHaveAttribute('data-state', 'offline');
	await post(phone.page, 'Kendala', 'Harga pupuk naik dua kali lipat');
	await expect(phone.page.locator('[data-status="sending"]')).toHaveCount(1);

	const reloaded = await phone.page.reload();
	expect(reloaded?.fromServiceWorker()).toBe(true);
	await expect(phone.page.getByRole('heading', { name: 'FGD uji tanpa sinyal' })).toBeVisible();
	await expect(phone.page.getByTestId('connection')).toHaveAttribute('data-state', 'offline');
	await expect(phone.page.getByText('Jalan tani rusak saat musim hujan')).toBeVisible();
	await expect(phone.page.locator('[data-status="sending"]')).toHaveCount(1);
	await expect(phone.page.getByText('Harga pupuk naik dua kali lipat')).toBeVisible();

	await phone.context.setOffline(false);
	await expect(phone.page.getByTestId('connection')).toHaveAttribute('data-state', 'online');
	await expect(column(facilitator, 'Kendala').getByTestId('count')).toHaveText('2');
	await expect(phone.page.locator('[data-status="sending"]')).toHaveCount(0);
	await expect(phone.page.getByText('Harga pupuk naik dua kali lipat')).toHaveCount(1);
});

test('a phone that sees the worker in control has its page kept, even when keeping it is slow', async ({ browser }) => {
	const facilitator = await (await browser.newContext(LAPTOP)).newPage();
	const code = await createSession(facilitator, server.url, 'FGD uji jaringan lambat');
	const phone = await newPhone(browser);
	// A slow venue network: the worker's own fetch of the page (to keep a copy) takes a while.
	// The page may go offline as soon as it has a controller; its copy must already be kept.
	await phone.context.route(`${server.url}/j/${code}`, async (route) => {
		if (!route.request().isNavigationRequest()) await new Promise((resolve) => setTimeout(resolve, 2000));
		await route.continue();
	});
	await phone.page.goto(`${server.url}/j/${code}`);
	await joinOnPhone(phone.page, 'Sari Wulandari', 'komunitas');
	await phone.page.waitForFunction(() => navigator.serviceWorker.controller !== null);
	await phone.context.setOffline(true);
	const reloaded = await phone.page.reload();
	expect(reloaded?.fromServiceWorker()).toBe(true);
	await expect(phone.page.getByRole('heading', { name: 'FGD uji jaringan lambat' })).toBeVisible();
});

/**
 * Phones before the script: the home page's join by code, the language switch and the join form
 * are plain HTML forms first. Proved with JavaScript off, and with the scripts held back so that
 * a tap lands before hydration (as on a slow phone) and must not be lost.
 */
import { expect, test, type Page, type Route } from '@playwright/test';
import { PHONE } from './helpers';
import { TestServer } from './server';

const server = new TestServer();
test.beforeAll(() => server.start());
test.afterAll(() => server.dispose());

async function newSession(title = 'FGD Penguatan UMKM'): Promise<{ code: string; facilitatorKey: string }> {
	const response = await fetch(`${server.url}/api/sessions`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ title, startsAt: '2026-11-28T09:00' })
	});
	return response.json();
}

async function fillJoinForm(page: Page, name: string) {
	await page.getByLabel('Nama', { exact: true }).fill(name);
	await page.getByLabel('Unsur / kelompok').selectOption('akademisi');
	await page.getByLabel('Instansi / lembaga (boleh kosong)').fill('Universitas Mulawarman');
}

test('without JavaScript: join by code from home, switch language, and join', async ({ browser }) => {
	const { code } = await newSession();
	const context = await browser.newContext({ ...PHONE, javaScriptEnabled: false });
	const page = await context.newPage();

	await page.goto(server.url);
	await page.getByLabel('Kode sesi').fill('abc');
	await page.getByRole('button', { name: 'Gabung', exact: true }).click();
	await expect(page.getByRole('alert')).toHaveText('Kode terdiri dari 6 huruf atau angka.');
	await page.getByLabel('Kode sesi').fill(code.toLowerCase());
	await page.getByRole('button', { name: 'Gabung', exact: true }).click();
	await expect(page).toHaveURL(`${server.url}/j/${code}`);

	await page.getByRole('button', { name: 'EN', exact: true }).click();
	await expect(page).toHaveURL(`${server.url}/j/${code}`);
	await expect(page.getByRole('heading', { name: 'Join the FGD' })).toBeVisible();
	await page.getByRole('button', { name: 'ID', exact: true }).click();
	await expect(page.getByRole('heading', { name: 'Bergabung ke FGD' })).toBeVisible();

	// Refused without consent: said why, and what was typed stays.
	await fillJoinForm(page, 'Dewi Lestari');
	await page.getByRole('button', { name: 'Masuk' }).click();
	await expect(page.getByRole('alert')).toHaveText('Centang persetujuan data pribadi untuk melanjutkan.');
	await expect(page.getByLabel('Nama', { exact: true })).toHaveValue('Dewi Lestari');
	await expect(page.getByLabel('Unsur / kelompok')).toHaveValue('akademisi');

	await page.getByLabel('Saya sudah membaca dan setuju').check();
	await page.getByRole('button', { name: 'Masuk' }).click();
	await expect(page.getByTestId('joined-as')).toContainText('Dewi Lestari');
	const listed = await (await fetch(`${server.url}/api/sessions/${code}`)).json();
	expect(JSON.stringify(listed)).not.toContain('token');
	// The same phone, back later: still joined (the server remembers it in a cookie).
	await page.goto(`${server.url}/j/${code}`);
	await expect(page.getByTestId('joined-as')).toContainText('Dewi Lestari');
	await context.close();
});

/** Holds every script until `release` is called: the page is drawn, but nothing is hydrated. */
async function holdScripts(page: Page) {
	const held: Route[] = [];
	let holding = true;
	await page.route('**/*.js', (route) => (holding ? void held.push(route) : route.continue()));
	return {
		release: async () => {
			holding = false;
			await Promise.all(held.splice(0).map((route) => route.continue()));
		}
	};
}

/**
 * A first visit: no service worker yet. Its registration is inline in the page, so it would run
 * even with the scripts held, and then serve them from its own cache past the hold.
 */
const FIRST_VISIT = { ...PHONE, serviceWorkers: 'block' } as const;

test('a tap before the scripts arrive is not lost: language, then the join form', async ({ browser }) => {
	const { code } = await newSession();
	const context = await browser.newContext(FIRST_VISIT);
	const page = await context.newPage();
	const scripts = await holdScripts(page);

	await page.goto(`${server.url}/j/${code}`, { waitUntil: 'domcontentloaded' });
	await page.getByRole('button', { name: 'EN', exact: true }).click();
	await expect(page.getByRole('heading', { name: 'Join the FGD' })).toBeVisible();

	await page.getByLabel('Name', { exact: true }).fill('Budi Santoso');
	await page.getByLabel('Stakeholder group').selectOption('pemerintah');
	await page.getByLabel('I have read').check();
	await page.getByRole('button', { name: 'Join', exact: true }).click();
	await expect(page.getByTestId('joined-as')).toContainText('Budi Santoso');

	// The scripts arrive: the page takes over the identity the form made and goes live.
	await scripts.release();
	await expect(page.getByTestId('connection')).toHaveAttribute('data-state', 'online');
	await expect(page.getByText('Budi Santoso')).toBeVisible();
	const stored = await page.evaluate((c) => JSON.parse(localStorage.getItem(`rembuk:participant:${c}`)!), code);
	expect(stored.name).toBe('Budi Santoso');
	await context.close();
});

test('a code typed on the home page before the scripts arrive still opens the session', async ({ browser }) => {
	const { code } = await newSession();
	const context = await browser.newContext(FIRST_VISIT);
	const page = await context.newPage();
	const scripts = await holdScripts(page);
	await page.goto(server.url, { waitUntil: 'domcontentloaded' });
	await page.getByLabel('Kode sesi').fill(code);
	await page.getByRole('button', { name: 'Gabung', exact: true }).click();
	await expect(page).toHaveURL(`${server.url}/j/${code}`);
	await expect(page.getByRole('heading', { name: 'Bergabung ke FGD' })).toBeVisible();
	await scripts.release();
	await context.close();
});

test('a code typed on the home page while the scripts are on their way survives hydration', async ({ browser }) => {
	const { code } = await newSession();
	const context = await browser.newContext(FIRST_VISIT);
	const page = await context.newPage();
	const scripts = await holdScripts(page);
	await page.goto(server.url, { waitUntil: 'domcontentloaded' });
	await page.getByLabel('Kode sesi').fill(code.toLowerCase());
	await scripts.release();
	await expect(page.locator('html')).toHaveAttribute('data-hydrated', 'true');
	await expect(page.getByLabel('Kode sesi')).toHaveValue(code.toLowerCase());
	await page.getByRole('button', { name: 'Gabung', exact: true }).click();
	await expect(page).toHaveURL(`${server.url}/j/${code}`);
	await expect(page.getByLabel('Nama', { exact: true })).toBeVisible();
	await context.close();
});

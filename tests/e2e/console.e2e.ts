/** The console on a 1366×768 laptop: what stays in reach, one way to close, merging and themes, the keyboard. */
import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { command } from '../../scripts/bench/phone.mjs';
import { freePort } from '../../scripts/bench/ports.mjs';
import { rembuk, type RembukProcess } from '../../scripts/bench/server.mjs';
import { inViewport, openConsole, seed as seedOn, tabsUntil, TEXTS } from './console-setup';
import { PHONE } from './helpers';

const SCREEN = { viewport: { width: 1366, height: 768 } };
/** Screenshots for people to look at; outside the repository. */
const SHOTS = process.env.CONSOLE_SHOTS ?? '';
if (SHOTS) mkdirSync(SHOTS, { recursive: true });

let server: RembukProcess;
test.beforeAll(async () => {
	server = rembuk({ port: await freePort() });
	await server.start();
});
test.afterAll(() => server.dispose());
const seed = (count: number, phase: string) => seedOn(server.url, count, phase);

const focusIsOnBody = (page: Page) => page.evaluate(() => document.activeElement === document.body || document.activeElement === null);
const shot = (page: Page, name: string) => (SHOTS ? page.screenshot({ path: `${SHOTS}/${name}.png` }) : Promise.resolve());

test('the phase bar, the countdown and the phase action stay on screen while the panel scrolls', async ({ browser }) => {
	const { facilitatorUrl, staff } = await seed(24, 'reveal');
	const page = await (await browser.newContext(SCREEN)).newPage();
	await openConsole(page, facilitatorUrl);
	await page.getByLabel('Menit').fill('5');
	const start = page.getByRole('button', { name: 'Mulai', exact: true });
	await start.click();
	await expect(page.getByTestId('countdown')).toContainText(/[45]:\d\d/);
	// The same button now pauses, and keeps the focus.
	await expect(page.getByRole('button', { name: 'Jeda', exact: true })).toBeFocused();
	await shot(page, 'laptop-reveal-top');

	await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
	expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(500);
	await inViewport(page, page.getByRole('navigation', { name: 'Tahap' }));
	await inViewport(page, page.getByTestId('countdown'));
	await inViewport(page, page.getByRole('button', { name: 'Lanjut ke Kelompokkan' }));
	await inViewport(page, page.getByRole('button', { name: 'Notulen & laporan' }));
	await shot(page, 'laptop-reveal-scrolled');
	staff.close();
});

test('downloads, report links, letterhead and closing are one click away from any scroll position', async ({ browser }) => {
	const { facilitatorUrl, staff } = await seed(24, 'reveal');
	const page = await (await browser.newContext(SCREEN)).newPage();
	await openConsole(page, facilitatorUrl);
	await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
	const opener = page.getByRole('button', { name: 'Notulen & laporan' });
	await opener.click();
	const menu = page.getByRole('dialog', { name: 'Notulen & laporan' });
	await expect(menu).toBeVisible();
	await inViewport(page, menu.getByTestId('minutes-download').getByRole('button', { name: 'Unduh' }));
	await inViewport(page, menu.getByRole('button', { name: 'Tutup sesi' }));
	await inViewport(page, menu.getByRole('button', { name: 'Buat tautan laporan' }));
	await inViewport(page, menu.getByTestId('letterhead').getByRole('heading'));
	await shot(page, 'laptop-menu');
	// A PDF straight from here.
	const [file] = await Promise.all([page.waitForEvent('download'), menu.getByRole('button', { name: 'Unduh' }).click()]);
	expect(file.suggestedFilename()).toMatch(/^notulen-[A-Z0-9]{6}-id-a4\.pdf$/);
	// Escape closes it and gives the focus back to the button that opened it.
	await page.keyboard.press('Escape');
	await expect(menu).toBeHidden();
	await expect(opener).toBeFocused();
	staff.close();
});

test('closing asks on the page, never in a browser dialog; cancelling leaves the session open', async ({ browser }) => {
	const { facilitatorUrl, staff } = await seed(3, 'action');
	const page = await (await browser.newContext(SCREEN)).newPage();
	let dialogs = 0;
	page.on('dialog', (dialog) => (dialogs++, void dialog.dismiss()));
	await openConsole(page, facilitatorUrl);
	const phases = page.getByRole('navigation', { name: 'Tahap' });

	// The phase bar's last step opens the same question as "Tutup sesi", with "Batal" focused.
	await phases.getByRole('button', { name: /Selesai/ }).click();
	const menu = page.getByRole('dialog', { name: 'Notulen & laporan' });
	await expect(menu.getByText('Tutup sesi? Setelah ditutup')).toBeVisible();
	await expect(menu.getByRole('button', { name: 'Batal' })).toBeFocused();
	await shot(page, 'laptop-close-question');
	await menu.getByRole('button', { name: 'Batal' }).click();
	await expect(menu.getByRole('button', { name: 'Tutup sesi' })).toBeFocused();
	await page.keyboard.press('Escape');
	await expect(phases.getByRole('button', { name: /Rencana tindak lanjut/ })).toHaveAttribute('aria-current', 'step');
	await expect(page.getByLabel('Menit')).toBeVisible();

	await page.getByRole('button', { name: 'Notulen & laporan' }).click();
	await menu.getByRole('button', { name: 'Tutup sesi' }).click();
	await menu.getByRole('button', { name: 'Ya, tutup sesi' }).click();
	await expect(menu.getByTestId('closed')).toBeVisible();
	await expect(phases.getByRole('button', { name: /Selesai/ })).toHaveAttribute('aria-current', 'step');
	await expect(page.getByLabel('Menit')).toHaveCount(0);
	expect(dialogs).toBe(0);
	staff.close();
});

test('on Tema: ticks survive a tab switch and merge there; the theme picker moves an item only when confirmed', async ({ browser }) => {
	const { facilitatorUrl, staff } = await seed(24, 'grouping');
	const page = await (await browser.newContext(SCREEN)).newPage();
	await openConsole(page, facilitatorUrl);
	const tema = page.getByRole('tab', { name: 'Tema' });
	await expect(tema).toHaveAttribute('aria-selected', 'true');
	const pool = page.getByTestId('theme').first();
	await expect(pool.getByTestId('item')).toHaveCount(24);

	// Two themes, created at the top; the second is in reach without scrolling past the long pool.
	for (const name of ['Prasarana', 'Ekonomi warga']) {
		await page.getByLabel('Nama tema baru').fill(name);
		await page.getByRole('button', { name: 'Tambah tema' }).click();
		await expect(page.getByRole('region', { name })).toBeVisible();
	}
	expect(await page.evaluate(() => window.scrollY)).toBe(0);
	await inViewport(page, page.getByRole('region', { name: 'Ekonomi warga' }).getByRole('heading'));
	await shot(page, 'laptop-themes');

	// Tick two on Tema, look at Papan (the ticks are there too), come back, merge.
	const first = pool.getByTestId('item').filter({ hasText: TEXTS[0] });
	const second = pool.getByTestId('item').filter({ hasText: TEXTS[3] });
	await first.getByRole('checkbox').check();
	await second.getByRole('checkbox').check();
	await page.getByRole('tab', { name: 'Papan' }).click();
	await expect(page.locator(`[data-item-id]`).filter({ hasText: TEXTS[3] }).getByRole('checkbox')).toBeChecked();
	await page.getByRole('tab', { name: 'Papan' }).press('ArrowRight');
	await expect(tema).toBeFocused();
	await expect(tema).toHaveAttribute('aria-selected', 'true');
	await expect(first.getByRole('checkbox')).toBeChecked();
	await expect(second.getByRole('checkbox')).toBeChecked();
	await page.getByRole('button', { name: 'Gabungkan 2 masukan ke yang pertama dipilih' }).click();
	await expect(pool.getByTestId('item')).toHaveCount(23);
	await expect(first).toContainText('Gabungan dari 2 masukan');
	await expect(first.getByRole('checkbox')).toBeFocused();

	// Arrow keys only choose; the card stays put until "Pindahkan".
	const target = pool.getByTestId('item').filter({ hasText: TEXTS[1] });
	const picker = target.getByRole('combobox');
	await picker.focus();
	await page.keyboard.press('ArrowDown');
	await page.keyboard.press('ArrowDown');
	await expect(picker).toHaveValue(/.+/);
	// A command sent after the arrows comes back after anything they might have sent.
	await page.getByLabel('Nama tema baru').fill('Layanan dasar');
	await page.getByRole('button', { name: 'Tambah tema' }).click();
	await expect(page.getByRole('region', { name: 'Layanan dasar' })).toBeVisible();
	await expect(pool.getByTestId('item').filter({ hasText: TEXTS[1] })).toHaveCount(1);
	for (const name of ['Prasarana', 'Ekonomi warga']) await expect(page.getByRole('region', { name }).getByTestId('item')).toHaveCount(0);

	await target.getByRole('button', { name: 'Pindahkan' }).click();
	const moved = page.getByRole('region', { name: 'Ekonomi warga' }).getByTestId('item').filter({ hasText: TEXTS[1] });
	await expect(moved).toBeVisible();
	await expect(moved.getByRole('combobox')).toBeFocused();
	staff.close();
});

test('keyboard: a skip link, few Tab presses to the first post and to "Tampilkan hasil", tabs that answer arrows', async ({ browser }) => {
	const { facilitatorUrl, staff } = await seed(6, 'reveal');
	const page = await (await browser.newContext(SCREEN)).newPage();
	await openConsole(page, facilitatorUrl);
	await expect(page.getByTestId('item')).toHaveCount(6);

	const toSkip = await tabsUntil(page, () => document.activeElement?.textContent === 'Lompat ke panel utama');
	await page.keyboard.press('Enter');
	const toPost = await tabsUntil(page, () => !!document.activeElement?.closest('[data-testid="item"]') && document.activeElement!.closest('[data-testid="item"]') === document.querySelector('[data-testid="item"]'));
	console.log(`Tab presses to the first post: ${toSkip} to the skip link, Enter, then ${toPost}`);
	expect(toSkip + toPost).toBeLessThan(10);

	// Tabs: one Tab stop, arrows move and select, the panel is labelled by the selected tab.
	await page.getByRole('tab', { name: 'Papan' }).focus();
	await page.keyboard.press('ArrowRight');
	await expect(page.getByRole('tab', { name: 'Tema' })).toBeFocused();
	await expect(page.getByRole('tab', { name: 'Tema' })).toHaveAttribute('aria-selected', 'true');
	await expect(page.getByRole('tab', { name: 'Papan' })).toHaveAttribute('aria-selected', 'false');
	await expect(page.getByRole('tabpanel')).toHaveAttribute('aria-labelledby', 'tab-themes');
	await page.keyboard.press('End');
	await expect(page.getByRole('tab', { name: 'Notulen' })).toBeFocused();
	await page.keyboard.press('ArrowRight');
	await expect(page.getByRole('tab', { name: 'Papan' })).toBeFocused();
	await expect(page.getByRole('tab', { selected: false }).first()).toHaveAttribute('tabindex', '-1');

	// Voting: the reveal is the phase's main action, a few Tab presses from the top.
	expect((await command(staff, { type: 'phase.set', phase: 'voting' })).ok).toBe(true);
	await openConsole(page, facilitatorUrl);
	await expect(page.getByRole('tab', { name: 'Suara' })).toHaveAttribute('aria-selected', 'true');
	const toReveal = await tabsUntil(page, () => document.activeElement?.textContent?.trim() === 'Tampilkan hasil ke peserta');
	console.log(`Tab presses to "Tampilkan hasil ke peserta": ${toReveal}`);
	expect(toReveal).toBeLessThan(10);
	await page.keyboard.press('Enter');
	await expect(page.getByText('Hasil sudah ditampilkan')).toBeVisible();
	await expect(page.getByRole('button', { name: 'Sembunyikan hasil' })).toBeFocused();
	expect(await focusIsOnBody(page)).toBe(false);
	await shot(page, 'laptop-voting');
	staff.close();
});

test('axe finds no serious accessibility problems on the console, the menu open or not', async ({ browser }) => {
	const { facilitatorUrl, staff } = await seed(6, 'grouping');
	// The app's CSP rightly refuses injected scripts; axe is the test's, not the page's.
	const page = await (await browser.newContext({ ...SCREEN, bypassCSP: true })).newPage();
	await openConsole(page, facilitatorUrl);
	await page.addScriptTag({ path: 'node_modules/axe-core/axe.min.js' });
	type Result = { id: string; impact: string; nodes: number };
	const audit = () =>
		page.evaluate(async () => {
			const axe = (window as unknown as { axe: { run: (options: object) => Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> } }).axe;
			const { violations } = await axe.run({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
			return violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
		}) as Promise<Result[]>;
	const board = await audit();
	await page.getByRole('button', { name: 'Notulen & laporan' }).click();
	await expect(page.getByRole('dialog', { name: 'Notulen & laporan' })).toBeVisible();
	const menu = await audit();
	console.log('axe on the console:', JSON.stringify(board), 'with the menu open:', JSON.stringify(menu));
	const serious = [...board, ...menu].filter((v) => v.impact === 'serious' || v.impact === 'critical');
	expect(serious).toEqual([]);
	staff.close();
});

test('on a phone the pinned bar stays small enough to work under', async ({ browser }) => {
	const { facilitatorUrl, staff } = await seed(8, 'reveal');
	const page = await (await browser.newContext(PHONE)).newPage();
	await openConsole(page, facilitatorUrl);
	await shot(page, 'phone-reveal-top');
	const bar = await page.getByTestId('console-bar').boundingBox();
	expect(bar!.height).toBeLessThan(640 / 2);
	await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
	await inViewport(page, page.getByRole('button', { name: 'Notulen & laporan' }));
	await shot(page, 'phone-reveal-scrolled');
	await page.getByRole('button', { name: 'Notulen & laporan' }).click();
	await inViewport(page, page.getByRole('dialog').getByRole('button', { name: 'Unduh' }));
	await shot(page, 'phone-menu');
	staff.close();
});

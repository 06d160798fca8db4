/**
 * Every page a participant sees, at 320 and 360 px: nothing scrolls sideways, in every phase of
 * the board too; tap targets are 44 × 44 px at the least; kind tabs show their whole label; and
 * "Kirim tanpa nama" is for one post only. SHOTS_DIR=/some/dir keeps a screenshot of each step.
 */
import { expect, test, type Page } from '@playwright/test';
import type { Phase } from '../../src/lib/domain/types';
import { joinOnPhone, PHONE, post } from './helpers';
import { TestServer } from './server';
import { command, connect } from './socket';

const server = new TestServer();
test.beforeAll(() => server.start());
test.afterAll(() => server.dispose());

const PHASES: Phase[] = ['writing', 'reveal', 'grouping', 'voting', 'discussion', 'action', 'closed'];
/** A word longer than any phone is wide, as a pasted link is. */
const LONG = 'https://jdih.kukarkab.go.id/peraturan/peraturan-bupati-kutai-kartanegara-nomor-12-tahun-2025';

async function shot(page: Page, name: string) {
	if (process.env.SHOTS_DIR) await page.screenshot({ path: `${process.env.SHOTS_DIR}/${name}.png`, fullPage: true });
}

async function fitsWidth(page: Page, what: string) {
	const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
	expect(scroll, `${what} scrolls sideways`).toBeLessThanOrEqual(client);
}

async function tapSize(page: Page, name: string | RegExp, role: 'button' | 'checkbox' = 'button') {
	const target = role === 'checkbox' ? page.locator('label', { has: page.getByRole('checkbox', { name }) }) : page.getByRole(role, { name, exact: true });
	const box = (await target.boundingBox())!;
	expect(box.width, `${name} width`).toBeGreaterThanOrEqual(44);
	expect(box.height, `${name} height`).toBeGreaterThanOrEqual(44);
}

for (const width of [320, 360]) {
	test(`at ${width} px every participant page fits, in every phase`, async ({ browser }) => {
		const created = await (
			await fetch(`${server.url}/api/sessions`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ title: 'FGD Penguatan UMKM Pascatambang di Kutai Kartanegara', startsAt: '2026-11-28T09:00' })
			})
		).json();
		const { code, facilitatorKey } = created;
		const context = await browser.newContext({ ...PHONE, viewport: { width, height: 640 } });
		const page = await context.newPage();

		await page.goto(server.url);
		await fitsWidth(page, 'home');
		await tapSize(page, 'EN');
		await tapSize(page, 'ID');
		await shot(page, `${width}-home`);

		await page.goto(`${server.url}/j/${code}`);
		await fitsWidth(page, 'join form');
		await shot(page, `${width}-join`);
		// The submit in reach on the first screen (pinned to its foot); the notice is one sentence,
		// the rest behind "Baca selengkapnya".
		const submit = (await page.getByRole('button', { name: 'Masuk' }).boundingBox())!;
		expect(submit.y + submit.height).toBeLessThanOrEqual(640);
		await tapSize(page, /Saya sudah membaca/, 'checkbox');
		await joinOnPhone(page, 'Muhammad Ridwan Syahputra', 'dunia_usaha', 'Asosiasi Pengusaha Kecil Menengah Kutai Kartanegara');

		// Whole labels on the kind tabs, never cut with "…".
		for (const label of ['Kendala', 'Peluang', 'Rekomendasi']) {
			const tab = page.getByRole('button', { name: new RegExp(`^${label}`) });
			const cut = await tab.locator('.label').evaluate((el) => el.scrollWidth > el.clientWidth);
			expect(cut, `${label} tab cut`).toBe(false);
		}
		await fitsWidth(page, 'board, lobby');

		// "Kirim tanpa nama" is for one post: ticked, sent, and off again.
		await tapSize(page, /Kirim tanpa nama/, 'checkbox');
		await page.getByRole('checkbox', { name: /Kirim tanpa nama/ }).check();
		await post(page, 'Kendala', `Aturan belum jelas, lihat ${LONG}`);
		await expect(page.getByRole('checkbox', { name: /Kirim tanpa nama/ })).not.toBeChecked();
		await expect(page.getByTestId('item').filter({ hasText: 'Aturan belum jelas' }).getByText('Anonim')).toBeVisible();
		await post(page, 'Rekomendasi', 'Pendampingan usaha bagi warga eks pekerja tambang');
		await shot(page, `${width}-board-lobby`);

		const facilitator = await connect(server.url, { role: 'facilitator', code, key: facilitatorKey });
		for (const phase of PHASES) {
			expect(await command(facilitator, { type: 'phase.set', phase })).toMatchObject({ ok: true });
			if (phase === 'closed') await expect(page.getByTestId('thanks')).toBeVisible();
			else await expect(page.getByTestId('phase')).toHaveAttribute('data-phase', phase);
			await fitsWidth(page, `board, ${phase}`);
			await shot(page, `${width}-board-${phase}`);
		}
		facilitator.disconnect();

		const report = await (
			await fetch(`${server.url}/api/sessions/${code}/report-links`, { method: 'POST', headers: { authorization: `Bearer ${facilitatorKey}` } })
		).json();
		await page.goto(report.url);
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		await fitsWidth(page, 'report page');
		await shot(page, `${width}-report`);
		await context.close();
	});
}

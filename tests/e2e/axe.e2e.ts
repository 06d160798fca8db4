/**
 * Accessibility: every page, in the states people see during an FGD, checked by axe-core at
 * phone and desktop sizes against WCAG 2.0/2.1 A and AA, plus the rules the event-day review
 * tripped over (a level-one heading, a `main` landmark). Any violation fails the test, and
 * each page's list is printed so a regression names its page.
 */
import { createRequire } from 'node:module';
import { expect, test, type Locator, type Page } from '@playwright/test';
import type { AxeResults, RunOptions } from 'axe-core';
import { type Browser } from '@playwright/test';
import { closeSession, consoleMenu, createSession, joinOnPhone, LAPTOP, PHONE, post } from './helpers';
import { TestServer } from './server';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const SIZES = [
	['phone', { width: 360, height: 640 }],
	['desktop', { width: 1366, height: 850 }]
] as const;
const OPTIONS: RunOptions = {
	runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
	// Best-practice rules, not WCAG criteria, but each one was a finding on the event day.
	rules: { 'page-has-heading-one': { enabled: true }, 'landmark-one-main': { enabled: true } }
};

interface Finding {
	rule: string;
	impact: string | null | undefined;
	nodes: string[];
}

const server = new TestServer();
test.beforeAll(() => server.start());
test.afterAll(() => server.dispose());

/** Page → its violations, for the summary printed at the end. */
const results = new Map<string, Finding[]>();

/** Runs axe on the page at both sizes once `ready` is visible, and records what it found. */
async function audit(page: Page, name: string, ready: Locator) {
	for (const [size, viewport] of SIZES) {
		await page.setViewportSize(viewport);
		await expect(ready).toBeVisible();
		if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
		const found = await page.evaluate(async (options) => {
			const axe = (window as unknown as { axe: { run: (ctx: Document, o: RunOptions) => Promise<AxeResults> } }).axe;
			const { violations } = await axe.run(document, options);
			return violations.map((v) => ({ rule: v.id, impact: v.impact, nodes: v.nodes.slice(0, 4).map((n) => n.target.join(' ')) }));
		}, OPTIONS);
		results.set(`${name} @ ${size}`, found);
		expect.soft(found, `${name} @ ${size}`).toEqual([]);
	}
}

/** The app's CSP (rightly) refuses inline scripts; the injected axe is one, so these contexts bypass it. */
const open = async (browser: Browser, device: typeof LAPTOP | typeof PHONE) => (await browser.newContext({ ...device, bypassCSP: true })).newPage();

test.afterAll(() => {
	const lines = [...results].map(([page, found]) => `${page}: ${found.length}${found.length ? ` (${found.map((f) => f.rule).join(', ')})` : ''}`);
	console.log(`axe violations per page\n${lines.join('\n')}`);
});

test('every page passes axe at phone and desktop sizes through a whole session', async ({ browser }) => {
	test.setTimeout(240_000);
	const facilitator = await open(browser, LAPTOP);
	facilitator.on('dialog', (dialog) => dialog.accept());
	await facilitator.goto(server.url);
	await audit(facilitator, 'home /', facilitator.getByRole('button', { name: 'Buat sesi' }));

	const code = await createSession(facilitator, server.url);
	const online = (page: Page) => page.getByTestId('connection').and(page.locator('[data-state="online"]'));
	await audit(facilitator, 'console /f (lobby)', online(facilitator));
	const phase = async (name: string) => {
		await facilitator.getByRole('navigation', { name: 'Tahap' }).getByRole('button', { name: new RegExp(name) }).click();
		await expect(projector.getByTestId('phase')).toContainText(name);
	};

	const projector = await open(browser, LAPTOP);
	await projector.goto(`${server.url}/p/${code}`);
	await audit(projector, 'projector /p (lobby)', projector.getByText(code).first());

	const phone = await open(browser, PHONE);
	await phone.goto(`${server.url}/j/${code}`);
	await audit(phone, 'join /j (form)', phone.getByRole('button', { name: 'Masuk' }));
	await joinOnPhone(phone, 'Siti Aminah', 'dunia_usaha', 'Koperasi Amplang');
	await audit(phone, 'join /j (board, lobby)', online(phone));

	await phase('Menulis');
	await post(phone, 'Kendala', 'Akses modal usaha sulit tanpa agunan');
	await post(phone, 'Kendala', 'Sulit mendapatkan modal usaha dari bank');
	await post(phone, 'Rekomendasi', 'Skema kredit lunak berbasis kelompok');
	await expect(phone.getByTestId('item')).toHaveCount(1);
	await audit(phone, 'join /j (writing)', online(phone));
	await audit(projector, 'projector /p (writing)', projector.getByTestId('phase'));

	await phase('Ungkap');
	await audit(projector, 'projector /p (reveal)', projector.getByText('Akses modal usaha sulit tanpa agunan'));
	await audit(facilitator, 'console /f (reveal)', facilitator.getByText('Akses modal usaha sulit tanpa agunan').first());

	await phase('Kelompokkan');
	await audit(facilitator, 'console /f (grouping)', facilitator.getByTestId('phase').or(online(facilitator)).first());

	await phase('Pilih');
	await phone.getByRole('button', { name: /^Rekomendasi/ }).click();
	await phone.getByRole('button', { name: 'Tambah suara' }).first().click();
	await audit(phone, 'join /j (voting)', phone.getByTestId('dots-left'));
	await audit(projector, 'projector /p (voting)', projector.getByTestId('voted'));
	await facilitator.getByRole('button', { name: 'Tampilkan hasil ke peserta' }).click();
	await audit(projector, 'projector /p (results)', projector.getByTestId('vote-chart'));
	await audit(facilitator, 'console /f (voting)', facilitator.getByRole('button', { name: 'Sembunyikan hasil' }));

	await phase('Rencana tindak lanjut');
	await audit(projector, 'projector /p (action plan)', projector.getByTestId('phase'));

	const minutetakerUrl = await facilitator.getByLabel(/Tautan notulis/).inputValue();
	const links = (await consoleMenu(facilitator)).getByTestId('report-links');
	await links.getByRole('button', { name: 'Buat tautan laporan' }).click();
	const reportUrl = await links.getByLabel(/Tautan baru/).inputValue();
	await facilitator.keyboard.press('Escape');

	const minutetaker = await open(browser, LAPTOP);
	await minutetaker.goto(minutetakerUrl);
	await audit(minutetaker, 'minute-taker /m', online(minutetaker));

	await closeSession(facilitator);
	await audit(phone, 'join /j (closed)', phone.getByTestId('thanks'));
	await audit(projector, 'projector /p (closed)', projector.getByTestId('summary'));
	await audit(facilitator, 'console /f (closed)', facilitator.getByTestId('summary'));

	const organizer = await open(browser, LAPTOP);
	await organizer.goto(reportUrl);
	await audit(organizer, 'report /r', organizer.getByTestId('summary'));
});

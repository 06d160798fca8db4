/**
 * Shared steps for the organization's browser tests: the first admin made on the command line,
 * accepting a one-time link, signing in, inviting a member.
 */
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import type { AxeResults, RunOptions } from 'axe-core';
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { LAPTOP } from './helpers';
import { TestServer } from './server';

/** Strong enough for the estimator, as a person would choose it: a short sentence. */
export const PASSWORD = 'Sungai Mahakam pagi berkabut 7';

export const hydrated = (page: Page) => expect(page.locator('html')).toHaveAttribute('data-hydrated', 'true');

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
/** WCAG 2.0/2.1 A and AA, plus one h1 and a main landmark per page. */
const AXE_OPTIONS: RunOptions = {
	runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
	rules: { 'page-has-heading-one': { enabled: true }, 'landmark-one-main': { enabled: true } }
};

/**
 * Runs axe on the page at phone and then laptop width; each violation is a soft failure named by
 * `label`. The page's context must bypass the CSP, which (rightly) refuses the injected script.
 */
export async function expectNoAxeViolations(page: Page, label: string) {
	await hydrated(page);
	for (const viewport of [{ width: 360, height: 640 }, LAPTOP.viewport]) {
		await page.setViewportSize(viewport);
		if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
		const found = await page.evaluate(async (o) => {
			const axe = (window as unknown as { axe: { run: (d: Document, o: RunOptions) => Promise<AxeResults> } }).axe;
			return (await axe.run(document, o)).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
		}, AXE_OPTIONS);
		expect.soft(found, `${label} @ ${viewport.width}px`).toEqual([]);
	}
}

/** The steps, bound to one test server; every browser context made here is pushed to `contexts`. */
export function orgSteps(server: TestServer, contexts: BrowserContext[]) {
	return {
		/** `npm run admin -- create-user …` against the server's database; returns the printed link. */
		createAdmin(org: string, email: string, name: string): string {
			const out = execFileSync(process.execPath, ['build/admin.js', 'create-user', '--org', org, '--email', email, '--name', name], {
				env: { ...process.env, ...server.databaseEnv(), PUBLIC_URL: server.url },
				encoding: 'utf8'
			});
			expect(out).not.toMatch(/password|kata sandi/i);
			const link = /(http:\/\/\S+\/akun\/tautan\/\S+)/.exec(out)?.[1];
			expect(link).toBeTruthy();
			return link!;
		},

		async browserPage(browser: Browser): Promise<Page> {
			const context = await browser.newContext(LAPTOP);
			contexts.push(context);
			return context.newPage();
		},

		/** Opens a one-time link, chooses the name and password, and lands on the organization's home. */
		async acceptLink(page: Page, link: string, name: string) {
			await page.goto(link);
			await hydrated(page);
			await page.getByLabel('Nama lengkap').fill(name);
			await page.getByLabel('Kata sandi baru').fill(PASSWORD);
			await page.getByRole('button', { name: 'Simpan dan masuk' }).click();
			await expect(page).toHaveURL(/\/org$/);
		},

		/** Signs in the way a member finds it: from the home page's link. */
		async signIn(page: Page, login: string) {
			await page.goto(server.url);
			await page.getByRole('link', { name: /Masuk untuk melihat sesi/ }).click();
			await expect(page).toHaveURL(/\/masuk$/);
			await hydrated(page);
			await page.getByLabel('Email atau nama pengguna').fill(login);
			await page.getByLabel('Kata sandi').fill(PASSWORD);
			await page.getByRole('button', { name: 'Masuk', exact: true }).click();
			await expect(page).toHaveURL(/\/org$/);
		},

		/** Invites someone from /org/anggota and returns the one-time link shown to copy. */
		async invite(page: Page, login: string, role: string): Promise<string> {
			await page.goto(`${server.url}/org/anggota`);
			await hydrated(page);
			const form = page.getByTestId('invite-form');
			await form.getByLabel('Email atau nama pengguna').fill(login);
			await form.getByLabel('Peran').selectOption({ label: role });
			await form.getByRole('button', { name: 'Buat tautan undangan' }).click();
			const link = await page.locator('#one-time-link').inputValue();
			expect(link).toMatch(/\/akun\/tautan\/[A-Za-z0-9_-]{43}$/);
			return link;
		}
	};
}

/**
 * One test server for a spec file of the organization, started before its tests and stopped (with
 * every browser context the steps opened) after them; returns the server and the steps bound to it.
 */
export function orgSuite() {
	const server = new TestServer();
	const contexts: BrowserContext[] = [];
	test.beforeAll(() => server.start());
	test.afterAll(async () => {
		await Promise.all(contexts.map((c) => c.close()));
		await server.dispose();
	});
	return { server, contexts, ...orgSteps(server, contexts) };
}

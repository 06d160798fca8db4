/**
 * Shared steps for the organization's browser tests: the first admin made on the command line,
 * accepting a one-time link, signing in, inviting a member.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { LAPTOP } from './helpers';
import type { TestServer } from './server';

/** Strong enough for the estimator, as a person would choose it: a short sentence. */
export const PASSWORD = 'Sungai Mahakam pagi berkabut 7';

export const hydrated = (page: Page) => expect(page.locator('html')).toHaveAttribute('data-hydrated', 'true');

/** The steps, bound to one test server; every browser context made here is pushed to `contexts`. */
export function orgSteps(server: TestServer, contexts: BrowserContext[]) {
	return {
		/** `npm run admin -- create-user …` against the server's database; returns the printed link. */
		createAdmin(org: string, email: string, name: string): string {
			const out = execFileSync(process.execPath, ['build/admin.js', 'create-user', '--org', org, '--email', email, '--name', name], {
				env: { ...process.env, DATABASE_PATH: join(server.dir, 'rembuk.sqlite'), PUBLIC_URL: server.url },
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
			await page.getByRole('button', { name: 'Masuk' }).click();
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

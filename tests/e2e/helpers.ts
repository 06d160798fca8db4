/** Shared steps for the browser tests: devices, creating a session through the UI, joining a phone. */
import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';

export const PHONE = { viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
export const PROJECTOR = { viewport: { width: 1920, height: 1080 } };
export const LAPTOP = { viewport: { width: 1366, height: 850 } };

/** Fills the home page form and lands on the facilitator console; returns the join code. */
export async function createSession(page: Page, baseUrl: string, title = 'FGD Penguatan UMKM Pascatambang') {
	await page.goto(baseUrl);
	// The create form is the script's (a laptop's form, not a phone's): wait until it has taken over.
	await expect(page.locator('html')).toHaveAttribute('data-hydrated', 'true');
	await page.getByLabel('Judul kegiatan').fill(title);
	await page.getByLabel('Tempat').fill('Hotel di Samarinda');
	await page.getByLabel('Penyelenggara (satu per baris)').fill('DPMD Kutai Kartanegara\nUniversitas Mulawarman');
	await page.getByRole('button', { name: 'Buat sesi' }).click();
	await expect(page).toHaveURL(/\/f\/[A-Z0-9]{6}$/);
	const code = (await page.getByTestId('join-code').textContent())!.trim();
	expect(code).toMatch(/^[A-Z0-9]{6}$/);
	return code;
}

export async function newPhone(browser: Browser) {
	const context = await browser.newContext(PHONE);
	return { context, page: await context.newPage() };
}

/** Every WebSocket of the context fails as a refusing proxy makes it fail: an error, then a close. */
export async function refuseWebSockets(context: BrowserContext) {
	await context.addInitScript(() => {
		class RefusedWebSocket extends EventTarget {
			static readonly CONNECTING = 0;
			static readonly OPEN = 1;
			static readonly CLOSING = 2;
			static readonly CLOSED = 3;
			readyState = 0;
			binaryType = 'blob';
			onopen: ((event: Event) => void) | null = null;
			onerror: ((event: Event) => void) | null = null;
			onclose: ((event: CloseEvent) => void) | null = null;
			onmessage: ((event: MessageEvent) => void) | null = null;
			constructor() {
				super();
				setTimeout(() => {
					this.readyState = 3;
					this.onerror?.(new Event('error'));
					this.onclose?.(new CloseEvent('close', { code: 1006 }));
				}, 20);
			}
			send() {}
			close() {}
		}
		(window as unknown as { WebSocket: unknown }).WebSocket = RefusedWebSocket;
	});
}

export async function joinOnPhone(page: Page, name: string, group: string, institution = '') {
	await page.getByLabel('Nama', { exact: true }).fill(name);
	await page.getByLabel('Unsur / kelompok').selectOption(group);
	if (institution) await page.getByLabel('Instansi / lembaga (boleh kosong)').fill(institution);
	await page.getByLabel('Saya sudah membaca dan setuju').check();
	await page.getByRole('button', { name: 'Masuk' }).click();
	await expect(page.getByTestId('connection')).toHaveAttribute('data-state', 'online');
}

/** Posts on the phone's current screen, in the given kind tab. */
export async function post(page: Page, kind: string, text: string) {
	await page.getByRole('button', { name: new RegExp(`^${kind}`) }).click();
	await page.getByLabel(/Tulis masukan/).fill(text);
	await page.getByRole('button', { name: 'Kirim', exact: true }).click();
}

/** The column of a kind on the console or projector. */
export const column = (page: Page, kind: string) => page.getByRole('region', { name: kind });

/** The phone's stored participant token, to act as that participant outside the page. */
export async function phoneToken(page: Page, code: string): Promise<string> {
	return page.evaluate((c) => JSON.parse(localStorage.getItem(`rembuk:participant:${c}`)!).token, code);
}

/** Opens the console's "Notulen & laporan" menu (minutes, report links, letterhead, closing). */
export async function consoleMenu(page: Page) {
	await page.getByRole('button', { name: 'Notulen & laporan' }).click();
	const menu = page.getByRole('dialog', { name: 'Notulen & laporan' });
	await expect(menu).toBeVisible();
	return menu;
}

/** Closes the session from the console, answering its question on the page. */
export async function closeSession(page: Page) {
	const menu = await consoleMenu(page);
	await menu.getByRole('button', { name: 'Tutup sesi' }).click();
	await menu.getByRole('button', { name: 'Ya, tutup sesi' }).click();
	await expect(menu.getByTestId('closed')).toBeVisible();
}

/**
 * The organizer's programme workspace, live: the combined report open on a laptop follows its
 * sessions (a post, a close) without a reload, and nobody else may listen; the programme's
 * template edited field by field (a bad field refused, nothing changed), and a session made
 * from the programme afterwards carries the edited agenda and minutes language.
 */
import { expect, test, type Page } from '@playwright/test';
import { closeSession, joinOnPhone, LAPTOP, newPhone, post } from './helpers';
import { expectNoAxeViolations, hydrated, orgSuite } from './org-helpers';

const { server, contexts, createAdmin, browserPage, acceptLink, invite } = orgSuite();

let organizer: Page;
let programmeUrl = '';

/** Adds a session from the programme page (no region) and returns its code. */
async function addSession(page: Page, title: string, startsAt: string) {
	const form = page.getByTestId('session-form');
	await form.getByLabel('Judul sesi').fill(title);
	await form.getByLabel('Tanggal dan jam').fill(startsAt);
	await form.getByRole('button', { name: 'Buat sesi' }).click();
	await expect(page.getByTestId('created')).toBeVisible();
	return /Sesi (\w{6}) dibuat/.exec((await page.getByTestId('created').textContent()) ?? '')![1];
}

test.describe.configure({ mode: 'serial' });

test('the open report updates itself when a session of the programme gets a post and closes', async ({ browser }) => {
	test.setTimeout(120_000);
	organizer = await browserPage(browser);
	await acceptLink(organizer, createAdmin('Bappeda Kabupaten Paser', 'admin@paser.go.id', 'Sari Admin'), 'Sari Admin');
	const programmeForm = organizer.getByTestId('programme-form');
	await programmeForm.getByLabel('Nama rangkaian').fill('Musrenbang Tematik 2027');
	await programmeForm.getByRole('button', { name: 'Buat rangkaian' }).click();
	await expect(organizer).toHaveURL(/\/org\/program\/[\w-]+$/);
	await hydrated(organizer);
	programmeUrl = organizer.url();
	const first = await addSession(organizer, 'FGD Tanah Grogot', '2027-02-10T09:00');
	await addSession(organizer, 'FGD Long Ikis', '2027-02-12T09:00');

	// The report, open on the organizer's laptop, listening (on one line, opened once).
	let lines = 0;
	organizer.on('request', (r) => void (r.url().endsWith('/laporan/langsung') && lines++));
	await organizer.goto(`${programmeUrl}/laporan`);
	await hydrated(organizer);
	const updated = organizer.getByTestId('report-updated');
	await expect(updated).toHaveAttribute('data-live', 'live');
	await expect(updated).toHaveAttribute('aria-live', 'polite');
	await expect(updated).toContainText('Diperbarui pukul');
	const counts = organizer.getByTestId('report-counts');
	await expect(counts).toHaveText('0 dari 2 sesi selesai · 0 isu');

	// Elsewhere: the console of the first session, and a phone in the room.
	const consolePage = await browserPage(browser);
	await consolePage.context().addCookies(await organizer.context().cookies());
	await consolePage.goto(`${server.url}/org`);
	await hydrated(consolePage);
	await consolePage.locator(`tr[data-code="${first}"]`).getByRole('button', { name: 'Buka konsol' }).click();
	await expect(consolePage.getByTestId('connection')).toHaveAttribute('data-state', 'online');
	const phone = await newPhone(browser);
	contexts.push(phone.context);
	await phone.page.goto(`${server.url}/j/${first}`);
	await hydrated(phone.page);
	await joinOnPhone(phone.page, 'Siti Aminah', 'pemerintah');
	await post(phone.page, 'Kendala', 'Jalan usaha tani rusak saat musim hujan');
	await expect(phone.page.getByTestId('item').filter({ hasText: 'Jalan usaha tani' }).getByTestId('status')).toHaveText(/Tersimpan/);

	// The post reaches the open report as a new issue, with no reload.
	await expect(counts).toHaveText('0 dari 2 sesi selesai · 1 isu');
	await expect(organizer.getByTestId('issue')).toContainText('Jalan usaha tani rusak');
	// A mark on this document: a reload would lose it.
	await organizer.evaluate(() => ((window as unknown as { rembukMark: number }).rembukMark = 1));

	// The facilitator closes the session; the report says so by itself.
	await closeSession(consolePage);
	await expect(counts).toHaveText('1 dari 2 sesi selesai · 1 isu');
	await expect(organizer.locator(`tr[data-code="${first}"]`)).toContainText('Selesai');
	await expect(updated).toHaveAttribute('data-live', 'live');
	// Still the same document: nothing reloaded it.
	expect(await organizer.evaluate(() => (window as unknown as { rembukMark?: number }).rembukMark)).toBe(1);
	// Each update reloaded the data, not the line.
	expect(lines).toBe(1);
});

test('only the organization’s admins and organizers may listen to the report', async ({ browser }) => {
	const live = `${programmeUrl}/laporan/langsung`;
	// Another organization's admin: the same answer as for no programme.
	const stranger = await browserPage(browser);
	await acceptLink(stranger, createAdmin('DPMD Kabupaten Berau', 'admin@berau.go.id', 'Bayu Admin'), 'Bayu Admin');
	expect((await stranger.request.get(live)).status()).toBe(404);
	// A facilitator of this organization: refused.
	const facilitator = await browserPage(browser);
	await acceptLink(facilitator, await invite(organizer, 'fasil.grogot', 'Fasilitator'), 'Dedi Fasilitator');
	expect((await facilitator.request.get(live)).status()).toBe(403);
	// Nobody signed in.
	const anonymous = await browser.newContext(LAPTOP);
	contexts.push(anonymous);
	expect((await anonymous.request.get(live)).status()).toBe(401);
});

test('the template is edited field by field; a new session of the programme starts from it', async ({ browser }) => {
	test.setTimeout(120_000);
	await organizer.goto(programmeUrl);
	await hydrated(organizer);
	const editor = organizer.getByTestId('template-editor');

	// A time without an activity: refused beside the field, nothing saved.
	await editor.getByLabel('Jam 1').fill('08.30');
	await editor.getByLabel('Kegiatan 1').fill('Registrasi peserta');
	await editor.getByLabel('Jam 2').fill('09.00');
	await editor.getByLabel('Bahasa notulen').selectOption({ label: 'English' });
	await editor.getByRole('button', { name: 'Simpan templat' }).click();
	await expect(editor.getByTestId('template-errors')).toContainText('1 isian perlu diperbaiki');
	const activity = editor.getByLabel('Kegiatan 2');
	await expect(activity).toHaveAttribute('aria-invalid', 'true');
	await expect(activity).toBeFocused();
	await expect(organizer.locator('#tpl-agenda-1-activity-error')).toHaveText('Wajib diisi.');
	// What was typed is still there to correct.
	await expect(editor.getByLabel('Kegiatan 1')).toHaveValue('Registrasi peserta');
	await organizer.reload();
	await hydrated(organizer);
	await expect(organizer.getByTestId('template')).not.toContainText('Registrasi peserta');
	await expect(organizer.getByTestId('template')).toContainText('Bahasa Indonesia');

	// Corrected and saved.
	await editor.getByLabel('Jam 1').fill('08.30');
	await editor.getByLabel('Kegiatan 1').fill('Registrasi peserta');
	await editor.getByLabel('Jam 2').fill('09.00');
	await editor.getByLabel('Kegiatan 2').fill('Pembukaan oleh Kepala Bappeda');
	await editor.getByLabel('Bahasa notulen').selectOption({ label: 'English' });
	await editor.getByRole('button', { name: 'Simpan templat' }).click();
	await expect(editor.getByTestId('template-saved')).toBeVisible();
	await expect(organizer.getByTestId('template')).toContainText('Pembukaan oleh Kepala Bappeda');
	await expect(organizer.getByTestId('template')).toContainText('English');

	// The audit log names the change.
	await organizer.goto(`${server.url}/org/audit`);
	await expect(organizer.locator('body')).toContainText('agenda, minutesLanguage');

	// A session made from the programme now carries them: its minutes are in English with the agenda.
	await organizer.goto(programmeUrl);
	await hydrated(organizer);
	const code = await addSession(organizer, 'FGD Batu Sopang', '2027-03-01T09:00');
	const minutes = await organizer.request.get(`${server.url}/org/notulen/${code}?format=md`);
	expect(minutes.status()).toBe(200);
	const text = await minutes.text();
	expect(text).toContain('Pembukaan oleh Kepala Bappeda');
	expect(text).toContain('## Agenda');

	// Axe and screenshots of both changed pages, at phone and laptop sizes.
	const auditing = await browser.newContext({ ...LAPTOP, bypassCSP: true });
	contexts.push(auditing);
	await auditing.addCookies(await organizer.context().cookies());
	const page = await auditing.newPage();
	for (const url of [programmeUrl, `${programmeUrl}/laporan`]) {
		await page.goto(url);
		await expectNoAxeViolations(page, url);
	}
	for (const [name, viewport] of [
		['laptop', { width: 1366, height: 768 }],
		['phone', { width: 360, height: 640 }]
	] as const) {
		await page.setViewportSize(viewport);
		await page.goto(`${programmeUrl}/laporan`);
		await hydrated(page);
		await expect(page.getByTestId('report-updated')).toHaveAttribute('data-live', 'live');
		await page.screenshot({ path: `test-results/programme-live-report-${name}.png`, fullPage: true });
		await page.goto(programmeUrl);
		await hydrated(page);
		await page.screenshot({ path: `test-results/programme-page-${name}-top.png` });
		await page.getByTestId('template-editor').screenshot({ path: `test-results/programme-template-editor-${name}.png` });
	}
	// The refusal as it shows.
	await page.getByTestId('template-editor').getByLabel('Jam 3').fill('13.00');
	await page.getByRole('button', { name: 'Simpan templat' }).click();
	await expect(page.getByTestId('template-errors')).toBeVisible();
	await expectNoAxeViolations(page, 'template editor with an error');
	await page.setViewportSize({ width: 360, height: 640 });
	await page.getByTestId('template-editor').screenshot({ path: 'test-results/programme-template-editor-error-phone.png' });
	await page.getByRole('group', { name: 'Susunan acara' }).screenshot({ path: 'test-results/programme-template-agenda-error-phone.png' });
});

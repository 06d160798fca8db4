/**
 * Programmes and the dashboard, as an organizer meets them: a programme made from the default
 * template, three sessions in three regions of Kalimantan Timur chosen with the region picker,
 * seen on the dashboard as planned; a console opened without the secret link, a phone joins (the
 * dashboard shows the session live with one participant); a session duplicated; a facilitator
 * assigned to one session sees only that one.
 */
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import JSZip from 'jszip';
import { joinOnPhone, LAPTOP, newPhone, post } from './helpers';
import { expectNoAxeViolations, hydrated, orgSuite } from './org-helpers';

const { server, contexts, createAdmin, browserPage, acceptLink, invite } = orgSuite();

/** Adds a session from the programme page, its region chosen level by level. */
async function addSession(page: Page, title: string, startsAt: string, regency: string) {
	const form = page.getByTestId('session-form');
	await form.getByLabel('Judul sesi').fill(title);
	await form.getByLabel('Tanggal dan jam').fill(startsAt);
	await form.getByLabel('Provinsi').selectOption({ label: 'Kalimantan Timur' });
	await form.getByLabel('Kabupaten/kota').selectOption({ label: regency });
	// The next level arrives from the server: the kecamatan list shows the regency was taken.
	await expect(form.getByLabel('Kecamatan').locator('option')).not.toHaveCount(1);
	await form.getByRole('button', { name: 'Buat sesi' }).click();
	await expect(page.getByTestId('created')).toBeVisible();
	return /Sesi (\w{6}) dibuat/.exec((await page.getByTestId('created').textContent()) ?? '')![1];
}

test('an organizer runs a programme across three regions from the dashboard; a facilitator sees only their session', async ({ browser }) => {
	const organizer = await browserPage(browser);
	await acceptLink(organizer, createAdmin('DPMD Provinsi Kalimantan Timur', 'admin@kaltim.go.id', 'Rina Admin'), 'Rina Admin');
	test.setTimeout(180_000);
	const facilitatorLink = await invite(organizer, 'fasil.paser', 'Fasilitator');
	const facilitator = await browserPage(browser);
	await acceptLink(facilitator, facilitatorLink, 'Dedi Fasilitator');

	// A programme from the default template.
	await organizer.goto(`${server.url}/org`);
	await hydrated(organizer);
	const programmeForm = organizer.getByTestId('programme-form');
	await programmeForm.getByLabel('Nama rangkaian').fill('FGD UMKM Pascatambang 2026');
	await programmeForm.getByLabel('Tema').fill('Penguatan UMKM');
	await programmeForm.getByLabel('Templat diambil dari').selectOption({ label: 'Pengaturan bawaan' });
	await programmeForm.getByRole('button', { name: 'Buat rangkaian' }).click();
	await expect(organizer).toHaveURL(/\/org\/program\/[\w-]+$/);
	await hydrated(organizer);
	await expect(organizer.getByRole('heading', { level: 1 })).toHaveText('FGD UMKM Pascatambang 2026');
	await expect(organizer.getByTestId('template')).toContainText('Kendala, Peluang, Rekomendasi');
	const programmeUrl = organizer.url();
	// Renamed from its page; the name shows at once.
	const edit = organizer.getByTestId('programme-edit');
	await edit.getByLabel('Nama rangkaian').fill('FGD UMKM Pascatambang Kaltim 2026');
	await edit.getByRole('button', { name: 'Simpan' }).click();
	await expect(organizer.getByRole('heading', { level: 1 })).toHaveText('FGD UMKM Pascatambang Kaltim 2026');

	const kukar = await addSession(organizer, 'FGD Kutai Kartanegara', '2026-02-10T09:00', 'Kabupaten Kutai Kartanegara');
	const paser = await addSession(organizer, 'FGD Paser', '2026-02-12T09:00', 'Kabupaten Paser');
	const samarinda = await addSession(organizer, 'FGD Samarinda', '2026-02-14T09:00', 'Kota Samarinda');
	const listed = organizer.getByTestId('programme-sessions');
	await expect(listed.locator(`tr[data-code="${paser}"]`)).toContainText('Kabupaten Paser, Kalimantan Timur');
	await expect(listed.locator('tbody tr')).toHaveCount(3);

	// The dashboard: all three planned, with their regions; the region filter keeps one.
	await organizer.goto(`${server.url}/org`);
	await hydrated(organizer);
	for (const [code, region] of [
		[kukar, 'Kabupaten Kutai Kartanegara'],
		[paser, 'Kabupaten Paser'],
		[samarinda, 'Kota Samarinda']
	]) {
		const row = organizer.locator(`tr[data-code="${code}"]`);
		await expect(row).toHaveAttribute('data-state', 'planned');
		await expect(row.getByTestId('region')).toContainText(region);
	}
	await organizer.getByTestId('filter-region').selectOption({ label: 'Kota Samarinda, Kalimantan Timur' });
	await expect(organizer.getByTestId('org-sessions').locator('tbody tr')).toHaveCount(1);
	await organizer.getByTestId('filter-region').selectOption({ label: 'Semua wilayah' });

	// The organizer assigns the facilitator to Paser.
	const paserRow = organizer.locator(`tr[data-code="${paser}"]`);
	await paserRow.getByLabel('Pilih fasilitator').selectOption({ label: 'Dedi Fasilitator' });
	await paserRow.getByRole('button', { name: 'Tugaskan' }).click();
	await expect(organizer.locator(`tr[data-code="${paser}"]`).getByTestId('assigned')).toHaveText('Dedi Fasilitator');

	// A console without the secret link; a phone joins; the dashboard shows it live with one participant.
	const consolePage = await browserPage(browser);
	await consolePage.context().addCookies(await organizer.context().cookies());
	await consolePage.goto(`${server.url}/org`);
	await hydrated(consolePage);
	await consolePage.locator(`tr[data-code="${kukar}"]`).getByRole('button', { name: 'Buka konsol' }).click();
	await expect(consolePage).toHaveURL(new RegExp(`/f/${kukar}$`));
	await expect(consolePage.getByTestId('connection')).toHaveAttribute('data-state', 'online');
	await expect(consolePage.getByTestId('join-code')).toHaveText(kukar);
	const phone = await newPhone(browser);
	contexts.push(phone.context);
	await phone.page.goto(`${server.url}/j/${kukar}`);
	await hydrated(phone.page);
	await joinOnPhone(phone.page, 'Siti Aminah', 'akademisi');
	await organizer.reload();
	await hydrated(organizer);
	const kukarRow = organizer.locator(`tr[data-code="${kukar}"]`);
	await expect(kukarRow).toHaveAttribute('data-state', 'live');
	await expect(kukarRow.getByTestId('participants')).toHaveText('1 peserta');
	await organizer.getByTestId('filter-state').selectOption({ label: 'Direncanakan' });
	await expect(organizer.getByTestId('org-sessions').locator('tbody tr')).toHaveCount(2);
	await organizer.getByTestId('filter-state').selectOption({ label: 'Semua status' });

	// The minute-taker's page and the minutes, without the secret link.
	await kukarRow.getByRole('button', { name: 'Halaman notulis' }).click();
	await expect(organizer).toHaveURL(new RegExp(`/m/${kukar}$`));
	await expect(organizer.getByTestId('connection')).toHaveAttribute('data-state', 'online');
	await expect(organizer.getByTestId('no-key')).toHaveCount(0);
	const minutes = await organizer.request.get(`${server.url}/org/notulen/${kukar}?format=md`);
	expect(minutes.status()).toBe(200);
	expect(await minutes.text()).toContain('Siti Aminah');

	// Duplicate: a new planned session in the same programme and region, without the participant.
	await organizer.goto(`${server.url}/org`);
	await hydrated(organizer);
	await organizer.locator(`tr[data-code="${kukar}"]`).getByRole('button', { name: 'Duplikat' }).click();
	await expect(organizer.getByTestId('duplicated')).toBeVisible();
	const copy = /: (\w{6})\./.exec((await organizer.getByTestId('duplicated').textContent()) ?? '')![1];
	const copyRow = organizer.locator(`tr[data-code="${copy}"]`);
	await expect(copyRow).toHaveAttribute('data-state', 'planned');
	await expect(copyRow.getByTestId('region')).toContainText('Kabupaten Kutai Kartanegara');
	await expect(copyRow).toContainText('FGD UMKM Pascatambang Kaltim 2026');

	// The facilitator sees only Paser, and cannot download another session's minutes.
	await facilitator.goto(`${server.url}/org`);
	await hydrated(facilitator);
	const mine = facilitator.getByTestId('org-sessions');
	await expect(mine.locator('tbody tr')).toHaveCount(1);
	await expect(mine).toContainText('FGD Paser');
	expect((await facilitator.request.get(`${server.url}/org/notulen/${kukar}?format=md`)).status()).toBe(404);
	expect((await facilitator.request.get(`${server.url}/org/notulen/${paser}?format=md`)).status()).toBe(200);

	// The combined report: Kutai Kartanegara and Paser say the same thing in other words; one issue shows both regions.
	const saved = (page: Page, text: string) => expect(page.getByTestId('item').filter({ hasText: text }).getByTestId('status')).toHaveText(/Tersimpan/);
	await post(phone.page, 'Kendala', 'Akses modal usaha sulit tanpa agunan');
	await saved(phone.page, 'Akses modal usaha sulit');
	const paserPhone = await newPhone(browser);
	contexts.push(paserPhone.context);
	await paserPhone.page.goto(`${server.url}/j/${paser}`);
	await joinOnPhone(paserPhone.page, 'Rudi Hartono', 'dunia_usaha');
	await post(paserPhone.page, 'Kendala', 'Modal usaha sulit diakses tanpa agunan');
	await saved(paserPhone.page, 'Modal usaha sulit diakses');
	const reportUrl = `${programmeUrl}/laporan`;
	await organizer.goto(reportUrl);
	await hydrated(organizer);
	const shared = organizer.getByTestId('issue').filter({ hasText: 'Kabupaten Paser' }).filter({ hasText: 'Kabupaten Kutai Kartanegara' });
	await expect(shared).toHaveCount(1);
	await expect(shared).toContainText('otomatis');
	await shared.getByText('Masukan (2)').click();
	await shared.getByLabel('Ganti nama isu').fill('Akses modal UMKM');
	await shared.getByRole('button', { name: 'Simpan nama' }).click();
	await expect(organizer.getByTestId('edited')).toBeVisible();
	const renamed = organizer.getByTestId('issue').filter({ hasText: 'Akses modal UMKM' });
	await expect(renamed).toContainText('diatur tangan');
	// The Laporan Hasil FGD in each format carries the renamed issue; a facilitator may not read it.
	const file = async (query: string) => {
		const answer = await organizer.request.get(`${reportUrl}/unduh?${query}`);
		expect(answer.status(), query).toBe(200);
		return answer;
	};
	expect((await file('format=pdf&lang=id&paper=a4')).headers()['content-type']).toBe('application/pdf');
	const docx = await JSZip.loadAsync(await (await file('format=docx&lang=en&paper=f4')).body());
	expect(await docx.file('word/document.xml')!.async('string')).toContain('Akses modal UMKM');
	const xlsx = await JSZip.loadAsync(await (await file('format=xlsx&lang=id')).body());
	expect(await xlsx.file('xl/sharedStrings.xml')!.async('string')).toContain('Akses modal UMKM');
	expect((await organizer.request.get(`${reportUrl}/unduh?format=pdf&lang=xx`)).status()).toBe(400);
	expect((await facilitator.request.get(`${reportUrl}/unduh?format=pdf`)).status()).toBe(403);

	// The dashboard and the programme page pass axe (WCAG 2.1 AA) at phone and laptop sizes.
	// The CSP (rightly) refuses the injected axe script; this context bypasses it.
	const auditing = await browser.newContext({ ...LAPTOP, bypassCSP: true });
	contexts.push(auditing);
	await auditing.addCookies(await organizer.context().cookies());
	const page = await auditing.newPage();
	for (const url of [`${server.url}/org`, programmeUrl, reportUrl]) {
		await page.goto(url);
		await expectNoAxeViolations(page, url);
	}
	await page.setViewportSize(LAPTOP.viewport);
	await page.goto(`${server.url}/org`);
	await hydrated(page);
	await page.screenshot({ path: 'test-results/programmes-dashboard.png', fullPage: true });
	await page.goto(reportUrl);
	await hydrated(page);
	await page.screenshot({ path: 'test-results/programme-report-laptop.png', fullPage: true });
	await page.setViewportSize({ width: 360, height: 640 });
	await page.screenshot({ path: 'test-results/programme-report-phone.png', fullPage: true });
	await page.goto(programmeUrl);
	await hydrated(page);
	await page.screenshot({ path: 'test-results/programmes-programme.png', fullPage: true });
});

/**
 * Personal data at the organization's level (issue 12, parts 1 and 5), as an admin meets it: the
 * admin sets the retention period to one month; a closed session of the organization is
 * anonymised by a retention run 40 days later (the server's default of 12 months would not have
 * done it); the audit log shows the sign-in, a minutes download and the run, filters by action
 * and downloads as CSV; the admin deletes the session from the organization page after the
 * confirmation, and the log records it; an organizer can open neither the settings nor the log.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { createSession } from '../../scripts/bench/phone.mjs';
import { closeSession, joinOnPhone, LAPTOP, newPhone } from './helpers';
import { expectNoAxeViolations, hydrated, orgSteps } from './org-helpers';
import { TestServer } from './server';

const server = new TestServer();
const contexts: BrowserContext[] = [];
const { createAdmin, browserPage, acceptLink, signIn } = orgSteps(server, contexts);
test.beforeAll(() => server.start());
test.afterAll(async () => {
	await Promise.all(contexts.map((c) => c.close()));
	if (process.env.SHOW_SERVER_LOG) console.log(server.log);
	await server.dispose();
});

/** `npm run retention` as built, beside the running server (asynchronously, see retention.e2e.ts). */
async function retentionRun(now: Date): Promise<string> {
	const { stdout } = await promisify(execFile)(process.execPath, ['build/retention.js', `--now=${now.toISOString()}`], {
		env: { ...process.env, ...server.databaseEnv() }
	});
	return stdout;
}

async function participantNames(code: string): Promise<string[]> {
	const rows = await server.rows<{ name: string }>('SELECT p.name FROM participants p JOIN sessions s ON s.id = p.session_id WHERE s.code = ? ORDER BY p.joined_at', code);
	return rows.map((r) => r.name);
}

test('an admin sets one month; retention anonymises the closed session; the audit log shows it all and downloads as CSV; an organizer sees neither', async ({
	browser
}) => {
	// The first admin (command line, setup link), then a fresh sign-in: that is the logged sign-in.
	const setup = await browserPage(browser);
	await acceptLink(setup, createAdmin('DPMD Kabupaten Paser', 'admin@paser.go.id', 'Rina Admin'), 'Rina Admin');
	const admin = await browserPage(browser);
	await signIn(admin, 'admin@paser.go.id');

	// An organizer, invited and accepted.
	await admin.goto(`${server.url}/org/anggota`);
	await hydrated(admin);
	const inviteForm = admin.getByTestId('invite-form');
	await inviteForm.getByLabel('Email atau nama pengguna').fill('organizer@paser.go.id');
	await inviteForm.getByLabel('Peran').selectOption({ label: 'Penyelenggara' });
	await inviteForm.getByRole('button', { name: 'Buat tautan undangan' }).click();
	const organizer = await browserPage(browser);
	await acceptLink(organizer, await admin.locator('#one-time-link').inputValue(), 'Sari Penyelenggara');

	// The settings: a bad period is refused and changes nothing; one month is kept.
	await admin.goto(`${server.url}/org/pengaturan`);
	await hydrated(admin);
	const settings = admin.getByTestId('org-settings');
	await expect(admin.getByTestId('settings-in-force')).toContainText('12 bulan');
	await settings.getByLabel(/Masa simpan data pribadi/).fill('1');
	await settings.getByRole('button', { name: 'Simpan pengaturan' }).click();
	await expect(admin.getByTestId('settings-saved')).toBeVisible();
	await expect(admin.getByTestId('settings-in-force')).toContainText('1 bulan');

	// A session: made without an account, a phone joins, closed, claimed into the organization.
	const session = await createSession(server.url, { title: 'FGD Data Pribadi Tanah Grogot' });
	const phone = await newPhone(browser);
	contexts.push(phone.context);
	await phone.page.goto(`${server.url}/j/${session.code}`);
	await joinOnPhone(phone.page, 'Budi Santoso', 'pemerintah', 'Bappeda Paser');
	const console_ = await browserPage(browser);
	await console_.goto(`${server.url}/f/${session.code}#key=${session.facilitatorKey}`);
	await expect(console_.getByTestId('connection')).toHaveAttribute('data-state', 'online');
	await closeSession(console_);
	await admin.goto(`${server.url}/org`);
	await hydrated(admin);
	await admin.getByLabel('Tautan fasilitator').fill(`${server.url}/f/${session.code}#key=${session.facilitatorKey}`);
	await admin.getByRole('button', { name: 'Klaim sesi' }).click();
	await expect(admin.getByRole('status')).toContainText(`Sesi ${session.code} sekarang milik organisasi ini`);

	// A minutes download with the facilitator link's key.
	const download = await fetch(`${server.url}/api/sessions/${session.code}/minutes?format=md&lang=id`, {
		headers: { authorization: `Bearer ${session.facilitatorKey}` }
	});
	expect(download.status).toBe(200);
	expect(await download.text()).toContain('Budi Santoso');

	// 40 days on: past the organization's month (the server's 12 months would not be).
	expect(await participantNames(session.code)).toEqual(['Budi Santoso']);
	const out = await retentionRun(new Date(Date.now() + 40 * 24 * 3600_000));
	expect(out).toContain('Anonymised 1 session(s)');
	expect(await participantNames(session.code)).toEqual(['Peserta 1']);

	// The audit log: the run (system), the download (facilitator link), the sign-in.
	await admin.goto(`${server.url}/org/audit`);
	await hydrated(admin);
	const log = admin.getByTestId('audit');
	await expect(log.locator('tr[data-action="retention.run"]')).toContainText('sessions=1 participants=1');
	await expect(log.locator('tr[data-action="retention.run"]')).toContainText('Sistem (retensi)');
	await expect(log.locator('tr[data-action="minutes.downloaded"]')).toContainText('md id');
	await expect(log.locator('tr[data-action="minutes.downloaded"]')).toContainText('Tautan fasilitator');
	await expect(log.locator('tr[data-action="signin.ok"]').first()).toContainText('Rina Admin');
	await expect(log.locator('tr[data-action="settings.changed"]')).toContainText('months=1');

	// Filtered by action: only the run.
	await admin.getByTestId('audit-filter').getByLabel('Tindakan').selectOption('retention.run');
	await admin.getByTestId('audit-filter').getByRole('button', { name: 'Saring' }).click();
	await expect(admin).toHaveURL(/action=retention\.run/);
	await expect(admin.getByTestId('audit').locator('tbody tr')).toHaveCount(1);

	// The CSV (Excel dialect): BOM, `;`, the filtered run only.
	const [file] = await Promise.all([admin.waitForEvent('download'), admin.getByTestId('audit-csv').click()]);
	const csv = await file.createReadStream().then(
		(stream) =>
			new Promise<string>((resolve, reject) => {
				const chunks: Buffer[] = [];
				stream.on('data', (c: Buffer) => chunks.push(c));
				stream.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
				stream.on('error', reject);
			})
	);
	expect(csv.startsWith('\uFEFFat;action;actor;account;subject;detail;address\r\n')).toBe(true);
	const rows = csv.trimEnd().split('\r\n');
	expect(rows).toHaveLength(2);
	expect(rows[1]).toContain(';retention.run;system;;');

	// Deleting the session from the organization page: what is lost is named, the code typed; logged.
	await admin.goto(`${server.url}/org`);
	await hydrated(admin);
	await admin.locator(`tr[data-code="${session.code}"]`).getByTestId('delete-session-link').click();
	await hydrated(admin);
	const confirm = admin.getByTestId('org-delete-session');
	await expect(confirm).toContainText('1 peserta');
	const deleteButton = confirm.getByRole('button', { name: 'Hapus sesi untuk selamanya' });
	await expect(deleteButton).toBeDisabled();
	await confirm.getByLabel(`Ketik kode sesi (${session.code})`).fill(session.code.toLowerCase());
	await deleteButton.click();
	await expect(admin).toHaveURL(`${server.url}/org?dihapus=${session.code}`);
	await expect(admin.getByTestId('session-deleted')).toContainText(session.code);
	await expect(admin.locator(`tr[data-code="${session.code}"]`)).toHaveCount(0);
	expect(await participantNames(session.code)).toEqual([]);
	await admin.goto(`${server.url}/org/audit?action=session.deleted`);
	await hydrated(admin);
	await expect(admin.getByTestId('audit').locator('tbody tr')).toHaveCount(1);
	await expect(admin.getByTestId('audit')).toContainText('Rina Admin');
	await expect(admin.getByTestId('audit')).toContainText('FGD Data Pribadi Tanah Grogot');

	// The organizer: no links, and the pages and the CSV are refused.
	await organizer.goto(`${server.url}/org`);
	await hydrated(organizer);
	await expect(organizer.getByTestId('settings-link')).toHaveCount(0);
	await expect(organizer.getByTestId('audit-link')).toHaveCount(0);
	expect((await organizer.goto(`${server.url}/org/pengaturan`))?.status()).toBe(403);
	expect((await organizer.goto(`${server.url}/org/audit`))?.status()).toBe(403);
	expect((await organizer.request.get(`${server.url}/org/audit/csv`)).status()).toBe(403);
	const post = await organizer.request.post(`${server.url}/org/pengaturan`, {
		form: { retentionMonths: '120', keepInstitutions: '1' },
		headers: { origin: server.url, accept: 'application/json' }
	});
	expect(post.status()).toBe(403);
});

/** The settings, audit log and deletion pages pass axe (WCAG 2.0/2.1 A and AA) at phone and laptop sizes. */
test('the settings, audit log and session deletion pages pass axe', async ({ browser }) => {
	// The CSP (rightly) refuses the injected axe script; this context bypasses it.
	const context = await browser.newContext({ ...LAPTOP, bypassCSP: true });
	contexts.push(context);
	const page = await context.newPage();
	const axe = (name: string) => expectNoAxeViolations(page, name);
	await acceptLink(page, createAdmin('Bappeda Kota Samarinda', 'admin@samarinda.go.id', 'Tari Admin'), 'Tari Admin');
	const session = await createSession(server.url, { title: 'FGD Samarinda Ulu' });
	await page.getByLabel('Tautan fasilitator').fill(`${server.url}/f/${session.code}#key=${session.facilitatorKey}`);
	await page.getByRole('button', { name: 'Klaim sesi' }).click();
	await expect(page.getByRole('status')).toContainText(session.code);
	await page.goto(`${server.url}/org/pengaturan`);
	await axe('settings');
	await page.goto(`${server.url}/org/audit`);
	await axe('audit log');
	await page.goto(`${server.url}/org/audit?from=kemarin`);
	await axe('audit log, bad filter');
	await page.goto(`${server.url}/org/hapus/${session.code}`);
	await axe('delete session');
});

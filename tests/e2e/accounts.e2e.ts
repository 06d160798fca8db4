/**
 * Organizations and accounts, as a new user meets them: the first admin made on the command line
 * opens the setup link, invites an organizer and a facilitator who accept; the organizer cannot
 * manage members; a one-off session is claimed; the facilitator sees and opens only the session
 * assigned to them (never another organization's, never an unassigned one); signing out everywhere
 * ends the admin's sign-in in another browser.
 */
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { createSession } from '../../scripts/bench/phone.mjs';
import { LAPTOP } from './helpers';
import { expectNoAxeViolations, hydrated, orgSuite } from './org-helpers';

const { server, contexts, createAdmin, browserPage, acceptLink, signIn, invite } = orgSuite();

async function claim(page: Page, code: string, key: string) {
	await page.goto(`${server.url}/org`);
	await hydrated(page);
	await page.getByLabel('Tautan fasilitator').fill(`${server.url}/f/${code}#key=${key}`);
	await page.getByRole('button', { name: 'Klaim sesi' }).click();
	await expect(page.getByRole('status')).toContainText(`Sesi ${code} sekarang milik organisasi ini`);
}

/** Asks /org to open a console by code, as a crafted form post would; true when it hands out a console. */
async function consoleOpens(page: Page, code: string): Promise<boolean> {
	const response = await page.request.post(`${server.url}/org?/console`, {
		form: { code },
		headers: { origin: server.url, accept: 'application/json' },
		maxRedirects: 0
	});
	const body = await response.json();
	return body.type === 'redirect' && String(body.location).startsWith(`/f/${code}#key=`);
}

test('admins invite, roles hold, a facilitator sees only their session, claims work, sign out everywhere', async ({ browser }) => {
	// The first admin: created on the command line, password chosen through the setup link.
	const admin = await browserPage(browser);
	await acceptLink(admin, createAdmin('DPMD Kabupaten Kutai Kartanegara', 'admin@kukar.go.id', 'Rina Admin'), 'Rina Admin');
	await expect(admin.getByTestId('signed-in-as')).toContainText('Rina Admin (Admin)');

	// A weak password is refused, with Indonesian advice, and the link still works afterwards.
	const paserLink = createAdmin('DPMD Kabupaten Paser', 'admin@paser.go.id', 'Budi Paser');
	const paser = await browserPage(browser);
	await paser.goto(paserLink);
	await hydrated(paser);
	await paser.getByLabel('Nama lengkap').fill('Budi Paser');
	await paser.getByLabel('Kata sandi baru').fill('password123');
	await paser.getByRole('button', { name: 'Simpan dan masuk' }).click();
	await expect(paser.getByTestId('link-error')).toContainText('Kata sandi terlalu lemah');
	await acceptLink(paser, paserLink, 'Budi Paser');

	// Invites, accepted in their own browsers.
	const organizerLink = await invite(admin, 'organizer@kukar.go.id', 'Penyelenggara');
	const facilitatorLink = await invite(admin, 'fasil.tenggarong', 'Fasilitator');
	const organizer = await browserPage(browser);
	await acceptLink(organizer, organizerLink, 'Sari Penyelenggara');
	const facilitator = await browserPage(browser);
	await acceptLink(facilitator, facilitatorLink, 'Dedi Fasilitator');
	await expect(facilitator.getByTestId('signed-in-as')).toContainText('Dedi Fasilitator (Fasilitator)');
	// A used link is dead.
	await facilitator.goto(facilitatorLink);
	await expect(facilitator.getByTestId('link-invalid')).toBeVisible();

	// The organizer cannot manage members: no link, and the page itself is refused.
	await organizer.goto(`${server.url}/org`);
	await hydrated(organizer);
	await expect(organizer.getByTestId('members-link')).toHaveCount(0);
	const membersPage = await organizer.goto(`${server.url}/org/anggota`);
	expect(membersPage?.status()).toBe(403);

	// One-off sessions, made without an account, claimed with their facilitator links.
	const assigned = await createSession(server.url, { title: 'FGD Tenggarong' });
	const unassigned = await createSession(server.url, { title: 'FGD Loa Kulu' });
	const elsewhere = await createSession(server.url, { title: 'FGD Tanah Grogot' });
	await claim(organizer, assigned.code, assigned.facilitatorKey);
	await claim(organizer, unassigned.code, unassigned.facilitatorKey);
	await claim(paser, elsewhere.code, elsewhere.facilitatorKey);
	// Another organization cannot take a claimed session, even with its key.
	await paser.getByLabel('Tautan fasilitator').fill(`${server.url}/f/${assigned.code}#key=${assigned.facilitatorKey}`);
	await paser.getByRole('button', { name: 'Klaim sesi' }).click();
	await expect(paser.getByTestId('org-error')).toContainText('milik organisasi lain');

	// The organizer assigns the facilitator to one of them.
	const row = organizer.locator(`tr[data-code="${assigned.code}"]`);
	await row.getByLabel('Pilih fasilitator').selectOption({ label: 'Dedi Fasilitator' });
	await row.getByRole('button', { name: 'Tugaskan' }).click();
	await expect(organizer.locator(`tr[data-code="${assigned.code}"]`).getByTestId('assigned')).toHaveText('Dedi Fasilitator');

	// The facilitator sees only the assigned session, and cannot open the others by their codes.
	await facilitator.goto(`${server.url}/org`);
	await hydrated(facilitator);
	const sessions = facilitator.getByTestId('org-sessions');
	await expect(sessions).toContainText('FGD Tenggarong');
	await expect(sessions).not.toContainText('FGD Loa Kulu');
	await expect(sessions).not.toContainText('FGD Tanah Grogot');
	expect(await consoleOpens(facilitator, unassigned.code)).toBe(false);
	expect(await consoleOpens(facilitator, elsewhere.code)).toBe(false);
	expect(await consoleOpens(paser, assigned.code)).toBe(false);

	// …and opens the console of the assigned one without the secret link.
	await facilitator.locator(`tr[data-code="${assigned.code}"]`).getByRole('button', { name: 'Buka konsol' }).click();
	await expect(facilitator).toHaveURL(new RegExp(`/f/${assigned.code}$`));
	await expect(facilitator.getByTestId('connection')).toHaveAttribute('data-state', 'online');
	await expect(facilitator.getByTestId('join-code')).toHaveText(assigned.code);
	// The account's own key is not offered as a facilitator link to pass on.
	await expect(facilitator.locator('#facilitator-link')).toHaveCount(0);

	// Unassigned, the facilitator's open console is closed at once and says why.
	await organizer.goto(`${server.url}/org`);
	await hydrated(organizer);
	await organizer.getByRole('button', { name: 'Lepas Dedi Fasilitator' }).click();
	await expect(organizer.locator(`tr[data-code="${assigned.code}"]`).getByTestId('assigned')).toHaveCount(0);
	await expect(facilitator.getByRole('alert')).toBeVisible();
	await expect(facilitator.getByTestId('connection')).not.toHaveAttribute('data-state', 'online');
	// The secret facilitator link still opens the console, in any browser.
	const holder = await browserPage(browser);
	await holder.goto(`${server.url}/f/${assigned.code}#key=${assigned.facilitatorKey}`);
	await expect(holder.getByTestId('connection')).toHaveAttribute('data-state', 'online');
	await expect(holder.locator('#facilitator-link')).toHaveValue(`${server.url}/f/${assigned.code}#key=${assigned.facilitatorKey}`);

	// Sign out everywhere: the admin's other browser is signed out too.
	const adminElsewhere = await browserPage(browser);
	await signIn(adminElsewhere, 'admin@kukar.go.id');
	await admin.goto(`${server.url}/org`);
	await hydrated(admin);
	await admin.getByTestId('account-link').click();
	await admin.getByTestId('signout-everywhere').click();
	await expect(admin).toHaveURL(/\/masuk\?keluar=semua$/);
	await expect(admin.getByRole('status')).toContainText('keluar dari semua perangkat');
	await adminElsewhere.goto(`${server.url}/org`);
	await expect(adminElsewhere).toHaveURL(/\/masuk/);
	await expect(adminElsewhere.getByTestId('signin-form')).toBeVisible();
	// The organizer's sign-in is their own, and still works until they sign out.
	await organizer.goto(`${server.url}/org`);
	await expect(organizer).toHaveURL(/\/org$/);
	await organizer.getByRole('button', { name: 'Keluar', exact: true }).click();
	await expect(organizer).toHaveURL(/\/masuk\?keluar=1$/);
	await organizer.goto(`${server.url}/org`);
	await expect(organizer).toHaveURL(/\/masuk/);
});

/** The organization pages pass axe (WCAG 2.0/2.1 A and AA, one h1, a main landmark) at phone and laptop sizes. */
test('the sign-in, link, sessions and members pages pass axe', async ({ browser }) => {
	// The CSP (rightly) refuses the injected axe script; this context bypasses it.
	const context = await browser.newContext({ ...LAPTOP, bypassCSP: true });
	contexts.push(context);
	const page = await context.newPage();
	const audit = (name: string) => expectNoAxeViolations(page, name);
	const link = createAdmin('Bappeda Kota Samarinda', 'admin@samarinda.go.id', 'Tari Admin');
	await page.goto(link);
	await audit('setup link');
	await page.getByLabel('Nama lengkap').fill('Tari Admin');
	await page.getByLabel('Kata sandi baru').fill('password123');
	await page.getByRole('button', { name: 'Simpan dan masuk' }).click();
	await audit('setup link with an error');
	await acceptLink(page, link, 'Tari Admin');
	const session = await createSession(server.url, { title: 'FGD Samarinda Ulu' });
	await claim(page, session.code, session.facilitatorKey);
	await invite(page, 'fasil.samarinda', 'Fasilitator');
	await page.goto(`${server.url}/org`);
	await audit('sessions');
	await page.goto(`${server.url}/org/anggota`);
	await audit('members');
	await page.getByTestId('account-link').click();
	await page.getByTestId('signout-everywhere').click();
	await expect(page).toHaveURL(/\/masuk/);
	await audit('sign-in');
});

/**
 * Passkeys as a member meets them, in Chromium with its virtual authenticator (the CDP WebAuthn
 * domain stands in for a fingerprint sensor): the first admin makes a passkey on the account page,
 * signs out, signs in with it (no login typed) and lands on /org; removes it, and then the passkey
 * is refused while the password still works. On plain http away from localhost the pages say that
 * passkeys need HTTPS and offer no button.
 */
import { expect, test, type Page } from '@playwright/test';
import { createSession } from '../../scripts/bench/phone.mjs';
import { LAPTOP, PHONE } from './helpers';
import { expectNoAxeViolations, hydrated, orgSuite, PASSWORD } from './org-helpers';

const { server, contexts, createAdmin, acceptLink } = orgSuite();
/** The same server under the name browsers give passkeys on plain http (127.0.0.1 is not a valid RP ID). */
const localhost = () => server.url.replace('127.0.0.1', 'localhost');

/** Scripts the page fetches that hold SimpleWebAuthn's browser library (one of its error codes marks it). */
function watchWebAuthnLibrary(page: Page): string[] {
	const seen: string[] = [];
	page.on('response', async (response) => {
		if (!response.url().endsWith('.js')) return;
		if ((await response.text().catch(() => '')).includes('ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED')) seen.push(new URL(response.url()).pathname);
	});
	return seen;
}

/** The paths of every script the page has loaded so far (cached ones too). */
const scriptsLoaded = (page: Page) =>
	page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname).filter((p) => p.endsWith('.js')));

async function signOut(page: Page) {
	await page.getByRole('button', { name: 'Keluar', exact: true }).click();
	await expect(page).toHaveURL(/\/masuk\?keluar=1$/);
	await hydrated(page);
}

test('a member makes a passkey, signs in with it, removes it, and is then refused with it', async ({ browser }) => {
	const context = await browser.newContext({ ...LAPTOP, bypassCSP: true });
	contexts.push(context);
	const page = await context.newPage();
	const library = watchWebAuthnLibrary(page);
	const cdp = await context.newCDPSession(page);
	await cdp.send('WebAuthn.enable');
	const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
		options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true }
	});

	const link = createAdmin('DPMD Kabupaten Kutai Kartanegara', 'admin@kukar.go.id', 'Rina Admin').replace(server.url, localhost());
	await acceptLink(page, link, 'Rina Admin');

	// The account page, from the header: no passkey yet.
	await page.getByTestId('account-link').click();
	await expect(page).toHaveURL(/\/org\/akun$/);
	await hydrated(page);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Akun saya');
	await expect(page.getByTestId('no-passkeys')).toBeVisible();
	await expectNoAxeViolations(page, '/org/akun without passkeys');

	// A name is required before the browser is even asked.
	await page.getByLabel('Nama passkey').fill('Laptop kantor');
	await page.getByRole('button', { name: 'Buat passkey' }).click();
	await expect(page.getByTestId('passkey-added')).toContainText('Passkey "Laptop kantor" dibuat');
	const row = page.locator('li[data-passkey="Laptop kantor"]');
	await expect(row).toContainText('Belum pernah');
	const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
	expect(credentials).toHaveLength(1);
	expect(credentials[0].isResidentCredential).toBe(true);
	expect(credentials[0].rpId).toBe('localhost');
	await expectNoAxeViolations(page, '/org/akun with a passkey');

	// The same device again: the browser is told it has one already.
	await page.getByLabel('Nama passkey').fill('Laptop kantor lagi');
	await page.getByRole('button', { name: 'Buat passkey' }).click();
	await expect(page.getByTestId('passkey-error')).toContainText('sudah punya passkey');
	await expect(page.getByTestId('passkey-list').getByRole('listitem')).toHaveCount(1);

	// Signed out, then in again with the passkey alone: the organization's home.
	await signOut(page);
	await expectNoAxeViolations(page, '/masuk');
	await page.getByRole('button', { name: 'Masuk dengan passkey' }).click();
	await expect(page).toHaveURL(/\/org$/);
	await expect(page.getByTestId('signed-in-as')).toContainText('Rina Admin (Admin)');

	// Its last use shows; removing it keeps this sign-in (the remover's own).
	await page.getByTestId('account-link').click();
	await hydrated(page);
	await expect(row).not.toContainText('Belum pernah');
	await row.getByRole('button', { name: 'Hapus passkey Laptop kantor' }).click();
	await expect(page.getByTestId('passkey-removed')).toContainText('Passkey "Laptop kantor" dihapus');
	await expect(page.getByTestId('no-passkeys')).toBeVisible();

	// The device still holds the credential, but the server no longer knows it.
	await signOut(page);
	await page.getByRole('button', { name: 'Masuk dengan passkey' }).click();
	await expect(page.getByTestId('passkey-error')).toContainText('tidak dikenal di sini');
	await expect(page).toHaveURL(/\/masuk\?keluar=1$/);

	// The password is unchanged.
	await page.getByLabel('Email atau nama pengguna').fill('admin@kukar.go.id');
	await page.getByLabel('Kata sandi').fill(PASSWORD);
	await page.getByRole('button', { name: 'Masuk', exact: true }).click();
	await expect(page).toHaveURL(/\/org$/);

	// The browser library came with a button press only: a fresh /masuk and a participant's phone never load it.
	await expect.poll(() => library.length).toBeGreaterThan(0);
	const fresh = await (await browser.newContext(PHONE)).newPage();
	contexts.push(fresh.context());
	await fresh.goto(`${localhost()}/masuk`);
	await hydrated(fresh);
	expect(await scriptsLoaded(fresh)).not.toContain(library[0]);
	const { code } = await createSession(localhost(), { title: 'FGD Tenggarong' });
	await fresh.goto(`${localhost()}/j/${code}`);
	await hydrated(fresh);
	expect(await scriptsLoaded(fresh)).not.toContain(library[0]);
});

test('on plain http away from localhost the pages say passkeys need HTTPS and offer no button', async ({ browser }) => {
	const context = await browser.newContext({ ...LAPTOP, bypassCSP: true });
	contexts.push(context);
	const page = await context.newPage();
	await page.goto(`${server.url}/masuk`);
	await hydrated(page);
	await expect(page.getByTestId('passkeys-need-https')).toContainText('HTTPS');
	await expect(page.getByRole('button', { name: 'Masuk dengan passkey' })).toHaveCount(0);
	await expectNoAxeViolations(page, '/masuk on plain http');
	// The endpoints refuse too, whatever a script sends.
	const refused = await page.request.post(`${server.url}/masuk/passkey/opsi`, { data: {}, headers: { origin: server.url } });
	expect(refused.status()).toBe(400);
	const crossSite = await page.request.post(`${localhost()}/masuk/passkey/opsi`, { data: {}, headers: { origin: 'https://evil.example' } });
	expect(crossSite.status()).toBe(403);

	await acceptLink(page, createAdmin('DPMD Kabupaten Paser', 'admin@paser.go.id', 'Budi Paser'), 'Budi Paser');
	await page.goto(`${server.url}/org/akun`);
	await hydrated(page);
	await expect(page.getByTestId('passkeys-need-https')).toBeVisible();
	await expect(page.getByRole('button', { name: 'Buat passkey' })).toHaveCount(0);
});

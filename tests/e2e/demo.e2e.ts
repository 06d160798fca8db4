/**
 * `npm run demo` against a fresh server: the sample session's JSON keys stay as they were, and the
 * demo organization is there — its admin's one-time setup link (printed as organizationSetupLink)
 * signs a new person in, who finds the programme with three sessions in three regions of
 * Kalimantan Timur, two of them closed; the link cannot be used twice.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import { hydrated, orgSuite } from './org-helpers';

const { server, browserPage, acceptLink } = orgSuite();

test('npm run demo seeds a demo organization with a programme of three sessions; its setup link signs the admin in once', async ({ browser }) => {
	test.setTimeout(180_000);
	const { stdout } = await promisify(execFile)(process.execPath, ['scripts/demo.mjs'], {
		env: { ...process.env, BASE_URL: server.url, ...server.databaseEnv() }
	});
	const lines = stdout.trim().split('\n');
	expect(lines).toHaveLength(1);
	const out = JSON.parse(lines[0]);
	expect(Object.keys(out)).toEqual(['code', 'facilitatorKey', 'facilitatorUrl', 'participantUrl', 'presenterUrl', 'organizationSetupLink']);
	expect(out.organizationSetupLink).toMatch(new RegExp(`^${server.url}/akun/tautan/[A-Za-z0-9_-]{43}$`));

	const admin = await browserPage(browser);
	await acceptLink(admin, out.organizationSetupLink, 'Admin Demo');
	await hydrated(admin);
	await expect(admin.getByTestId('programmes')).toContainText('Penguatan UMKM Pascatambang 2026');
	const rows = admin.getByTestId('org-sessions').locator('tbody tr');
	await expect(rows).toHaveCount(3);
	// The sample session stays a one-off session, outside the organization.
	await expect(admin.locator(`tr[data-code="${out.code}"]`)).toHaveCount(0);
	for (const region of ['Kabupaten Kutai Kartanegara, Kalimantan Timur', 'Kabupaten Paser, Kalimantan Timur', 'Kota Samarinda, Kalimantan Timur'])
		await expect(admin.getByTestId('org-sessions').getByTestId('region').filter({ hasText: region })).toHaveCount(1);
	await expect(admin.getByTestId('org-sessions').locator('tbody tr[data-state="closed"]')).toHaveCount(2);

	await admin.getByTestId('programmes').getByRole('link', { name: /Penguatan UMKM Pascatambang 2026/ }).click();
	await expect(admin).toHaveURL(/\/org\/program\/[\w-]+$/);
	await hydrated(admin);
	await expect(admin.getByTestId('programme-sessions').locator('tbody tr')).toHaveCount(3);

	// One-time: a second visit finds the link used up.
	const again = await browserPage(browser);
	await again.goto(out.organizationSetupLink);
	await hydrated(again);
	await expect(again.getByTestId('link-invalid')).toBeVisible();
	await expect(again.getByTestId('link-form')).toHaveCount(0);
});

import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { consoleMenu, createSession, LAPTOP } from './helpers';
import { TestServer } from './server';

const server = new TestServer();
test.beforeAll(() => server.start());
test.afterAll(() => server.dispose());

test('an organizer downloads the PDF from a report link, until the facilitator revokes it', async ({ browser }) => {
	const facilitator = await (await browser.newContext(LAPTOP)).newPage();
	const code = await createSession(facilitator, server.url);
	const links = (await consoleMenu(facilitator)).getByTestId('report-links');
	await links.getByRole('button', { name: 'Buat tautan laporan' }).click();
	const url = await links.getByLabel(/Tautan baru/).inputValue();
	expect(url).toMatch(new RegExp(`/r/${code}#key=`));

	const organizer = await (await browser.newContext(LAPTOP)).newPage();
	await organizer.goto(url);
	await expect(organizer.getByTestId('summary')).toContainText('Ringkasan FGD: FGD Penguatan UMKM Pascatambang');
	// The key left the address bar once the page took it, as on the console.
	expect(organizer.url()).not.toContain('key=');
	const [download] = await Promise.all([organizer.waitForEvent('download'), organizer.getByTestId('download-pdf-id-f4').click()]);
	expect(download.suggestedFilename()).toBe(`notulen-${code}-id-f4.pdf`);
	expect(readFileSync((await download.path())!).subarray(0, 5).toString()).toBe('%PDF-');

	facilitator.once('dialog', (dialog) => dialog.accept());
	await links.getByRole('button', { name: 'Cabut' }).click();
	await expect(links.getByText(/Dicabut/)).toBeVisible();
	await organizer.getByTestId('download-md-en').click();
	await expect(organizer.getByTestId('report-refused')).toBeVisible();

	const stranger = await (await browser.newContext(LAPTOP)).newPage();
	await stranger.goto(`${server.url}/r/${code}`);
	await expect(stranger.getByTestId('report-no-key')).toBeVisible();
});

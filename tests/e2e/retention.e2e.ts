/**
 * Personal data end to end (UU PDP): a phone sees what Rembuk holds about it and asks for
 * deletion; the facilitator carries it out and the minutes show the marker; a retention run on a
 * session past its period anonymises names in the minutes and in the database; deleting the
 * session after its confirmation leaves nothing.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import JSZip from 'jszip';
import { expect, test, type Page } from '@playwright/test';
import { closeSession, createSession, joinOnPhone, LAPTOP, newPhone } from './helpers';
import { notOnCluster, TestServer } from './server';

const server = new TestServer();
// Proving names are gone from the database reads the SQLite file's bytes; on PostgreSQL the same
// is proved by the unit specs of retention and deletion against both engines.
test.skip(notOnCluster !== null, notOnCluster ?? '');
test.beforeAll(() => server.start());
test.afterAll(async () => {
	if (process.env.SHOW_SERVER_LOG) console.log(server.log);
	await server.dispose();
});

const dbPath = () => join(server.dir, 'rembuk.sqlite');

/**
 * `npm run retention` as built, against the server's database while the server runs. Run
 * asynchronously: blocking this process would leave its idle HTTP connections to a server that
 * has closed them meanwhile, and the next fetch would fail on one.
 */
async function retentionRun(now: Date): Promise<string> {
	const { stdout } = await promisify(execFile)(process.execPath, ['build/retention.js', `--now=${now.toISOString()}`], {
		env: { ...process.env, ...server.databaseEnv() }
	});
	return stdout;
}

async function minutes(code: string, key: string, format: 'md' | 'docx', lang: 'id' | 'en'): Promise<string> {
	const response = await fetch(`${server.url}/api/sessions/${code}/minutes?format=${format}&lang=${lang}`, { headers: { authorization: `Bearer ${key}` } });
	expect(response.status).toBe(200);
	if (format === 'md') return response.text();
	const zip = await JSZip.loadAsync(Buffer.from(await response.arrayBuffer()));
	return zip.file('word/document.xml')!.async('string');
}

/** Every text value in every row of the server's database, read beside the running server. */
function databaseText(): string {
	const db = new Database(dbPath(), { readonly: true, fileMustExist: true });
	try {
		const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[];
		return tables
			.flatMap((t) => db.prepare(`SELECT * FROM "${t.name}"`).all() as Record<string, unknown>[])
			.flatMap((row) => Object.values(row).filter((v): v is string => typeof v === 'string'))
			.join('\n');
	} finally {
		db.close();
	}
}

const privacyPanel = (page: Page) => page.getByTestId('privacy-panel');

test('a phone asks for deletion, staff carry it out, retention anonymises, deleting the session leaves nothing', async ({ browser }) => {
	const facilitator = await (await browser.newContext(LAPTOP)).newPage();
	const code = await createSession(facilitator, server.url, 'FGD Data Pribadi Paser');
	const key = await facilitator.evaluate((c) => localStorage.getItem(`rembuk:facilitator:${c}`)!, code);

	const budi = await newPhone(browser);
	await budi.page.goto(`${server.url}/j/${code}`);
	await joinOnPhone(budi.page, 'Budi Santoso', 'pemerintah', 'Bappeda Paser');
	const ani = await newPhone(browser);
	await ani.page.goto(`${server.url}/j/${code}`);
	await joinOnPhone(ani.page, 'Ani Lestari', 'akademisi', 'Universitas Mulawarman');

	// The phone's "Data saya": what is held about it, then the request.
	await budi.page.getByRole('button', { name: 'Data saya' }).click();
	const mine = budi.page.getByTestId('my-data');
	await expect(mine.getByTestId('my-name')).toHaveText('Budi Santoso');
	await expect(mine).toContainText('Bappeda Paser');
	await expect(mine).toContainText('Pemerintah');
	await expect(mine).toContainText('Persetujuan diberikan');
	await mine.getByRole('button', { name: 'Minta hapus data saya' }).click();
	await mine.getByRole('button', { name: 'Ya, kirim permintaan' }).click();
	await expect(mine.getByTestId('deletion-requested')).toContainText('Permintaan penghapusan terkirim');

	// The facilitator sees the request and carries it out.
	await facilitator.reload();
	await expect(facilitator.getByTestId('connection')).toHaveAttribute('data-state', 'online');
	const panel = privacyPanel(facilitator);
	const request = panel.getByTestId('privacy-request');
	await expect(request).toContainText('Budi Santoso');
	await expect(request).toContainText('dari HP peserta');
	facilitator.once('dialog', (dialog) => dialog.accept());
	await request.getByRole('button', { name: 'Hapus data peserta ini' }).click();
	await expect(panel.getByTestId('privacy-request-done')).toContainText('peserta (dihapus atas permintaan)');

	const markdown = await minutes(code, key, 'md', 'id');
	expect(markdown).toContain('peserta (dihapus atas permintaan)');
	expect(markdown).not.toContain('Budi Santoso');
	expect(markdown).toContain('Ani Lestari');
	expect(await minutes(code, key, 'md', 'en')).toContain('participant (deleted on request)');
	const docx = await minutes(code, key, 'docx', 'id');
	expect(docx).toContain('peserta (dihapus atas permintaan)');
	expect(docx).not.toContain('Budi Santoso');
	expect(databaseText()).not.toContain('Budi Santoso');

	// Retention: a one-month period, the session closed, a run dated two months later.
	await panel.getByLabel('Masa retensi (bulan)').fill('1');
	await panel.getByRole('button', { name: 'Simpan pengaturan' }).click();
	await expect(panel.getByText('Pengaturan disimpan.')).toBeVisible();
	await closeSession(facilitator);
	await facilitator.keyboard.press('Escape');
	const later = new Date(Date.now() + 62 * 24 * 60 * 60 * 1000);
	expect(await retentionRun(new Date())).toContain('Anonymised 0 session(s)');
	const run = await retentionRun(later);
	expect(run).toContain('Anonymised 1 session(s)');
	expect(run).toContain(code);
	expect(await retentionRun(later)).toContain('Anonymised 0 session(s)');

	const anonymised = await minutes(code, key, 'md', 'id');
	expect(anonymised).toContain('Peserta 2');
	expect(anonymised).toContain('dianonimkan');
	expect(anonymised).toContain('peserta (dihapus atas permintaan)');
	expect(anonymised).not.toContain('Ani Lestari');
	const text = databaseText();
	expect(text).toContain('Peserta 2');
	expect(text).not.toContain('Ani Lestari');
	const raw = readFileSync(dbPath()).toString('latin1') + (existsSync(`${dbPath()}-wal`) ? readFileSync(`${dbPath()}-wal`).toString('latin1') : '');
	expect(raw).not.toContain('Ani Lestari');
	expect(raw).not.toContain('Budi Santoso');

	// Deleting the session: the confirmation names what is lost and wants the code typed.
	await facilitator.reload();
	await expect(facilitator.getByTestId('connection')).toHaveAttribute('data-state', 'online');
	await expect(panel.getByTestId('anonymised')).toBeVisible();
	await panel.getByRole('button', { name: 'Hapus sesi ini…' }).click();
	const confirmDelete = panel.getByTestId('delete-session');
	await expect(confirmDelete).toContainText('0 masukan, 2 peserta, 0 foto');
	const go = confirmDelete.getByRole('button', { name: 'Hapus sesi untuk selamanya' });
	await expect(go).toBeDisabled();
	await confirmDelete.getByLabel(/Ketik kode sesi/).fill('SALAH1');
	await expect(go).toBeDisabled();
	await confirmDelete.getByLabel(/Ketik kode sesi/).fill(code);
	await go.click();
	await expect(panel.getByTestId('session-deleted')).toBeVisible();

	expect((await fetch(`${server.url}/api/sessions/${code}`)).status).toBe(404);
	expect((await fetch(`${server.url}/api/sessions/${code}/minutes?format=md`, { headers: { authorization: `Bearer ${key}` } })).status).toBe(404);
	const db = new Database(dbPath(), { readonly: true, fileMustExist: true });
	try {
		const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[]).map((t) => t.name);
		// Only the server's own first-start setup link (no organization exists yet) may remain.
		const ownedByNoSession = new Set(['one_time_links']);
		expect(db.prepare("SELECT purpose FROM one_time_links").all()).toEqual([{ purpose: 'bootstrap' }]);
		for (const table of tables.filter((t) => !ownedByNoSession.has(t))) expect(db.prepare(`SELECT COUNT(*) AS n FROM "${table}"`).get(), table).toEqual({ n: 0 });
	} finally {
		db.close();
	}
	await budi.context.close();
	await ani.context.close();
});

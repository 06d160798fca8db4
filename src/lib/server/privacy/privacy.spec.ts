/**
 * Personal data of a session: anonymisation leaves no name anywhere (participants, the log's
 * payloads, notes, the action plan, captions, the database file itself), numbers people stably
 * and runs once; deletion on request; the retention run; deleting a whole session.
 */
import { mkdtempSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql, type RawBuilder } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { facilitatedFgd } from '$lib/testing/fgd';
import { cameraJpeg } from '$lib/testing/photos';
import { createSession, dumpTables, joinParticipant, newToken } from '$lib/testing/server';
import { freshDb, TEST_ENGINE } from '$lib/testing/stores';
import { openDatabase } from '../db/database';
import { buildMinutes } from '../minutes/model';
import { renderMarkdown } from '../minutes/markdown';
import * as actions from '../actions';
import * as followup from '../followup';
import { normalise } from '../photo-image';
import * as photos from '../photos';
import { smallPdf } from '$lib/testing/evidence';
import { engineOf, insertionOrder, sqliteStore, type Database } from '../db/store';
import { anonymise, deleteSession, deletionCounts, dueSessions, erase, myData, requestDeletion, requests, runRetention, sessionTables, setSettings } from './index';

const NAMES = ['Siti Rahmawati', 'Yusuf Hidayat', 'Dewi Lestari', 'Hendra Wijaya', 'Rini Anggraini', 'Amir Mahmud'];

/** Every text value of every row of every table of the session's database, as one string. */
async function everyText(db: Database): Promise<string> {
	return Object.values(await dumpTables(db))
		.flat()
		.flatMap((row) => Object.values(row as Record<string, unknown>).filter((v): v is string => typeof v === 'string'))
		.join('\n');
}

/** The first row a query returns, on either engine. */
const first = async <T>(db: Database, query: RawBuilder<T>): Promise<T> => (await query.execute(db)).rows[0];

/** How many rows `table` holds, as `{ n }`. */
const countOf = (db: Database, table: string) => first(db, sql<{ n: number }>`SELECT COUNT(*) AS n FROM ${sql.table(table)}`);

async function withPhoto(fgd: Awaited<ReturnType<typeof facilitatedFgd>>) {
	// Someone without a phone, written into the daftar hadir by the minute-taker (with jabatan and L/P).
	await fgd.run('minutetaker', {
		type: 'attendee.add',
		attendee: { name: 'Amir Mahmud', group: 'komunitas', institution: 'Karang Taruna Loa Kulu', position: 'Ketua', sex: 'L' }
	});
	const image = await normalise(await cameraJpeg(800, 600));
	await photos.store(fgd.db, fgd.session.id, 'minutetaker', image, 'Siti Rahmawati menyampaikan paparan');
	// Follow-up evidence whose file name carries a participant's name.
	const rowId = (await actions.list(fgd.db, fgd.session.id))[0].id;
	const input = followup.updateInput.parse({ rowId, status: 'berjalan', note: '', evidenceUrl: '' });
	await fgd.db
		.transaction()
		.execute((trx) => followup.recordUpdate(trx, fgd.session.id, 'facilitator', input, { files: [{ name: 'Paparan Siti Rahmawati.pdf', type: 'pdf', data: smallPdf() }] }));
}

/** A change in a store transaction of its own over the test's database, as the write path runs it. */
function write<R>(db: Database, change: (trx: Database) => Promise<R>): Promise<R> {
	return db.transaction().execute(change);
}

const temp: string[] = [];
afterEach(() => {
	for (const dir of temp.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('anonymisation', () => {
	it('leaves no name in any table, the log payloads included, and keeps the content', async () => {
		const fgd = await facilitatedFgd();
		await withPhoto(fgd);
		const before = await everyText(fgd.db);
		for (const name of NAMES) expect(before).toContain(name);
		const itemsBefore = await countOf(fgd.db, 'items');

		const record = await write(fgd.db, (trx) => anonymise(trx, fgd.session.id, 'retention'));
		expect(record?.event).toMatchObject({ type: 'session.anonymised', participants: 6, keptInstitutions: true });

		const after = await everyText(fgd.db);
		// The evidence file stays, bytes and all; only its name loses the person's.
		expect(await fgd.db.selectFrom('action_evidence').select('name').execute()).toEqual([{ name: expect.stringMatching(/^Paparan Peserta \d+\.pdf$/) }]);
		expect(await countOf(fgd.db, 'action_evidence_blobs')).toEqual({ n: 1 });
		for (const name of NAMES) expect(after.toLowerCase()).not.toContain(name.toLowerCase());
		const payloads = (await fgd.db.selectFrom('session_events').select('payload').execute()).map((r) => r.payload).join('\n');
		expect(payloads).toContain('Peserta 1');
		expect(payloads).not.toMatch(/Siti|Hendra/);
		expect(await countOf(fgd.db, 'items')).toEqual(itemsBefore);
		expect(after).toContain('Akses modal usaha sulit tanpa agunan');
		// Institutions are kept by default; jabatan, sex and the phone's token are not.
		expect(after).toContain('Universitas Contoh');
		const people = await fgd.db
			.selectFrom('participants')
			.select(['name', 'position', 'sex', 'token_hash', 'consent_at', 'consent_version'])
			.orderBy('joined_at')
			.orderBy(insertionOrder(engineOf(fgd.db)))
			.execute();
		expect(people.map((p) => p.name)).toEqual(['Peserta 1', 'Peserta 2', 'Peserta 3', 'Peserta 4', 'Peserta 5', 'Peserta 6']);
		for (const p of people) {
			expect(p).toMatchObject({ position: '', sex: '' });
			expect(p.token_hash).toMatch(/^anonymised:/);
		}
		// Consent keeps its time and notice version (the proof), for those who consented on a phone.
		for (const p of people.slice(0, 5)) {
			expect(p.consent_at).not.toBe('');
			expect(p.consent_version).not.toBe('');
		}
		expect(after).not.toContain('Ketua');
		const minutes = await buildMinutes(fgd.db, fgd.session.id, 'id');
		expect(minutes.privacy.anonymisedAt).not.toBeNull();
		expect(minutes.attendance.participants.map((a) => a.name)).toEqual(['Peserta 1', 'Peserta 2', 'Peserta 3', 'Peserta 4', 'Peserta 5', 'Peserta 6']);
		expect(minutes.attendance.byGroup.reduce((sum, g) => sum + g.count, 0)).toBe(6);
		const markdown = renderMarkdown(minutes);
		expect(markdown).toContain('dianonimkan');
		for (const name of NAMES) expect(markdown).not.toContain(name);
	});

	it('numbers people in order of joining, the same on every run, and runs once', async () => {
		const fgd = await facilitatedFgd();
		expect(await write(fgd.db, (trx) => anonymise(trx, fgd.session.id, 'retention'))).not.toBeNull();
		const named = () => fgd.db.selectFrom('participants').select(['id', 'name']).orderBy('id').execute();
		const numbered = await named();
		const log = await countOf(fgd.db, 'session_events');
		expect(await write(fgd.db, (trx) => anonymise(trx, fgd.session.id, 'retention'))).toBeNull();
		expect(await named()).toEqual(numbered);
		expect(await countOf(fgd.db, 'session_events')).toEqual(log);
		const siti = await fgd.db.selectFrom('participants').select('name').where('id', '=', fgd.people.siti.id).executeTakeFirst();
		expect(siti).toEqual({ name: 'Peserta 1' });
	});

	it('removes institutions when the session says so', async () => {
		const fgd = await facilitatedFgd();
		await write(fgd.db, (trx) => setSettings(trx, fgd.session.id, 'facilitator', 6, false));
		await write(fgd.db, (trx) => anonymise(trx, fgd.session.id, 'retention'));
		const text = await everyText(fgd.db);
		for (const institution of ['Universitas Contoh', 'Kelompok Tani Sejahtera', 'Kecamatan Loa Kulu']) {
			expect(await first(fgd.db, sql`SELECT COUNT(*) AS n FROM participants WHERE institution = ${institution}`)).toEqual({ n: 0 });
		}
		expect(text).not.toContain('Kelompok Tani Sejahtera');
		expect((await buildMinutes(fgd.db, fgd.session.id, 'en')).privacy.notes.join(' ')).toContain('institutions removed');
	});

	// The SQLite file's bytes (its free pages, its WAL): PostgreSQL's storage is not ours to read.
	it.skipIf(TEST_ENGINE === 'postgres')('leaves no name in the SQLite file (WAL checkpointed, secure delete)', async () => {
		const fgd = await facilitatedFgd();
		await withPhoto(fgd);
		const dir = mkdtempSync(join(tmpdir(), 'rembuk-privacy-'));
		temp.push(dir);
		const path = join(dir, 'rembuk.sqlite');
		const file = openDatabase(path);
		file.close();
		rmSync(path);
		// The in-memory FGD written out as a file, then opened as the server opens it (WAL, secure delete).
		await sql`VACUUM INTO ${path}`.execute(fgd.db);
		const store = sqliteStore(openDatabase(path));
		const raw = () => readFileSync(path).toString('latin1') + (existsSync(`${path}-wal`) ? readFileSync(`${path}-wal`).toString('latin1') : '');
		expect(raw()).toContain('Siti Rahmawati');
		await runRetention(store.db, undefined, new Date('2030-01-01T00:00:00Z'));
		await store.close();
		const bytes = raw();
		for (const name of NAMES) expect(bytes).not.toContain(name);
		expect(bytes).toContain('Peserta 1');
	});
});

describe('deletion on request', () => {
	it('a phone sees its data, asks once, staff carry it out; the minutes show the marker', async () => {
		const fgd = await facilitatedFgd();
		const token = (fgd as unknown as { tokens?: Record<string, string> }).tokens;
		expect(token).toBeUndefined();
		const hendra = fgd.people.hendra;
		const first = await write(fgd.db, (trx) => requestDeletion(trx, fgd.session.id, hendra.id, 'participant'));
		const again = await write(fgd.db, (trx) => requestDeletion(trx, fgd.session.id, hendra.id, 'participant'));
		expect(again.request.id).toBe(first.request.id);
		expect(again.records).toEqual([]);
		expect(first.records[0]).toMatchObject({ event: { type: 'privacy.requested', participantId: hendra.id }, owner: hendra.id });
		expect(await requests(fgd.db, fgd.session.id)).toMatchObject([{ participantId: hendra.id, name: 'Hendra Wijaya', doneAt: null }]);

		await write(fgd.db, (trx) => erase(trx, fgd.session.id, hendra.id, false));
		expect(await write(fgd.db, (trx) => erase(trx, fgd.session.id, hendra.id, false))).toBeNull();
		expect((await requests(fgd.db, fgd.session.id))[0].doneAt).not.toBeNull();
		expect(await everyText(fgd.db)).not.toContain('Hendra Wijaya');
		// Their items stay, anonymous; their dots still count.
		const items = await fgd.db
			.selectFrom('items')
			.select(['anonymous', 'status'])
			.where('author_id', '=', hendra.id)
			.where('deleted_at', 'is', null)
			.where('status', '=', 'visible')
			.execute();
		expect(items.length).toBeGreaterThan(0);
		for (const item of items) expect(item.anonymous).toBe(1);
		for (const lang of ['id', 'en'] as const) {
			const minutes = await buildMinutes(fgd.db, fgd.session.id, lang);
			const marker = lang === 'id' ? 'peserta (dihapus atas permintaan)' : 'participant (deleted on request)';
			expect(minutes.attendance.participants.map((p) => p.name)).toContain(marker);
			expect(minutes.attendance.total).toBe(5);
			expect(minutes.privacy.erased).toBe(1);
			expect(renderMarkdown(minutes)).toContain(marker);
		}
	});

	it('staff may hide the items of the person deleted', async () => {
		const fgd = await facilitatedFgd();
		await write(fgd.db, (trx) => erase(trx, fgd.session.id, fgd.people.dewi.id, true));
		expect(await requests(fgd.db, fgd.session.id)).toMatchObject([{ requestedBy: 'facilitator', hidItems: true }]);
		const shown = await first(fgd.db, sql`SELECT COUNT(*) AS n FROM items WHERE author_id = ${fgd.people.dewi.id} AND status = 'visible'`);
		expect(shown).toEqual({ n: 0 });
	});

	it('the quote of a person deleted names the marker', async () => {
		const fgd = await facilitatedFgd();
		await write(fgd.db, (trx) => erase(trx, fgd.session.id, fgd.people.siti.id, false));
		const quotes = (await buildMinutes(fgd.db, fgd.session.id, 'id')).proceedings.phases.flatMap((p) => p.notes).filter((n) => n.speaker);
		expect(quotes[0].speaker?.name).toBe('peserta (dihapus atas permintaan)');
	});

	it('myData finds the phone by its token, and nothing once erased', async () => {
		const db = await freshDb();
		const created = await createSession(db);
		const token = newToken();
		const joined = await joinParticipant(db, created, 'Ahmad Fauzi', token, 'pemerintah', 'Bappeda');
		expect(await myData(db, created.row.id, token)).toMatchObject({ name: 'Ahmad Fauzi', institution: 'Bappeda', group: 'pemerintah', deletionRequestedAt: null });
		expect(await myData(db, created.row.id, newToken())).toBeUndefined();
		await write(db, (trx) => erase(trx, created.row.id, joined.view.id, false));
		expect(await myData(db, created.row.id, token)).toBeUndefined();
	});
});

describe('retention run', () => {
	it('anonymises closed sessions past their period only, once', async () => {
		const fgd = await facilitatedFgd(); // closed 24 October 2025, 12.15 WITA
		expect(await dueSessions(fgd.db, new Date('2026-10-24T00:00:00Z'))).toEqual([]);
		expect(await dueSessions(fgd.db, new Date('2026-10-24T04:15:00Z'))).toEqual([fgd.session.id]);
		await write(fgd.db, (trx) => setSettings(trx, fgd.session.id, 'facilitator', 24, true));
		expect((await runRetention(fgd.db, undefined, new Date('2027-01-01T00:00:00Z'))).anonymised).toEqual([]);
		expect((await runRetention(fgd.db, undefined, new Date('2027-10-25T00:00:00Z'))).anonymised).toEqual([fgd.session.id]);
		expect((await runRetention(fgd.db, undefined, new Date('2027-10-26T00:00:00Z'))).anonymised).toEqual([]);
	});

	it("counts a sample session's period from when the server closed it, not from its event-day clock", async () => {
		const fgd = await facilitatedFgd(); // closed 24 October 2025, 12.15 WITA on the session's clock
		// As `npm run demo` does: the session's clock runs a year behind the server's.
		const yearMs = 365 * 24 * 3600 * 1000;
		await fgd.db.updateTable('sessions').set({ sample_clock_offset_ms: -yearMs }).where('id', '=', fgd.session.id).execute();
		expect(await dueSessions(fgd.db, new Date('2026-10-24T04:15:00Z'))).toEqual([]);
		expect(await dueSessions(fgd.db, new Date('2027-10-24T04:15:00Z'))).toEqual([fgd.session.id]);
	});

	it('never touches an open session', async () => {
		const fgd = await facilitatedFgd('id', { close: false });
		expect((await runRetention(fgd.db, undefined, new Date('2099-01-01T00:00:00Z'))).anonymised).toEqual([]);
	});
});

describe('deleting a session', () => {
	it('removes every row of it in every table, photos included, and leaves other sessions alone', async () => {
		const fgd = await facilitatedFgd();
		const other = await facilitatedFgd();
		await withPhoto(fgd);
		expect(await deletionCounts(fgd.db, fgd.session.id)).toEqual({ items: expect.any(Number), participants: 6, photos: 1, evidence: 1 });
		expect(await deleteSession(fgd.db, fgd.session.id)).toBe(true);
		for (const table of await sessionTables(fgd.db))
			expect(await first(fgd.db, sql`SELECT COUNT(*) AS n FROM ${sql.table(table)} WHERE session_id = ${fgd.session.id}`)).toEqual({ n: 0 });
		expect(await countOf(fgd.db, 'sessions')).toEqual({ n: 0 });
		expect(await countOf(fgd.db, 'photo_blobs')).toEqual({ n: 0 });
		expect(await countOf(fgd.db, 'action_evidence_blobs')).toEqual({ n: 0 });
		expect(await deleteSession(fgd.db, fgd.session.id)).toBe(false);
		expect(await everyText(fgd.db)).not.toContain('Siti Rahmawati');
		expect(await countOf(other.db, 'participants')).toEqual({ n: 5 });
	});
});

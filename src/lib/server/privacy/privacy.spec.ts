/**
 * Personal data of a session: anonymisation leaves no name anywhere (participants, the log's
 * payloads, notes, the action plan, captions, the database file itself), numbers people stably
 * and runs once; deletion on request; the retention run; deleting a whole session.
 */
import { kysely } from '$lib/testing/orgs';
import { mkdtempSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { facilitatedFgd } from '$lib/testing/fgd';
import { cameraJpeg } from '$lib/testing/photos';
import { openDatabase, type Db } from '../db/database';
import { buildMinutes } from '../minutes/model';
import { renderMarkdown } from '../minutes/markdown';
import * as actions from '../actions';
import * as followup from '../followup';
import { normalise } from '../photo-image';
import * as photos from '../photos';
import { smallPdf } from '$lib/testing/evidence';
import type { Database } from '../db/store';
import { anonymise, deleteSession, deletionCounts, dueSessions, erase, myData, requestDeletion, requests, runRetention, sessionTables, setSettings } from './index';

const NAMES = ['Siti Rahmawati', 'Yusuf Hidayat', 'Dewi Lestari', 'Hendra Wijaya', 'Rini Anggraini', 'Amir Mahmud'];

/** Every text value of every row of every table of the session's database, as one string. */
function everyText(db: Db): string {
	const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[];
	return tables
		.flatMap((t) => db.prepare(`SELECT * FROM "${t.name}"`).all() as Record<string, unknown>[])
		.flatMap((row) => Object.values(row).filter((v): v is string => typeof v === 'string'))
		.join('\n');
}

async function withPhoto(fgd: Awaited<ReturnType<typeof facilitatedFgd>>) {
	// Someone without a phone, written into the daftar hadir by the minute-taker (with jabatan and L/P).
	await fgd.run('minutetaker', {
		type: 'attendee.add',
		attendee: { name: 'Amir Mahmud', group: 'komunitas', institution: 'Karang Taruna Loa Kulu', position: 'Ketua', sex: 'L' }
	});
	const image = await normalise(await cameraJpeg(800, 600));
	await photos.store(kysely(fgd.db), fgd.session.id, 'minutetaker', image, 'Siti Rahmawati menyampaikan paparan');
	// Follow-up evidence whose file name carries a participant's name.
	const rowId = (await actions.list(kysely(fgd.db), fgd.session.id))[0].id;
	const input = followup.updateInput.parse({ rowId, status: 'berjalan', note: '', evidenceUrl: '' });
	await kysely(fgd.db)
		.transaction()
		.execute((trx) => followup.recordUpdate(trx, fgd.session.id, 'facilitator', input, { files: [{ name: 'Paparan Siti Rahmawati.pdf', type: 'pdf', data: smallPdf() }] }));
}

/** A change in a store transaction of its own over the test's raw database, as the write path runs it. */
function write<R>(db: Db, change: (trx: Database) => Promise<R>): Promise<R> {
	return kysely(db).transaction().execute(change);
}

const temp: string[] = [];
afterEach(() => {
	for (const dir of temp.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('anonymisation', () => {
	it('leaves no name in any table, the log payloads included, and keeps the content', async () => {
		const fgd = await facilitatedFgd();
		await withPhoto(fgd);
		const before = everyText(fgd.db);
		for (const name of NAMES) expect(before).toContain(name);
		const itemsBefore = fgd.db.prepare('SELECT COUNT(*) AS n FROM items').get();

		const record = await write(fgd.db, (trx) => anonymise(trx, fgd.session.id, 'retention'));
		expect(record?.event).toMatchObject({ type: 'session.anonymised', participants: 6, keptInstitutions: true });

		const after = everyText(fgd.db);
		// The evidence file stays, bytes and all; only its name loses the person's.
		expect(fgd.db.prepare('SELECT name FROM action_evidence').all()).toEqual([{ name: expect.stringMatching(/^Paparan Peserta \d+\.pdf$/) }]);
		expect(fgd.db.prepare('SELECT COUNT(*) AS n FROM action_evidence_blobs').get()).toEqual({ n: 1 });
		for (const name of NAMES) expect(after.toLowerCase()).not.toContain(name.toLowerCase());
		const payloads = (fgd.db.prepare('SELECT payload FROM session_events').all() as { payload: string }[]).map((r) => r.payload).join('\n');
		expect(payloads).toContain('Peserta 1');
		expect(payloads).not.toMatch(/Siti|Hendra/);
		expect(fgd.db.prepare('SELECT COUNT(*) AS n FROM items').get()).toEqual(itemsBefore);
		expect(after).toContain('Akses modal usaha sulit tanpa agunan');
		// Institutions are kept by default; jabatan, sex and the phone's token are not.
		expect(after).toContain('Universitas Contoh');
		const people = fgd.db.prepare('SELECT name, position, sex, token_hash, consent_at, consent_version FROM participants ORDER BY joined_at, rowid').all() as Record<string, string>[];
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
		const minutes = await buildMinutes(kysely(fgd.db), fgd.session.id, 'id');
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
		const first = fgd.db.prepare('SELECT id, name FROM participants ORDER BY id').all();
		const log = fgd.db.prepare('SELECT COUNT(*) AS n FROM session_events').get();
		expect(await write(fgd.db, (trx) => anonymise(trx, fgd.session.id, 'retention'))).toBeNull();
		expect(fgd.db.prepare('SELECT id, name FROM participants ORDER BY id').all()).toEqual(first);
		expect(fgd.db.prepare('SELECT COUNT(*) AS n FROM session_events').get()).toEqual(log);
		const siti = fgd.db.prepare('SELECT name FROM participants WHERE id = ?').get(fgd.people.siti.id);
		expect(siti).toEqual({ name: 'Peserta 1' });
	});

	it('removes institutions when the session says so', async () => {
		const fgd = await facilitatedFgd();
		await write(fgd.db, (trx) => setSettings(trx, fgd.session.id, 'facilitator', 6, false));
		await write(fgd.db, (trx) => anonymise(trx, fgd.session.id, 'retention'));
		const text = everyText(fgd.db);
		for (const institution of ['Universitas Contoh', 'Kelompok Tani Sejahtera', 'Kecamatan Loa Kulu']) {
			expect(fgd.db.prepare('SELECT COUNT(*) AS n FROM participants WHERE institution = ?').get(institution)).toEqual({ n: 0 });
		}
		expect(text).not.toContain('Kelompok Tani Sejahtera');
		expect((await buildMinutes(kysely(fgd.db), fgd.session.id, 'en')).privacy.notes.join(' ')).toContain('institutions removed');
	});

	it('leaves no name in the SQLite file (WAL checkpointed, secure delete)', async () => {
		const fgd = await facilitatedFgd();
		await withPhoto(fgd);
		const dir = mkdtempSync(join(tmpdir(), 'rembuk-privacy-'));
		temp.push(dir);
		const path = join(dir, 'rembuk.sqlite');
		const file = openDatabase(path);
		file.close();
		rmSync(path);
		// The in-memory FGD written out as a file, then opened as the server opens it (WAL, secure delete).
		const { writeFileSync } = await import('node:fs');
		writeFileSync(path, fgd.db.serialize());
		const db = openDatabase(path);
		const raw = () => readFileSync(path).toString('latin1') + (existsSync(`${path}-wal`) ? readFileSync(`${path}-wal`).toString('latin1') : '');
		expect(raw()).toContain('Siti Rahmawati');
		await runRetention(kysely(db), undefined, new Date('2030-01-01T00:00:00Z'));
		db.close();
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
		expect(await requests(kysely(fgd.db), fgd.session.id)).toMatchObject([{ participantId: hendra.id, name: 'Hendra Wijaya', doneAt: null }]);

		await write(fgd.db, (trx) => erase(trx, fgd.session.id, hendra.id, false));
		expect(await write(fgd.db, (trx) => erase(trx, fgd.session.id, hendra.id, false))).toBeNull();
		expect((await requests(kysely(fgd.db), fgd.session.id))[0].doneAt).not.toBeNull();
		expect(everyText(fgd.db)).not.toContain('Hendra Wijaya');
		// Their items stay, anonymous; their dots still count.
		const items = fgd.db.prepare("SELECT anonymous, status FROM items WHERE author_id = ? AND deleted_at IS NULL AND status = 'visible'").all(hendra.id) as { anonymous: number }[];
		expect(items.length).toBeGreaterThan(0);
		for (const item of items) expect(item.anonymous).toBe(1);
		for (const lang of ['id', 'en'] as const) {
			const minutes = await buildMinutes(kysely(fgd.db), fgd.session.id, lang);
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
		expect(await requests(kysely(fgd.db), fgd.session.id)).toMatchObject([{ requestedBy: 'facilitator', hidItems: true }]);
		const shown = fgd.db.prepare("SELECT COUNT(*) AS n FROM items WHERE author_id = ? AND status = 'visible'").get(fgd.people.dewi.id);
		expect(shown).toEqual({ n: 0 });
	});

	it('the quote of a person deleted names the marker', async () => {
		const fgd = await facilitatedFgd();
		await write(fgd.db, (trx) => erase(trx, fgd.session.id, fgd.people.siti.id, false));
		const quotes = (await buildMinutes(kysely(fgd.db), fgd.session.id, 'id')).proceedings.phases.flatMap((p) => p.notes).filter((n) => n.speaker);
		expect(quotes[0].speaker?.name).toBe('peserta (dihapus atas permintaan)');
	});

	it('myData finds the phone by its token, and nothing once erased', async () => {
		const { createSession, freshDb, joinParticipant, newToken } = await import('$lib/testing/server');
		const db = freshDb();
		const created = createSession(db);
		const token = newToken();
		const joined = await joinParticipant(db, created, 'Ahmad Fauzi', token, 'pemerintah', 'Bappeda');
		expect(await myData(kysely(db), created.row.id, token)).toMatchObject({ name: 'Ahmad Fauzi', institution: 'Bappeda', group: 'pemerintah', deletionRequestedAt: null });
		expect(await myData(kysely(db), created.row.id, newToken())).toBeUndefined();
		await write(db, (trx) => erase(trx, created.row.id, joined.view.id, false));
		expect(await myData(kysely(db), created.row.id, token)).toBeUndefined();
	});
});

describe('retention run', () => {
	it('anonymises closed sessions past their period only, once', async () => {
		const fgd = await facilitatedFgd(); // closed 24 October 2025, 12.15 WITA
		expect(await dueSessions(kysely(fgd.db), new Date('2026-10-24T00:00:00Z'))).toEqual([]);
		expect(await dueSessions(kysely(fgd.db), new Date('2026-10-24T04:15:00Z'))).toEqual([fgd.session.id]);
		await write(fgd.db, (trx) => setSettings(trx, fgd.session.id, 'facilitator', 24, true));
		expect((await runRetention(kysely(fgd.db), undefined, new Date('2027-01-01T00:00:00Z'))).anonymised).toEqual([]);
		expect((await runRetention(kysely(fgd.db), undefined, new Date('2027-10-25T00:00:00Z'))).anonymised).toEqual([fgd.session.id]);
		expect((await runRetention(kysely(fgd.db), undefined, new Date('2027-10-26T00:00:00Z'))).anonymised).toEqual([]);
	});

	it("counts a sample session's period from when the server closed it, not from its event-day clock", async () => {
		const fgd = await facilitatedFgd(); // closed 24 October 2025, 12.15 WITA on the session's clock
		// As `npm run demo` does: the session's clock runs a year behind the server's.
		const yearMs = 365 * 24 * 3600 * 1000;
		fgd.db.prepare('UPDATE sessions SET sample_clock_offset_ms = ? WHERE id = ?').run(-yearMs, fgd.session.id);
		expect(await dueSessions(kysely(fgd.db), new Date('2026-10-24T04:15:00Z'))).toEqual([]);
		expect(await dueSessions(kysely(fgd.db), new Date('2027-10-24T04:15:00Z'))).toEqual([fgd.session.id]);
	});

	it('never touches an open session', async () => {
		const fgd = await facilitatedFgd('id', { close: false });
		expect((await runRetention(kysely(fgd.db), undefined, new Date('2099-01-01T00:00:00Z'))).anonymised).toEqual([]);
	});
});

describe('deleting a session', () => {
	it('removes every row of it in every table, photos included, and leaves other sessions alone', async () => {
		const fgd = await facilitatedFgd();
		const other = await facilitatedFgd();
		await withPhoto(fgd);
		expect(await deletionCounts(kysely(fgd.db), fgd.session.id)).toEqual({ items: expect.any(Number), participants: 6, photos: 1, evidence: 1 });
		expect(await deleteSession(kysely(fgd.db), fgd.session.id)).toBe(true);
		for (const table of await sessionTables(kysely(fgd.db)))
			expect(fgd.db.prepare(`SELECT COUNT(*) AS n FROM "${table}" WHERE session_id = ?`).get(fgd.session.id)).toEqual({ n: 0 });
		expect(fgd.db.prepare('SELECT COUNT(*) AS n FROM sessions').get()).toEqual({ n: 0 });
		expect(fgd.db.prepare('SELECT COUNT(*) AS n FROM photo_blobs').get()).toEqual({ n: 0 });
		expect(fgd.db.prepare('SELECT COUNT(*) AS n FROM action_evidence_blobs').get()).toEqual({ n: 0 });
		expect(await deleteSession(kysely(fgd.db), fgd.session.id)).toBe(false);
		expect(everyText(fgd.db)).not.toContain('Siti Rahmawati');
		expect(other.db.prepare('SELECT COUNT(*) AS n FROM participants').get()).toEqual({ n: 5 });
	});
});

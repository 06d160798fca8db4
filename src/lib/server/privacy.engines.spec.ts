/**
 * The privacy duties (UU PDP) on both engines: a participant erased on request, the retention run's
 * anonymisation and deleting a whole session change the rows themselves — read back from the
 * tables after the write, on SQLite and on PostgreSQL alike. The session is written straight into
 * the tables (the command path is not on PostgreSQL yet), with a person's name in every place a
 * session keeps a copy: the participant row, the log's payloads, a quote and its speaker, the
 * action plan, an item's text, a photo's caption and an evidence file's name.
 */
import { describe, expect, it } from 'vitest';
import { forEachEngine } from '$lib/testing/engines';
import { appendRecord } from './db/log-store';
import { TABLES } from './db/schema';
import type { Database, Store } from './db/store';
import { GroupCommit } from './group-commit';
import * as privacy from './privacy';
import { ERASED_TEXT } from './privacy';
import { hashSecret } from './secrets';

const SESSION = 's1';
const CLOSED_AT = '2025-10-24T04:15:00.000Z';
const PEOPLE = [
	{ id: 'p1', name: 'Siti Rahmawati', institution: 'Universitas Contoh', position: 'Dosen', sex: 'P', token: 'token-siti-0000000000000000' },
	{ id: 'p2', name: 'Hendra Wijaya', institution: 'Kelompok Tani Sejahtera', position: 'Ketua', sex: 'L', token: 'token-hendra-000000000000000' },
	{ id: 'p3', name: 'Dewi Lestari', institution: 'Kecamatan Loa Kulu', position: 'Staf', sex: 'P', token: 'token-dewi-0000000000000000' }
] as const;
const HENDRA = PEOPLE[1];

async function session(db: Database, id: string, organizationId: string | null) {
	await db
		.insertInto('sessions')
		.values({
			id,
			code: id.toUpperCase().padEnd(6, 'X'),
			facilitator_key_hash: 'h',
			title: `FGD ${id}`,
			starts_at: '2025-10-24T01:00:00.000Z',
			time_zone: 'Asia/Makassar',
			kinds: '[]',
			groups: '[]',
			created_at: '2025-10-24T00:00:00.000Z',
			status: 'closed',
			closed_at: CLOSED_AT,
			organization_id: organizationId
		})
		.execute();
}

/** An organization's closed session with three people, and a copy of Hendra's name (and institution) in every place a session keeps one. */
async function seed(store: Store) {
	const db = store.db;
	await db.insertInto('organizations').values({ id: 'o1', name: 'DPMD Kutai Kartanegara', created_at: '2025-01-01T00:00:00.000Z' }).execute();
	await session(db, SESSION, 'o1');
	for (const [i, p] of PEOPLE.entries()) {
		await db
			.insertInto('participants')
			.values({
				id: p.id,
				session_id: SESSION,
				token_hash: hashSecret(p.token),
				name: p.name,
				stakeholder_group: 'komunitas',
				institution: p.institution,
				position: p.position,
				sex: p.sex,
				consent_at: `2025-10-24T01:0${i}:00.000Z`,
				consent_version: 'v1',
				joined_at: `2025-10-24T01:0${i}:00.000Z`,
				added_by: null,
				removed_at: null,
				removed_reason: null,
				erased_at: null
			})
			.execute();
		await db.transaction().execute((trx) =>
			appendRecord(trx, {
				sessionId: SESSION,
				actor: `p:${p.id}`,
				payload: { type: 'participant.joined', participant: { id: p.id, name: p.name, group: 'komunitas', institution: p.institution, joinedAt: 'x', position: p.position, sex: p.sex } }
			})
		);
	}
	const item = (id: string, author: string, text: string) => ({
		id,
		session_id: SESSION,
		kind: 'masalah',
		text,
		author_id: author,
		created_at: '2025-10-24T02:00:00.000Z',
		updated_at: '2025-10-24T02:00:00.000Z',
		deleted_at: null,
		theme_id: null,
		merged_into: null,
		hidden_reason: null
	});
	await db
		.insertInto('items')
		.values([item('i1', 'p2', 'Seperti kata Hendra Wijaya, modal usaha sulit'), item('i2', 'p2', 'Jalan desa rusak'), item('i3', 'p1', 'Akses pasar jauh')])
		.execute();
	await db.insertInto('votes').values({ session_id: SESSION, participant_id: 'p2', target_id: 'i3', count: 2 }).execute();
	await db.insertInto('supports').values({ session_id: SESSION, item_id: 'i3', participant_id: 'p2', created_at: '2025-10-24T02:10:00.000Z' }).execute();
	await db
		.insertInto('notes')
		.values({
			id: 'n1',
			session_id: SESSION,
			kind: 'quote',
			phase: 'diskusi',
			text: 'Hendra Wijaya: pupuk datang terlambat',
			speaker: JSON.stringify({ participantId: 'p2', name: HENDRA.name, institution: HENDRA.institution, group: 'komunitas' }),
			at: '2025-10-24T02:30:00.000Z',
			deleted_at: null
		})
		.execute();
	await db
		.insertInto('action_rows')
		.values({ id: 'r1', session_id: SESSION, position: 0, data: JSON.stringify({ action: 'Perbaikan jalan', pic: 'Hendra Wijaya' }), deleted_at: null })
		.execute();
	await db
		.insertInto('photos')
		.values({ id: 'ph1', session_id: SESSION, caption: 'Hendra Wijaya memaparkan', width: 4, height: 3, bytes: 3, added_by: 'minutetaker', created_at: '2025-10-24T03:00:00.000Z' })
		.execute();
	await db.insertInto('photo_blobs').values({ photo_id: 'ph1', jpeg: Buffer.from([1, 2, 3]) }).execute();
	await db
		.insertInto('action_updates')
		.values({ id: 'u1', session_id: SESSION, row_id: 'r1', at: '2025-11-01T00:00:00.000Z', actor: 'facilitator', status: 'berjalan', evidence_url: null })
		.execute();
	await db
		.insertInto('action_evidence')
		.values({ id: 'e1', session_id: SESSION, update_id: 'u1', name: 'Paparan Hendra Wijaya.pdf', type: 'pdf', bytes: 3, created_at: '2025-11-01T00:00:00.000Z' })
		.execute();
	await db.insertInto('action_evidence_blobs').values({ evidence_id: 'e1', session_id: SESSION, data: Buffer.from('%PDF') }).execute();
}

/** Every text value of every row of every table, as one string: what the database still holds. */
async function everyText(db: Database): Promise<string> {
	const texts: string[] = [];
	for (const table of Object.keys(TABLES) as (keyof typeof TABLES)[]) {
		const rows = (await db.selectFrom(table).selectAll().execute()) as Record<string, unknown>[];
		for (const row of rows) for (const value of Object.values(row)) if (typeof value === 'string') texts.push(value);
	}
	return texts.join('\n');
}

const person = (db: Database, id: string) =>
	db.selectFrom('participants').select(['name', 'institution', 'position', 'sex', 'token_hash', 'erased_at', 'consent_at', 'consent_version']).where('id', '=', id).executeTakeFirstOrThrow();
const itemsOf = (db: Database, author: string) =>
	db.selectFrom('items').select(['id', 'text', 'anonymous', 'status', 'hidden_reason']).where('author_id', '=', author).orderBy('id').execute();
const auditActions = async (db: Database) => (await db.selectFrom('org_audit').select(['action', 'detail']).orderBy('id').execute()).map((e) => `${e.action} ${e.detail}`);
const unheard = () => {};
const count = async (db: Database, table: 'sessions' | 'photo_blobs' | 'action_evidence_blobs') =>
	Number((await db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

describe('privacy on both engines', () => {
	forEachEngine(({ store }) => {
		it("erasing on request empties the person's row and every copy of their name, through the group commit", async () => {
			await seed(store());
			const db = store().db;
			expect(await privacy.myData(db, SESSION, HENDRA.token)).toMatchObject({ name: HENDRA.name, institution: HENDRA.institution, deletionRequestedAt: null });
			const writes = new GroupCommit(store(), unheard);

			const asked = await writes.commit(SESSION, (trx) => privacy.requestDeletion(trx, SESSION, 'p2', 'participant'));
			expect(asked.records[0]).toMatchObject({ event: { type: 'privacy.requested', participantId: 'p2' }, owner: 'p2' });
			const again = await writes.commit(SESSION, (trx) => privacy.requestDeletion(trx, SESSION, 'p2', 'participant'));
			expect(again).toMatchObject({ request: { id: asked.request.id }, records: [] });
			expect((await privacy.myData(db, SESSION, HENDRA.token))?.deletionRequestedAt).toBe(asked.request.requestedAt);

			const who = { accountId: null, actor: 'facilitator_link' as const, address: '203.0.113.9' };
			const erased = await writes.commit(SESSION, async (trx) => ({ records: (await privacy.erase(trx, SESSION, 'p2', false, new Date(), who)) ?? [] }));
			expect(erased.records.map((r) => r.event)).toEqual([{ type: 'participant.erased', participantId: 'p2', hidItems: false }]);

			// The row itself: name, institution, jabatan, sex and the phone's token are gone; consent keeps its proof.
			expect(await person(db, 'p2')).toEqual({
				name: '',
				institution: '',
				position: '',
				sex: '',
				token_hash: 'erased:p2',
				erased_at: expect.any(String),
				consent_at: '2025-10-24T01:01:00.000Z',
				consent_version: 'v1'
			});
			// The phone's token opens nothing any more.
			expect(await privacy.myData(db, SESSION, HENDRA.token)).toBeUndefined();
			// Their items stay, anonymous, with the name in their text replaced.
			expect(await itemsOf(db, 'p2')).toEqual([
				{ id: 'i1', text: `Seperti kata ${ERASED_TEXT}, modal usaha sulit`, anonymous: 1, status: 'visible', hidden_reason: null },
				{ id: 'i2', text: 'Jalan desa rusak', anonymous: 1, status: 'visible', hidden_reason: null }
			]);
			expect((await itemsOf(db, 'p1'))[0]).toMatchObject({ anonymous: 0 });
			// Every copy: the log's payloads, the quote and its speaker, the action plan, the caption, the evidence file's name.
			const note = await db.selectFrom('notes').select(['text', 'speaker']).where('id', '=', 'n1').executeTakeFirstOrThrow();
			expect(note.text).toBe(`${ERASED_TEXT}: pupuk datang terlambat`);
			expect(JSON.parse(note.speaker!)).toEqual({ participantId: 'p2', name: '', institution: '', group: 'komunitas' });
			expect(JSON.parse((await db.selectFrom('action_rows').select('data').executeTakeFirstOrThrow()).data)).toEqual({ action: 'Perbaikan jalan', pic: ERASED_TEXT });
			expect((await db.selectFrom('photos').select('caption').executeTakeFirstOrThrow()).caption).toBe(`${ERASED_TEXT} memaparkan`);
			expect((await db.selectFrom('action_evidence').select('name').executeTakeFirstOrThrow()).name).toBe(`Paparan ${ERASED_TEXT}.pdf`);
			const joined = await db.selectFrom('session_events').select('payload').where('actor', '=', 'p:p2').orderBy('seq').executeTakeFirstOrThrow();
			expect(JSON.parse(joined.payload).participant).toEqual({ id: 'p2', name: '', group: 'komunitas', institution: '', joinedAt: 'x' });
			const held = await everyText(db);
			for (const gone of [HENDRA.name, HENDRA.institution]) expect(held).not.toContain(gone);
			expect(held).toContain('Siti Rahmawati');
			// The request is carried out, and the organization's audit log says so.
			expect(await privacy.requests(db, SESSION)).toMatchObject([{ participantId: 'p2', requestedBy: 'participant', doneAt: expect.any(String), hidItems: false }]);
			expect(await auditActions(db)).toEqual(['privacy.deletion_requested participant=p2 by=participant', 'privacy.erased participant=p2']);
			// Done once: a second erasure is refused and writes nothing.
			const before = await db.selectFrom('session_events').select('seq').execute();
			expect(await store().db.transaction().execute((trx) => privacy.erase(trx, SESSION, 'p2', false))).toBeNull();
			expect(await db.selectFrom('session_events').select('seq').execute()).toHaveLength(before.length);
		});

		it('erasing on their behalf may hide their items, and logs the request as the staff\'s', async () => {
			await seed(store());
			const db = store().db;
			await db.transaction().execute((trx) => privacy.erase(trx, SESSION, 'p2', true));
			expect((await itemsOf(db, 'p2')).map((i) => [i.status, i.hidden_reason, i.anonymous])).toEqual([
				['hidden', 'deleted on request', 1],
				['hidden', 'deleted on request', 1]
			]);
			expect(await privacy.requests(db, SESSION)).toMatchObject([{ participantId: 'p2', requestedBy: 'facilitator', hidItems: true, doneAt: expect.any(String) }]);
			expect((await person(db, 'p2')).name).toBe('');
		});

		it('the retention run anonymises a session past its period: stable pseudonyms, institutions as the organization says, once', async () => {
			await seed(store());
			const db = store().db;
			await db.updateTable('organizations').set({ retention_months: 1, retention_keeps_institutions: 0 }).where('id', '=', 'o1').execute();
			expect(await privacy.settings(db, SESSION)).toMatchObject({ effectiveMonths: 1, organizationMonths: 1, institutionsKept: false, anonymisedAt: null });
			expect(await privacy.dueSessions(db, new Date('2025-11-20T00:00:00Z'))).toEqual([]);
			const later = new Date('2025-11-25T00:00:00Z');
			expect(await privacy.dueSessions(db, later)).toEqual([SESSION]);

			const run = await privacy.runRetention(db, undefined, later);
			expect(run.anonymised).toEqual([SESSION]);
			expect(run.byOrganization.get('o1')).toEqual({ sessions: ['S1XXXX'], participants: 3 });

			const people = await db
				.selectFrom('participants')
				.select(['id', 'name', 'institution', 'position', 'sex', 'token_hash', 'consent_version'])
				.orderBy('id')
				.execute();
			expect(people).toEqual(
				PEOPLE.map((p, i) => ({ id: p.id, name: `Peserta ${i + 1}`, institution: '', position: '', sex: '', token_hash: `anonymised:${p.id}`, consent_version: 'v1' }))
			);
			const held = await everyText(db);
			for (const p of PEOPLE) for (const gone of [p.name, p.institution]) expect(held).not.toContain(gone);
			expect((await db.selectFrom('items').select('text').where('id', '=', 'i1').executeTakeFirstOrThrow()).text).toBe('Seperti kata Peserta 2, modal usaha sulit');
			expect((await db.selectFrom('photos').select('caption').executeTakeFirstOrThrow()).caption).toBe('Peserta 2 memaparkan');
			expect((await privacy.settings(db, SESSION)).anonymisedAt).toBe(later.toISOString());
			expect(await auditActions(db)).toEqual(['retention.run sessions=1 participants=3']);
			const seqs = (await db.selectFrom('session_events').select('seq').orderBy('seq').execute()).map((r) => r.seq);

			// Nothing is due the second time: no change, no record, no second audit entry.
			expect((await privacy.runRetention(db, undefined, new Date('2026-01-01T00:00:00Z'))).anonymised).toEqual([]);
			expect((await db.selectFrom('session_events').select('seq').orderBy('seq').execute()).map((r) => r.seq)).toEqual(seqs);
			expect(await auditActions(db)).toHaveLength(1);
		});

		it('anonymising keeps institutions by default and leaves an erased person erased', async () => {
			await seed(store());
			const db = store().db;
			await db.transaction().execute((trx) => privacy.erase(trx, SESSION, 'p2', false));
			const record = await db.transaction().execute((trx) => privacy.anonymise(trx, SESSION, 'retention'));
			expect(record?.event).toEqual({ type: 'session.anonymised', at: expect.any(String), participants: 2, keptInstitutions: true });
			expect((await db.selectFrom('participants').select(['name', 'institution']).orderBy('id').execute())).toEqual([
				{ name: 'Peserta 1', institution: 'Universitas Contoh' },
				{ name: '', institution: '' },
				{ name: 'Peserta 3', institution: 'Kecamatan Loa Kulu' }
			]);
			expect(await db.transaction().execute((trx) => privacy.anonymise(trx, SESSION, 'retention'))).toBeNull();
		});

		it('deleting a session removes every row of it in every table, bytes included, and leaves another session alone', async () => {
			await seed(store());
			const db = store().db;
			await session(db, 's2', null);
			await db
				.insertInto('participants')
				.values({ id: 'q1', session_id: 's2', token_hash: 'x', name: 'Ahmad Fauzi', stakeholder_group: 'pemerintah', consent_at: 'x', consent_version: 'v1', joined_at: 'x', added_by: null, removed_at: null, removed_reason: null, erased_at: null })
				.execute();
			expect(await privacy.deletionCounts(db, SESSION)).toEqual({ items: 3, participants: 3, photos: 1, evidence: 1 });
			const tables = await privacy.sessionTables(db);
			// Found from the database's own schema (on PostgreSQL, this schema's only): the same list on both engines.
			expect(tables).toEqual(
				[
					'action_evidence',
					'action_evidence_blobs',
					'action_rows',
					'action_updates',
					'commands',
					'former_codes',
					'items',
					'links',
					'notes',
					'participants',
					'photos',
					'pic_links',
					'privacy_requests',
					'report_links',
					'session_events',
					'session_facilitators',
					'staff_grants',
					'supports',
					'themes',
					'votes'
				].sort()
			);

			const who = { accountId: null, actor: 'facilitator_link' as const, address: '203.0.113.9' };
			const writes = new GroupCommit(store(), unheard);
			const done = await writes.commit(SESSION, async (trx) => ({ deleted: await privacy.deleteSessionRows(trx, SESSION, who), records: [] }));
			expect(done.deleted).toBe(true);
			await privacy.checkpoint(db);
			for (const table of tables)
				expect(await db.selectFrom(table as 'items').select('session_id').where('session_id', '=', SESSION).execute(), table).toEqual([]);
			expect(await count(db, 'sessions')).toBe(1);
			expect(await count(db, 'photo_blobs')).toBe(0);
			expect(await count(db, 'action_evidence_blobs')).toBe(0);
			const held = await everyText(db);
			for (const p of PEOPLE) expect(held).not.toContain(p.name);
			expect(held).toContain('Ahmad Fauzi');
			// The audit entry outlives the session it names.
			expect(await auditActions(db)).toEqual(['session.deleted FGD s1 (items=3 participants=3 photos=1 evidence=1)']);
			expect(await privacy.deleteSession(db, SESSION)).toBe(false);
			expect(await privacy.deleteSession(db, 's2')).toBe(true);
			expect(await count(db, 'sessions')).toBe(0);
		});
	});
});

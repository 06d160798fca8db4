import { beforeEach, describe, expect, it, vi } from 'vitest';
import { sql } from 'kysely';
import { engineOf, type Database } from './db/store';
import { recordsSince } from './log';
import { boardState } from './sync';
import { addItem, createSession, dumpTables, joinParticipant, send, storedSeqs, type TestParticipant, type TestSession } from '$lib/testing/server';
import { sessionWith } from '$lib/testing/stores';
import { projectRecord } from './visibility';

let db: Database;
let session: TestSession;
let siti: TestParticipant;

beforeEach(async () => {
	({ db, session, people: [siti] } = await sessionWith(['Siti Aminah'])); // seq 1: participant.joined
});

const itemCount = () => db.selectFrom('items').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();

/** From now on every insert into items fails as a full disk would, on this store's engine. */
async function fillDisk() {
	if (engineOf(db) === 'sqlite') {
		await sql`CREATE TRIGGER full_disk BEFORE INSERT ON items BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END`.execute(db);
		return;
	}
	await sql`CREATE FUNCTION full_disk() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'could not extend file: No space left on device' USING ERRCODE = 'disk_full'; END $$`.execute(db);
	await sql`CREATE TRIGGER full_disk BEFORE INSERT ON items FOR EACH ROW EXECUTE FUNCTION full_disk()`.execute(db);
}

describe('sequence numbers', () => {
	it('appends exactly one record per change, numbered after the last', async () => {
		const added = await send(db, siti.identity, { type: 'item.add', kind: 'kendala', text: 'Jalan rusak' });
		expect(added.result).toMatchObject({ ok: true, seq: 2 });
		expect(added.records).toHaveLength(1);
		expect(added.records[0]).toMatchObject({ seq: 2, event: { type: 'item.added' } });

		const itemId = added.result.ok ? added.result.itemId! : '';
		const edited = await send(db, siti.identity, { type: 'item.edit', itemId, text: 'Jalan desa rusak parah' });
		expect(edited.records.map((r) => [r.seq, r.event.type])).toEqual([[3, 'item.edited']]);
		const deleted = await send(db, siti.identity, { type: 'item.delete', itemId });
		expect(deleted.records.map((r) => [r.seq, r.event.type])).toEqual([[4, 'item.deleted']]);
		const settings = await send(db, session.facilitator, { type: 'session.settings', allowAnonymous: false });
		expect(settings.records.map((r) => [r.seq, r.event.type])).toEqual([[5, 'session.settings']]);
		// Closing is the one command that appends two records: the phase ends, then the session.
		const closed = await send(db, session.facilitator, { type: 'session.close' });
		expect(closed.records.map((r) => [r.seq, r.event.type])).toEqual([
			[6, 'phase.changed'],
			[7, 'session.closed']
		]);
		expect(closed.result).toMatchObject({ ok: true, seq: 7 });

		expect(await storedSeqs(db, session.row.id)).toEqual([1, 2, 3, 4, 5, 6, 7]);
	});

	it('stores what it broadcasts', async () => {
		const { records } = await send(db, siti.identity, { type: 'item.add', kind: 'peluang', text: 'Dana CSR tambang' });
		expect(await recordsSince(db, session.row.id, 1, 10)).toEqual(records);
	});

	it('numbers each session on its own, even when interleaved', async () => {
		const other = await createSession(db, { title: 'FGD Musrenbang Sangatta' });
		const budi = await joinParticipant(db, other, 'Budi');
		for (let i = 0; i < 3; i++) {
			await addItem(db, siti.identity, `Kendala A${i}`);
			await addItem(db, budi.identity, `Kendala B${i}`);
		}
		expect(await storedSeqs(db, session.row.id)).toEqual([1, 2, 3, 4]);
		expect(await storedSeqs(db, other.row.id)).toEqual([1, 2, 3, 4]);
	});

	it('a rejected command appends nothing and changes no table', async () => {
		const budi = await joinParticipant(db, session, 'Budi');
		const itemId = await addItem(db, siti.identity);
		const before = await dumpTables(db);

		const refusals: [TestParticipant['identity'], unknown][] = [
			[budi.identity, { type: 'item.edit', itemId, text: 'diubah orang lain' }],
			[budi.identity, { type: 'item.delete', itemId }],
			[siti.identity, { type: 'item.add', kind: 'tidak_ada', text: 'jenis tak dikenal' }],
			[session.presenter, { type: 'session.close' }],
			[session.facilitator, { type: 'session.settings', kinds: [{ key: 'isu', label: 'Isu' }] }]
		];
		for (const [who, command] of refusals) {
			const { result, records } = await send(db, who, command);
			expect(result.ok).toBe(false);
			expect(records).toEqual([]);
		}
		expect(await dumpTables(db)).toEqual(before);
	});
});

describe('idempotency by client command id', () => {
	it('a retried command returns the first result and acts once', async () => {
		const command = { type: 'item.add', kind: 'kendala', text: 'Sinyal 4G lemah' };
		const first = await send(db, siti.identity, command, 'retry-0001');
		const again = await send(db, siti.identity, command, 'retry-0001');

		expect(again.result).toEqual(first.result);
		expect(again.records).toEqual([]);
		expect(await storedSeqs(db, session.row.id)).toEqual([1, 2]);
		expect(await itemCount()).toEqual({ n: 1 });
	});

	it('a retry is recognised by id even after the session has moved on', async () => {
		const first = await send(db, siti.identity, { type: 'item.add', kind: 'kendala', text: 'Banjir musiman' }, 'late-retry-1');
		await send(db, session.facilitator, { type: 'session.close' });
		const again = await send(db, siti.identity, { type: 'item.add', kind: 'kendala', text: 'Banjir musiman' }, 'late-retry-1');
		expect(again.result).toEqual(first.result);
	});

	it('the same id from two participants is two commands', async () => {
		const budi = await joinParticipant(db, session, 'Budi');
		const a = await send(db, siti.identity, { type: 'item.add', kind: 'kendala', text: 'dari Siti' }, 'same-id-01');
		const b = await send(db, budi.identity, { type: 'item.add', kind: 'kendala', text: 'dari Budi' }, 'same-id-01');

		expect(a.result.ok && b.result.ok).toBe(true);
		expect(a.result).not.toEqual(b.result);
		expect(await itemCount()).toEqual({ n: 2 });
	});

	it('a refused command is not remembered, so a later retry is judged afresh', async () => {
		await send(db, session.facilitator, { type: 'session.settings', allowAnonymous: false });
		const command = { type: 'item.add', kind: 'kendala', text: 'rahasia', anonymous: true };
		expect((await send(db, siti.identity, command, 'anon-000001')).result).toMatchObject({ ok: false });
		await send(db, session.facilitator, { type: 'session.settings', allowAnonymous: true });
		expect((await send(db, siti.identity, command, 'anon-000001')).result).toMatchObject({ ok: true });
	});
});

describe('anonymous items', () => {
	it('are broadcast without an author', async () => {
		const { records } = await send(db, siti.identity, { type: 'item.add', kind: 'kendala', text: 'Pungli', anonymous: true });
		expect(records[0].event).toMatchObject({ type: 'item.added', item: { authorId: null, anonymous: true } });
		// The record keeps its owner on the server (so the author can be sent their own copy) …
		expect(records[0].owner).toBe(siti.id);
		expect(JSON.stringify(records.map((r) => r.event))).not.toContain(siti.id);
		expect(JSON.stringify((await recordsSince(db, session.row.id, 1, 10)).map((r) => r.event))).not.toContain(siti.id);
		// … but what any viewer is sent, the author included, never names them.
		const budi = await joinParticipant(db, session, 'Budi');
		const state = await boardState(db, session.row.id);
		for (const viewer of [session.facilitator, session.minutetaker, session.presenter, budi.identity, siti.identity]) {
			const sent = projectRecord(records[0], viewer, state);
			expect(sent, viewer.role).not.toHaveProperty('owner');
			expect(JSON.stringify(sent), viewer.role).not.toContain(siti.id);
		}
	});

	it('named items carry their author', async () => {
		const { records } = await send(db, siti.identity, { type: 'item.add', kind: 'kendala', text: 'Pungli' });
		expect(records[0].event).toMatchObject({ item: { authorId: siti.id, anonymous: false } });
	});
});

describe('storage failures', () => {
	it('answer internal and leave nothing half-written', async () => {
		await fillDisk();
		const before = await dumpTables(db);
		const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
		const { result, records } = await send(db, siti.identity, { type: 'item.add', kind: 'kendala', text: 'hilang?' });
		quiet.mockRestore();
		expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
		expect(records).toEqual([]);
		expect(await dumpTables(db)).toEqual(before);
	});
});

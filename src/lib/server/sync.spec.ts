import { beforeEach, describe, expect, it } from 'vitest';
import { REPLAY_LIMIT, type SessionRecord, type SyncResult } from '../realtime/contract';
import type { Database } from './db/store';
import { sync } from './sync';
import { addItem, createSession, joinParticipant, send, type TestParticipant, type TestSession } from '$lib/testing/server';
import { sessionWith } from '$lib/testing/stores';

let db: Database;
let session: TestSession;
let siti: TestParticipant;

beforeEach(async () => {
	({ db, session, people: [siti] } = await sessionWith(['Siti'])); // seq 1
});

function expectMode<M extends 'events' | 'snapshot'>(result: SyncResult, mode: M) {
	if (!result.ok || result.mode !== mode) throw new Error(`expected ${mode}, got ${JSON.stringify(result).slice(0, 200)}`);
	return result as Extract<SyncResult, { mode: M }>;
}

describe('sync', () => {
	it('gives a snapshot to a client that has nothing yet', async () => {
		const itemId = await addItem(db, siti.identity, 'Jalan rusak');
		const result = expectMode(await sync(db, siti.identity, 0), 'snapshot');
		expect(result.seq).toBe(2);
		expect(result.snapshot.seq).toBe(2);
		expect(result.snapshot.session.code).toBe(session.row.code);
		expect(result.snapshot.participants.map((p) => p.id)).toEqual([siti.id]);
		expect(result.snapshot.items.map((i) => [i.id, i.text])).toEqual([[itemId, 'Jalan rusak']]);
	});

	it('replays exactly the missed records, in order, after a small gap', async () => {
		const missed: SessionRecord[] = [];
		for (const text of ['satu', 'dua', 'tiga']) {
			missed.push(...(await send(db, siti.identity, { type: 'item.add', kind: 'kendala', text })).records);
		}
		const result = expectMode(await sync(db, siti.identity, 1), 'events');
		// The author is sent their own records in full; the server-side owner is never sent.
		expect(result.records).toEqual(missed.map(({ owner: _, ...sent }) => sent));
		expect(result.records.map((r) => r.seq)).toEqual([2, 3, 4]);
		expect(result.seq).toBe(4);
	});

	it('replays nothing to a client that is up to date', async () => {
		await addItem(db, siti.identity);
		const result = expectMode(await sync(db, siti.identity, 2), 'events');
		expect(result.records).toEqual([]);
		expect(result.seq).toBe(2);
	});

	it('replays only this session’s records', async () => {
		const other = await createSession(db, { title: 'FGD lain' });
		await addItem(db, (await joinParticipant(db, other, 'Tamu')).identity);
		await addItem(db, siti.identity);
		const result = expectMode(await sync(db, siti.identity, 1), 'events');
		expect(result.records.map((r) => r.seq)).toEqual([2]);
	});

	it('replays up to REPLAY_LIMIT records and gives a snapshot beyond it', async () => {
		for (let i = 0; i < REPLAY_LIMIT; i++) await addItem(db, siti.identity, `kartu ${i}`);
		// seq is now 1 + REPLAY_LIMIT

		const justInReach = expectMode(await sync(db, siti.identity, 1), 'events');
		expect(justInReach.records).toHaveLength(REPLAY_LIMIT);
		expect(justInReach.records.at(-1)?.seq).toBe(REPLAY_LIMIT + 1);

		await addItem(db, siti.identity, 'satu lagi');
		const tooFar = expectMode(await sync(db, siti.identity, 1), 'snapshot');
		expect(tooFar.snapshot.items).toHaveLength(REPLAY_LIMIT + 1);
		expect(tooFar.seq).toBe(REPLAY_LIMIT + 2);
	});

	it('gives a snapshot to a client that claims to be ahead of the server', async () => {
		await addItem(db, siti.identity);
		const result = expectMode(await sync(db, siti.identity, 99), 'snapshot');
		expect(result.seq).toBe(2);
	});

	it('leaves deleted items out of the snapshot', async () => {
		const kept = await addItem(db, siti.identity, 'tetap');
		const gone = await addItem(db, siti.identity, 'hapus');
		await send(db, siti.identity, { type: 'item.delete', itemId: gone });
		const result = expectMode(await sync(db, siti.identity, 0), 'snapshot');
		expect(result.snapshot.items.map((i) => i.id)).toEqual([kept]);
		expect(result.ownItemIds).toEqual([kept]);
	});

	it('shows the closed state in the snapshot', async () => {
		await send(db, session.facilitator, { type: 'session.close' });
		const result = expectMode(await sync(db, session.presenter, 0), 'snapshot');
		expect(result.snapshot.session.status).toBe('closed');
		expect(result.snapshot.session.closedAt).not.toBeNull();
	});
});

describe('anonymity in sync', () => {
	let budi: TestParticipant;
	let secret: string;
	let named: string;

	beforeEach(async () => {
		budi = await joinParticipant(db, session, 'Budi');
		secret = await addItem(db, siti.identity, 'Ada pungutan liar', { anonymous: true });
		named = await addItem(db, siti.identity, 'Sinyal lemah');
	});

	it('the snapshot shows an anonymous item without its author', async () => {
		const result = expectMode(await sync(db, budi.identity, 0), 'snapshot');
		const item = result.snapshot.items.find((i) => i.id === secret);
		expect(item).toMatchObject({ authorId: null, anonymous: true, text: 'Ada pungutan liar' });
		expect(result.snapshot.items.find((i) => i.id === named)?.authorId).toBe(siti.id);
	});

	it('the author still learns which items are theirs, in both modes', async () => {
		expect(expectMode(await sync(db, siti.identity, 0), 'snapshot').ownItemIds.sort()).toEqual([secret, named].sort());
		expect(expectMode(await sync(db, siti.identity, 2), 'events').ownItemIds.sort()).toEqual([secret, named].sort());
	});

	it('nobody else is told', async () => {
		expect(expectMode(await sync(db, budi.identity, 0), 'snapshot').ownItemIds).toEqual([]);
		expect(expectMode(await sync(db, session.facilitator, 0), 'snapshot').ownItemIds).toEqual([]);
		expect(expectMode(await sync(db, session.presenter, 3), 'events').ownItemIds).toEqual([]);
	});

	it('replayed records do not reveal the author', async () => {
		const result = expectMode(await sync(db, budi.identity, 2), 'events');
		const added = result.records.find((r) => r.event.type === 'item.added' && r.event.item.id === secret);
		expect(added?.event).toMatchObject({ item: { authorId: null, anonymous: true } });
		expect(JSON.stringify(added)).not.toContain(siti.id);
	});
});

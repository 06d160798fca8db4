/**
 * PostgreSQL goes away and comes back (a server of the spec's own, stopped as a crash stops it)
 * while writes keep coming: the process survives, nothing is acknowledged without a commit, every
 * acknowledged write is there after the restart, and seq stays gap-free.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bareSession } from '$lib/testing/engines';
import { PostgresProcess, whyNoPostgresServer } from '$lib/testing/postgres';
import { skipping } from '$lib/testing/services';
import type { SessionRecord } from '../../realtime/contract';
import { GroupCommit } from '../group-commit';
import { recordEvent } from '../log';
import { migratePostgres } from './migrate-postgres';
import { postgresPool, postgresStore, type Store } from './store';

const noServer = skipping('PostgreSQL restart specs', whyNoPostgresServer());

describe.skipIf(noServer)('a PostgreSQL restart under writes', () => {
	const server = new PostgresProcess();
	let store: Store;

	beforeAll(async () => {
		await server.start();
		const migrator = postgresPool(server.url, undefined, 1);
		await migratePostgres(migrator).finally(() => migrator.end());
		store = postgresStore(postgresPool(server.url));
	}, 60_000);
	afterAll(async () => {
		await store?.close();
		await server.destroy();
	});

	it('acknowledges only what it committed, keeps all of it and numbers it without a gap', async () => {
		const sessionId = await bareSession(store);
		const published: SessionRecord[] = [];
		const writes = new GroupCommit(store, (_id, records) => published.push(...records));
		/** Note n of the writer: resolves with its record once committed, rejects otherwise. */
		const write = (n: number) =>
			writes.commit(sessionId, async (trx) => ({ records: [await recordEvent(trx, sessionId, 'minutetaker', { type: 'item.deleted', itemId: `n${n}` })] }));

		const acked = new Set<number>();
		const refused = new Set<number>();
		let n = 0;
		/** One burst of writes at once, as a room's phones send them. */
		const burst = async (size: number) => {
			const ids = Array.from({ length: size }, () => ++n);
			const outcomes = await Promise.allSettled(ids.map(write));
			outcomes.forEach((o, i) => (o.status === 'fulfilled' ? acked : refused).add(ids[i]));
			return outcomes;
		};

		await burst(20);
		expect(acked.size).toBe(20);

		// Crash while a burst is in flight, then write while it is down.
		const inFlight = burst(20);
		await server.crash();
		await inFlight;
		const whileDown = await burst(15);
		expect(whileDown.every((o) => o.status === 'rejected')).toBe(true);

		await server.start();
		// The pool hands out new connections again; what was refused is sent again, as an outbox would.
		const retried = [...refused];
		const again = await Promise.allSettled(retried.map(write));
		expect(again.filter((o) => o.status === 'rejected')).toEqual([]);
		await burst(10);

		const stored = await store.db.selectFrom('session_events').select(['seq', 'payload']).where('session_id', '=', sessionId).orderBy('seq').execute();
		const notes = stored.map((r) => (JSON.parse(r.payload) as { itemId: string }).itemId);
		// Every acknowledged write is there, exactly once (a retry of a refused one may add a second copy
		// of a write whose commit landed before the crash: commands dedupe those by their id, not here).
		for (const id of acked) expect(notes.filter((x) => x === `n${id}`)).toHaveLength(1);
		expect(stored.map((r) => r.seq)).toEqual(stored.map((_, i) => i + 1));
		// Nothing was published that is not stored.
		const storedSeqs = new Set(stored.map((r) => r.seq));
		expect(published.every((r) => storedSeqs.has(r.seq))).toBe(true);
		expect(refused.size).toBeGreaterThanOrEqual(15);
	}, 90_000);
});

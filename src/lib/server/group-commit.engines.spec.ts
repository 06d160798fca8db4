/**
 * The group commit over the store, on both engines: changes written with Kysely commit together,
 * one that throws is undone alone, the publish gets the state read in the committing transaction,
 * a retried command is answered once; on PostgreSQL two nodes committing for one session at the
 * same moment keep its seq gap-free, and sessions commit in lanes of their own. On SQLite, a change
 * that awaits other I/O inside the shared connection's transaction is reported.
 */
import { readFile } from 'node:fs/promises';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { bareSession, forEachEngine } from '$lib/testing/engines';
import { openDatabase } from './db/database';
import { appendRecord } from './db/log-store';
import { sqliteStore, type Store } from './db/store';
import { GroupCommit, type Written } from './group-commit';
import type { CommandEnvelope, SocketIdentity } from '../realtime/contract';
import { createSessionSchema } from '../realtime/schemas';
import * as sessions from './sessions';

/** A change that logs one record through the store. */
const post = (sessionId: string, text: string) => async (trx: Store['db']): Promise<Written> => {
	const { seq, at } = await appendRecord(trx, { sessionId, actor: 'p:1', payload: { type: 'item.added', text } });
	return { records: [{ seq, at, event: { type: 'item.added', text } } as unknown as Written['records'][number]] };
};

const seqsOf = async (store: Store, sessionId: string) =>
	(await store.db.selectFrom('session_events').select('seq').where('session_id', '=', sessionId).orderBy('seq').execute()).map((r) => r.seq);
const oneTo = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
const unheard = () => {};

/** A real session, its minute-taker's identity and a group commit over the store, for whole commands. */
async function minuteTakerOn(store: Store) {
	const { id, code } = await sessions.create(store.db, createSessionSchema.parse({ title: 'FGD', startsAt: '2026-12-04T09:00' }));
	const who: SocketIdentity = { sessionId: id, code, role: 'minutetaker', participantId: null };
	return { who, commits: new GroupCommit(store, unheard) };
}

describe('GroupCommit over the store', () => {
	forEachEngine(({ engine, store, pg }) => {
		it('commits a burst of store changes in one group, each with its own seq, and undoes a failing one alone', async () => {
			const s = await bareSession(store());
			const commits = new GroupCommit(store(), unheard);
			const results = await Promise.allSettled([
				commits.commit(s, post(s, 'satu')),
				commits.commit(s, async (trx) => {
					await post(s, 'dibatalkan')(trx);
					throw new Error('refused after writing');
				}),
				commits.commit(s, post(s, 'dua'))
			]);
			expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
			expect(await seqsOf(store(), s)).toEqual([1, 2]);
		});

		it('publishes with the board state its records were committed in, read inside the transaction', async () => {
			const s = await bareSession(store());
			const heard: (string | undefined)[] = [];
			const commits = new GroupCommit(store(), (_id, _records, state) => heard.push(state?.phase));
			await commits.commit(s, async (trx) => {
				await trx.updateTable('sessions').set({ phase: 'diskusi' }).where('id', '=', s).execute();
				return post(s, 'dalam diskusi')(trx);
			});
			expect(heard).toEqual(['diskusi']);
		});

		it('answers a retried command with its first answer and applies it once, last_seq kept with the log', async () => {
			const { who, commits } = await minuteTakerOn(store());
			const note = { id: 'sama', command: { type: 'note.add', text: 'Catatan sekali' } } as CommandEnvelope;
			const first = await commits.execute(who, note);
			const again = await commits.execute(who, { ...note, command: { type: 'note.add', text: 'Catatan kedua?' } } as CommandEnvelope);
			expect(first.result).toMatchObject({ ok: true, seq: 1 });
			expect(again).toEqual({ result: first.result, records: [] });
			expect(await seqsOf(store(), who.sessionId)).toEqual([1]);
			expect((await store().db.selectFrom('sessions').select('last_seq').where('id', '=', who.sessionId).executeTakeFirstOrThrow()).last_seq).toBe(1);
		});

		if (engine === 'postgres') {
			it('one command sent to two nodes at the same moment is applied once, and both answer alike', async () => {
				const { who } = await minuteTakerOn(store());
				const nodes = [new GroupCommit(pg().open(4), unheard), new GroupCommit(pg().open(4), unheard)];
				for (let round = 0; round < 20; round++) {
					const note = { id: `ulang-${round}`, command: { type: 'note.add', text: `Putaran ${round}` } } as CommandEnvelope;
					const [a, b] = await Promise.all(nodes.map((node) => node.execute(who, note)));
					expect(a.result).toMatchObject({ ok: true });
					expect(b.result).toEqual(a.result);
					expect(a.records.length + b.records.length).toBe(1);
				}
				expect(await seqsOf(store(), who.sessionId)).toEqual(oneTo(20));
				expect(await store().db.selectFrom('commands').select('command_id').where('session_id', '=', who.sessionId).execute()).toHaveLength(20);
			});

			it("commits one session while another session's change still waits on I/O: a lane per session", async () => {
				const [x, y] = [await bareSession(store(), 'sx'), await bareSession(store(), 'sy')];
				const commits = new GroupCommit(store(), unheard);
				let open = () => {};
				const gate = new Promise<void>((resolve) => (open = resolve));
				const slow = commits.commit(x, async (trx) => {
					await gate;
					return post(x, 'lambat')(trx);
				});
				// One lane for every session would keep this behind the gate for ever.
				const quick = await commits.commit(y, post(y, 'cepat'));
				expect(quick.records.map((r) => r.seq)).toEqual([1]);
				open();
				expect((await slow).records.map((r) => r.seq)).toEqual([1]);
			});

			it('keeps seq gap-free and unique when two nodes commit for one session at the same moment', async () => {
				const s = await bareSession(store());
				const nodes = [new GroupCommit(pg().open(), unheard), new GroupCommit(pg().open(), unheard)];
				const writes = Array.from({ length: 120 }, (_, i) => nodes[i % 2].commit(s, post(s, `item ${i}`)));
				const seqs = (await Promise.all(writes)).flatMap((w) => w.records.map((r) => r.seq));
				expect(seqs.sort((a, b) => a - b)).toEqual(oneTo(120));
				expect(await seqsOf(store(), s)).toEqual(oneTo(120));
			});
		}
	});
});

describe('GroupCommit on SQLite', () => {
	const stores: Store[] = [];
	afterEach(async () => {
		vi.restoreAllMocks();
		await Promise.all(stores.splice(0).map((s) => s.close()));
	});

	it('says so when a change awaits other I/O inside the shared transaction, and is quiet otherwise', async () => {
		const store = sqliteStore(openDatabase(':memory:'));
		stores.push(store);
		const s = await bareSession(store);
		const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
		const commits = new GroupCommit(store, unheard);
		await commits.commit(s, post(s, 'store only'));
		expect(logged).not.toHaveBeenCalled();
		await commits.commit(s, async (trx) => {
			await readFile(import.meta.filename);
			return post(s, 'after a file read')(trx);
		});
		expect(logged).toHaveBeenCalledWith(expect.stringMatching(/awaited other I\/O/));
	});
});

/** The one write path publishes: after the commit, each change's records, and only those that were saved. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { CommandEnvelope } from '../realtime/contract';
import { envelopeSchema } from '../realtime/schemas';
import { engineOf, insertionOrder, type Database, type Store, type StoreTransaction } from './db/store';
import { GroupCommit, type Publish } from './group-commit';
import * as sessions from './sessions';
import { commandId, createSession, joinParticipant, poisonCommit, storedSeqs, type TestParticipant, type TestSession } from '$lib/testing/server';
import { freshStore } from '$lib/testing/stores';

let store: Store;
let db: Database;
let session: TestSession;
let siti: TestParticipant;
let budi: TestParticipant;
/** What reached the open screens, in order. */
let published: { sessionId: string; seqs: number[] }[];
const publish: Publish = (sessionId, records) => void published.push({ sessionId, seqs: records.map((r) => r.seq) });

beforeEach(async () => {
	published = [];
	store = await freshStore();
	db = store.db;
	session = await createSession(db);
	siti = await joinParticipant(db, session, 'Siti');
	budi = await joinParticipant(db, session, 'Budi');
});

const envelope = (command: unknown, id = commandId()): CommandEnvelope => envelopeSchema.parse({ id, command });
const add = (text: string, id?: string) => envelope({ type: 'item.add', kind: 'kendala', text }, id);
const itemTexts = async () => (await db.selectFrom('items').select('text').orderBy(insertionOrder(engineOf(db))).execute()).map((r) => r.text);
const lastSeq = async () => (await storedSeqs(db, session.row.id)).at(-1)!;

/**
 * The store with its group transactions watched: `inTransaction()` tells whether the last one
 * begun is still open, on either engine. (Kysely keeps its state in private fields, so every
 * method is called on the real instance.)
 */
function watched(store: Store): Store & { inTransaction(): boolean } {
	let last: StoreTransaction | undefined;
	const db = new Proxy(store.db, {
		get(target, property) {
			if (property === 'startTransaction') return () => ({ execute: async () => (last = await target.startTransaction().execute()) });
			const value = Reflect.get(target, property);
			return typeof value === 'function' ? value.bind(target) : value;
		}
	});
	const inTransaction = () => {
		if (!last) throw new Error('no group transaction was begun through the store');
		return !last.isCommitted && !last.isRolledBack;
	};
	return { ...store, db, inTransaction };
}

describe('GroupCommit publishing', () => {
	it('publishes each change after the commit, after answering its sender', async () => {
		const duringPublish: boolean[] = [];
		const observed = watched(store);
		const commits = new GroupCommit(observed, (sessionId, records) => {
			duringPublish.push(observed.inTransaction());
			publish(sessionId, records);
		});
		const heard: string[] = [];
		const first = await lastSeq();
		const answered = (name: string) => () => heard.push(`${name} answered, ${published.length} published`);
		await Promise.all([commits.execute(siti.identity, add('satu'), answered('siti')), commits.execute(budi.identity, add('dua'), answered('budi'))]);
		expect(heard).toEqual(['siti answered, 0 published', 'budi answered, 1 published']);
		expect(duringPublish).toEqual([false, false]);
		expect(published).toEqual([
			{ sessionId: session.row.id, seqs: [first + 1] },
			{ sessionId: session.row.id, seqs: [first + 2] }
		]);
	});

	it('publishes nothing for a refused command or a recognised retry', async () => {
		const commits = new GroupCommit(store, publish);
		await commits.execute(siti.identity, add('sekali', 'retry-0002'));
		published = [];
		await Promise.all([commits.execute(siti.identity, add('sekali', 'retry-0002')), commits.execute(siti.identity, envelope({ type: 'session.close' }))]);
		expect(published).toEqual([]);
	});

	it('commits an HTTP change in the same group as the commands, and publishes it', async () => {
		const commits = new GroupCommit(store, publish);
		const first = await lastSeq();
		const letterhead = { office: 'BAPPEDA KUTAI TIMUR' };
		const [command, change] = await Promise.all([
			commits.execute(siti.identity, add('satu')),
			commits.commit(session.row.id, async (trx) => ({ records: [await sessions.setLetterhead(trx, session.row.id, 'facilitator', letterhead)], note: 'mine' }))
		]);
		expect(command.result).toMatchObject({ ok: true, seq: first + 1 });
		expect(change).toMatchObject({ note: 'mine', records: [{ seq: first + 2, event: { type: 'session.details' } }] });
		expect(published.map((p) => p.seqs)).toEqual([[first + 1], [first + 2]]);
		expect(sessions.toView(await sessions.byId(db, session.row.id)).details.letterhead).toEqual(letterhead);
	});

	it('a change that throws rejects with its error, undoes only itself, and is not published', async () => {
		const commits = new GroupCommit(store, publish);
		const before = await lastSeq();
		const refusal = new Error('refused halfway');
		const [ok, failed] = await Promise.allSettled([
			commits.execute(siti.identity, add('tetap ada')),
			commits.commit(session.row.id, async (trx) => {
				await sessions.setLetterhead(trx, session.row.id, 'facilitator', { office: 'TIDAK JADI' });
				throw refusal;
			})
		]);
		expect(ok).toMatchObject({ status: 'fulfilled', value: { result: { ok: true } } });
		expect(failed).toEqual({ status: 'rejected', reason: refusal });
		expect(await itemTexts()).toEqual(['tetap ada']);
		expect(sessions.toView(await sessions.byId(db, session.row.id)).details.letterhead).toBeUndefined();
		expect(await lastSeq()).toBe(before + 1);
		expect(published.map((p) => p.seqs)).toEqual([[before + 1]]);
	});

	it('a publisher that throws loses nothing: every change is still answered and saved', async () => {
		const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
		const commits = new GroupCommit(store, () => {
			throw new Error('socket layer broke');
		});
		const outcomes = await Promise.all([commits.execute(siti.identity, add('satu')), commits.execute(budi.identity, add('dua'))]);
		expect(outcomes.map((o) => o.result.ok)).toEqual([true, true]);
		expect(await itemTexts()).toEqual(['satu', 'dua']);
		expect(logged).toHaveBeenCalledTimes(2);
		logged.mockRestore();
	});

	it('publishes nothing when the commit fails', async () => {
		// The second change leaves a deferred foreign-key violation behind, so COMMIT itself fails.
		const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
		const commits = new GroupCommit(store, publish);
		const poisoned = commits.commit(session.row.id, async (tx) => {
			await poisonCommit(tx, session.row.id);
			return { records: [] };
		});
		const [command, change] = await Promise.allSettled([commits.execute(siti.identity, add('hilang')), poisoned]);
		expect(command).toMatchObject({ status: 'fulfilled', value: { result: { ok: false, error: { code: 'internal' } } } });
		expect(change.status).toBe('rejected');
		expect(await itemTexts()).toEqual([]);
		expect(published).toEqual([]);
		logged.mockRestore();
	});
});

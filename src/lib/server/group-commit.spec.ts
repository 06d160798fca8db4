/** Group commit: many commands, one transaction, and still each command's own answer. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { CommandEnvelope } from '../realtime/contract';
import { envelopeSchema } from '../realtime/schemas';
import { execute } from './commands';
import { engineOf, insertionOrder, type Database, type Store } from './db/store';
import { GroupCommit } from './group-commit';
import { commandId, dumpTables, poisonCommit, storedSeqs, type TestParticipant, type TestSession } from '$lib/testing/server';
import { sessionWith } from '$lib/testing/stores';

let db: Database;
let store: Store;
let session: TestSession;
let siti: TestParticipant;
let budi: TestParticipant;

beforeEach(async () => {
	({ db, store, session, people: [siti, budi] } = await sessionWith(['Siti', 'Budi']));
});

const envelope = (command: unknown, id = commandId()): CommandEnvelope => envelopeSchema.parse({ id, command });
const add = (text: string, id?: string) => envelope({ type: 'item.add', kind: 'kendala', text }, id);
const itemTexts = async () => (await db.selectFrom('items').select('text').orderBy(insertionOrder(engineOf(db))).execute()).map((r) => r.text);

/** No screen is open here; what gets published is group-commit.publish.spec.ts's concern. */
const unheard = () => {};

describe('GroupCommit', () => {
	it('runs a burst in one transaction, answering each command with its own seq', async () => {
		const commits = new GroupCommit(store, unheard);
		const first = (await storedSeqs(db, session.row.id)).at(-1)!;
		const outcomes = await Promise.all([
			commits.execute(siti.identity, add('satu')),
			commits.execute(budi.identity, add('dua')),
			commits.execute(siti.identity, add('tiga'))
		]);
		expect(outcomes.map((o) => o.result)).toMatchObject([
			{ ok: true, seq: first + 1 },
			{ ok: true, seq: first + 2 },
			{ ok: true, seq: first + 3 }
		]);
		expect(outcomes.map((o) => o.records.map((r) => r.seq))).toEqual([[first + 1], [first + 2], [first + 3]]);
		expect(await itemTexts()).toEqual(['satu', 'dua', 'tiga']);
		expect(await storedSeqs(db, session.row.id)).toEqual(Array.from({ length: first + 3 }, (_, i) => i + 1));
	});

	it('a refused command in the group changes nothing and does not stop the others', async () => {
		const commits = new GroupCommit(store, unheard);
		const itemId = (await commits.execute(siti.identity, add('milik Siti'))).result;
		expect(itemId.ok).toBe(true);
		const [ok, forbidden, closed] = await Promise.all([
			commits.execute(budi.identity, add('milik Budi')),
			commits.execute(budi.identity, envelope({ type: 'item.delete', itemId: (itemId as { itemId: string }).itemId })),
			commits.execute(siti.identity, envelope({ type: 'session.close' }))
		]);
		expect(ok.result.ok).toBe(true);
		expect(forbidden).toEqual({ result: { ok: false, error: { code: 'forbidden', message: expect.any(String) } }, records: [] });
		expect(closed.result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
		expect(await itemTexts()).toEqual(['milik Siti', 'milik Budi']);
	});

	it('the same id twice in one group acts once and answers twice alike', async () => {
		const commits = new GroupCommit(store, unheard);
		const [a, b] = await Promise.all([commits.execute(siti.identity, add('sekali', 'retry-0001')), commits.execute(siti.identity, add('sekali', 'retry-0001'))]);
		expect(b.result).toEqual(a.result);
		expect(a.records).toHaveLength(1);
		expect(b.records).toEqual([]);
		expect(await itemTexts()).toEqual(['sekali']);
	});

	it('commands sent in different turns of the event loop still all commit, in order', async () => {
		const commits = new GroupCommit(store, unheard);
		const first = commits.execute(siti.identity, add('pertama'));
		await new Promise((resolve) => setImmediate(resolve));
		const second = commits.execute(siti.identity, add('kedua'));
		const [a, b] = await Promise.all([first, second]);
		expect((b.result as { seq: number }).seq).toBe((a.result as { seq: number }).seq + 1);
		expect(await itemTexts()).toEqual(['pertama', 'kedua']);
	});

	it('when the commit fails, every command of the group is answered internal, unsaved and unbroadcast', async () => {
		// The last command leaves a deferred foreign-key violation behind, so COMMIT itself fails.
		const failAtCommit: typeof execute = async (trx, who, env) => {
			const executed = await execute(trx, who, env);
			if (env.id === 'poison-0001') await poisonCommit(trx, session.row.id);
			return executed;
		};
		const before = await dumpTables(db);
		const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
		const commits = new GroupCommit(store, unheard, failAtCommit);
		const outcomes = await Promise.all([commits.execute(siti.identity, add('hilang')), commits.execute(budi.identity, add('racun', 'poison-0001'))]);
		for (const outcome of outcomes) expect(outcome).toEqual({ result: { ok: false, error: { code: 'internal', message: expect.any(String) } }, records: [] });
		expect(await dumpTables(db)).toEqual(before);
		expect(logged).toHaveBeenCalledOnce();
		logged.mockRestore();
		// The group is over: the next command commits normally, with the next seq.
		const next = await commits.execute(siti.identity, add('berikutnya'));
		expect(next.result).toMatchObject({ ok: true, seq: (await storedSeqs(db, session.row.id)).at(-1) });
	});
});

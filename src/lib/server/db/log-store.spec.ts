import { describe, expect, it } from 'vitest';
import { bareSession, forEachEngine } from '$lib/testing/engines';
import { appendRecord, executeBatch, executeOnce, type CommandKey } from './log-store';
import type { Store } from './store';

const key = (sessionId: string, commandId: string, actor = 'p:1'): CommandKey => ({ sessionId, actor, commandId });

/** A command that logs one record and answers with its seq. */
const post = (sessionId: string, text: string) => async (trx: Store['db']) => {
	const { seq } = await appendRecord(trx, { sessionId, actor: 'p:1', payload: { type: 'item.added', text } });
	return { ok: true as const, seq };
};

async function seqsOf(store: Store, sessionId: string): Promise<number[]> {
	const rows = await store.db.selectFrom('session_events').select('seq').where('session_id', '=', sessionId).orderBy('seq').execute();
	return rows.map((r) => r.seq);
}

const oneTo = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe('the log through Kysely', () => {
	forEachEngine(({ engine, store, pg }) => {
		it('allocates seq 1, 2, 3 … in commit order and keeps last_seq with it', async () => {
			const s = await bareSession(store());
			for (let i = 0; i < 5; i++) await executeOnce(store(), key(s, `c${i}`), post(s, `item ${i}`));
			expect(await seqsOf(store(), s)).toEqual(oneTo(5));
			expect((await store().db.selectFrom('sessions').select('last_seq').where('id', '=', s).executeTakeFirstOrThrow()).last_seq).toBe(5);
		});

		it('answers a retry of a command with its first answer, applying it once', async () => {
			const s = await bareSession(store());
			const first = await executeOnce(store(), key(s, 'same'), post(s, 'once'));
			const again = await executeOnce(store(), key(s, 'same'), post(s, 'twice?'));
			expect(again).toEqual(first);
			expect(await seqsOf(store(), s)).toEqual([1]);
		});

		it('commits a batch in one transaction, rolling back the failing command alone, seq still gap-free', async () => {
			const s = await bareSession(store());
			const outcomes = await executeBatch(store(), [
				{ key: key(s, 'a'), apply: post(s, 'first') },
				{
					key: key(s, 'b'),
					apply: async (trx) => {
						await appendRecord(trx, { sessionId: s, actor: 'p:1', payload: { type: 'item.added', text: 'refused after logging' } });
						throw new Error('refused');
					}
				},
				{ key: key(s, 'c'), apply: post(s, 'third') },
				{ key: key(s, 'a'), apply: post(s, 'retry of the first, in the same batch') }
			]);
			expect(outcomes.map((o) => ('result' in o ? o.result : (o.error as Error).message))).toEqual([
				{ ok: true, seq: 1 },
				'refused',
				{ ok: true, seq: 2 },
				{ ok: true, seq: 1 }
			]);
			expect(await seqsOf(store(), s)).toEqual([1, 2]);
			const answered = await store().db.selectFrom('commands').select('command_id').orderBy('command_id').execute();
			expect(answered.map((r) => r.command_id)).toEqual(['a', 'c']);
		});

		if (engine !== 'postgres') return;

		it('two nodes committing 200 records for one session at once: seq is 1..200, unique, gap-free', async () => {
			const s = await bareSession(store());
			const nodes = [pg().open(8), pg().open(8)];
			const answers = await Promise.all(
				oneTo(200).map((i) => executeOnce(nodes[i % 2], key(s, `c${i}`, `p:${i % 7}`), post(s, `item ${i}`)))
			);
			expect(answers.map((a) => a.seq).sort((a, b) => a - b)).toEqual(oneTo(200));
			expect(await seqsOf(store(), s)).toEqual(oneTo(200));
		});

		it('one command id sent to both nodes at once is applied once, and both get the same answer', async () => {
			const s = await bareSession(store());
			const nodes = [pg().open(4), pg().open(4)];
			for (let round = 0; round < 20; round++) {
				const [a, b] = await Promise.all(nodes.map((node) => executeOnce(node, key(s, `retry-${round}`), post(s, `round ${round}`))));
				expect(a).toEqual(b);
			}
			expect(await seqsOf(store(), s)).toEqual(oneTo(20));
			const commands = await store().db.selectFrom('commands').select('command_id').execute();
			expect(commands).toHaveLength(20);
		});

		it('two nodes batching commands of the same two sessions, in opposite orders, neither deadlock nor leave a gap', async () => {
			const [s1, s2] = [await bareSession(store(), 's1'), await bareSession(store(), 's2')];
			const nodes = [pg().open(4), pg().open(4)];
			const batchOf = (node: number, round: number, sessions: string[]) =>
				sessions.flatMap((s) => [0, 1, 2].map((i) => ({ key: key(s, `n${node}-r${round}-${i}`), apply: post(s, `${node}/${round}/${i}`) })));
			const runs = oneTo(10).flatMap((round) => [
				executeBatch(nodes[0], batchOf(0, round, [s1, s2])),
				executeBatch(nodes[1], batchOf(1, round, [s2, s1]))
			]);
			const outcomes = (await Promise.all(runs)).flat();
			expect(outcomes.every((o) => 'result' in o)).toBe(true);
			expect(await seqsOf(store(), s1)).toEqual(oneTo(60));
			expect(await seqsOf(store(), s2)).toEqual(oneTo(60));
		});
	});
});

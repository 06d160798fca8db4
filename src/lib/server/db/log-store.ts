/**
 * The log's promises as Kysely code for both engines, for the one write path: ../group-commit.ts
 * locks the session, ../commands.ts keeps its answers here, ../log.ts appends the records:
 * - gap-free `seq` per session, allocated inside the committing transaction: the UPDATE … RETURNING
 *   of `last_seq` holds the session's row lock until the commit, so a second node committing for the
 *   same session waits, then reads the new value; a rollback gives its number back;
 * - idempotency by (session, actor, command id): the session's row is locked before the earlier
 *   answer is looked up, so a retry landing on another node at the same moment waits for the first
 *   and returns its answer; the primary key on `commands` is the backstop.
 * Both are specified through that write path, in ../group-commit.engines.spec.ts.
 * On SQLite the lock is a no-op: its single writer already serialises whole transactions.
 */
import type { Kysely } from 'kysely';
import { stamp } from '../clock';
import type { Schema } from './schema';
import type { Engine } from './store';

type Executor = Kysely<Schema>;

export interface CommandKey {
	sessionId: string;
	actor: string;
	commandId: string;
}

/** Locks the session's row until the transaction ends (PostgreSQL); false when there is no such session. */
export async function lockSession(trx: Executor, engine: Engine, sessionId: string): Promise<boolean> {
	const row = await trx
		.selectFrom('sessions')
		.select('id')
		.where('id', '=', sessionId)
		.$if(engine === 'postgres', (q) => q.forUpdate())
		.executeTakeFirst();
	return !!row;
}

/** Appends one record to the session's log with the next seq; must run inside the caller's transaction. */
export async function appendRecord(
	trx: Executor,
	input: { sessionId: string; actor: string; payload: unknown; owner?: string | null; accountId?: string | null }
): Promise<{ seq: number; at: string }> {
	const { last_seq: seq, sample_clock_offset_ms: offset } = await trx
		.updateTable('sessions')
		.set((eb) => ({ last_seq: eb('last_seq', '+', 1) }))
		.where('id', '=', input.sessionId)
		.returning(['last_seq', 'sample_clock_offset_ms'])
		.executeTakeFirstOrThrow(() => new Error(`no session ${input.sessionId}`));
	const at = stamp(offset);
	await trx
		.insertInto('session_events')
		.values({
			session_id: input.sessionId,
			seq,
			at,
			actor: input.actor,
			payload: JSON.stringify(input.payload),
			owner: input.owner ?? null,
			account_id: input.accountId ?? null
		})
		.execute();
	return { seq, at };
}

/** The answer a command with this key already got, if it ran before: a retry gets it again. */
export async function earlierAnswer<R>(trx: Executor, key: CommandKey): Promise<R | undefined> {
	const row = await trx
		.selectFrom('commands')
		.select('result')
		.where('session_id', '=', key.sessionId)
		.where('actor', '=', key.actor)
		.where('command_id', '=', key.commandId)
		.executeTakeFirst();
	return row && (JSON.parse(row.result) as R);
}

/** Keeps a command's answer for its retries, in the transaction that applied it; `at` is when it was applied. */
export async function rememberAnswer(trx: Executor, key: CommandKey, result: unknown, at = new Date().toISOString()): Promise<void> {
	await trx
		.insertInto('commands')
		.values({ session_id: key.sessionId, actor: key.actor, command_id: key.commandId, result: JSON.stringify(result), at })
		.execute();
}

/** The session's last seq: what a command that logged nothing is acknowledged at. */
export async function lastSeq(trx: Executor, sessionId: string): Promise<number> {
	const row = await trx.selectFrom('sessions').select('last_seq').where('id', '=', sessionId).executeTakeFirst();
	return row?.last_seq ?? 0;
}


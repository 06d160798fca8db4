/** The per-session event log: gap-free `seq`, appended inside the caller's transaction. */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { SessionEvent, SessionRecord } from '../realtime/contract';
import { appendRecord } from './db/log-store';
import type { Database } from './db/store';

/**
 * The account of the staff member whose command is being applied (see asAccount); null for a
 * secret link or a phone. Scoped per async context rather than held in a variable for the length of
 * a call: a handler may await the store, and the scope must last through its awaits and end with it,
 * not when its first synchronous part returns.
 */
const currentAccount = new AsyncLocalStorage<string | null>();

/**
 * Runs `write`, synchronous or async, with every record it appends through `recordEvent`
 * attributed to `accountId` (session_events.account_id).
 */
export function asAccount<T>(accountId: string | null | undefined, write: () => T): T {
	return currentAccount.run(accountId ?? null, write);
}

/**
 * Appends a record to the session's log: numbered under the session's row lock by `appendRecord`,
 * attributed to the account `asAccount` scoped (or none). `owner` is the participant who may see
 * it in full besides staff (item author, voter). Only inside the caller's transaction (a command's
 * `context.trx`, a group commit's `trx`): outside one, seq and the tables could drift apart.
 */
export async function recordEvent(
	trx: Database,
	sessionId: string,
	actor: string,
	event: SessionEvent,
	owner: string | null = null
): Promise<SessionRecord> {
	if (!trx.isTransaction) throw new Error('recordEvent must run inside a transaction');
	const { seq, at } = await appendRecord(trx, { sessionId, actor, payload: event, owner, accountId: currentAccount.getStore() ?? null });
	return { seq, at, event, owner };
}

/** The seq of the session's latest record; 0 before its first. */
export { lastSeq } from './db/log-store';

type Row = { seq: number; at: string; payload: string; owner: string | null };

const asRecord = (r: Row): SessionRecord => ({ seq: r.seq, at: r.at, event: JSON.parse(r.payload) as SessionEvent, owner: r.owner });

/** Records after `afterSeq`, in order, at most `limit`, with their owners (server side only). */
export async function recordsSince(db: Database, sessionId: string, afterSeq: number, limit: number): Promise<SessionRecord[]> {
	const rows = await db
		.selectFrom('session_events')
		.select(['seq', 'at', 'payload', 'owner'])
		.where('session_id', '=', sessionId)
		.where('seq', '>', afterSeq)
		.orderBy('seq')
		.limit(limit)
		.execute();
	return rows.map(asRecord);
}

type OfType<T extends SessionEvent['type']> = { seq: number; at: string; event: Extract<SessionEvent, { type: T }> };

/**
 * Every record of one event type, in order: e.g. the phase changes the minutes print as a timeline.
 * The same on both engines without a JSON function: the payload is JSON.stringify's, so its top-level
 * `"type":"…"` is in the text as written; LIKE narrows to the records that contain it (a wider match,
 * `_` or a nested "type", is harmless), and the parsed type decides.
 */
export async function recordsOfType<T extends SessionEvent['type']>(db: Database, sessionId: string, type: T): Promise<OfType<T>[]> {
	const rows = await db
		.selectFrom('session_events')
		.select(['seq', 'at', 'payload'])
		.where('session_id', '=', sessionId)
		.where('payload', 'like', `%${JSON.stringify({ type }).slice(1, -1)}%`)
		.orderBy('seq')
		.execute();
	return rows
		.map((r) => ({ seq: r.seq, at: r.at, event: JSON.parse(r.payload) as SessionEvent }))
		.filter((r): r is OfType<T> => r.event.type === type);
}

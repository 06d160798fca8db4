/** The per-session event log: gap-free `seq`, appended inside the caller's transaction. */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { SessionEvent, SessionRecord } from '../realtime/contract';
import { stamp } from './clock';
import type { Db } from './db/database';
import { appendRecord } from './db/log-store';
import { sql } from './db/statements';
import type { Database } from './db/store';

/**
 * The account of the staff member whose command is being applied (see asAccount); null for a
 * secret link or a phone. Scoped per async context rather than held in a variable for the length of
 * a call: a handler may await the store, and the scope must last through its awaits and end with it,
 * not when its first synchronous part returns.
 */
const currentAccount = new AsyncLocalStorage<string | null>();

/**
 * Runs `write`, synchronous or async, with every record it appends through `appendEvent` attributed
 * to `accountId` (session_events.account_id). Code on the store passes the account to
 * `appendRecord` (./db/log-store.ts) itself.
 */
export function asAccount<T>(accountId: string | null | undefined, write: () => T): T {
	return currentAccount.run(accountId ?? null, write);
}

/** `owner` is the participant who may see this change in full besides staff (item author, voter). */
export function appendEvent(
	db: Db,
	sessionId: string,
	actor: string,
	event: SessionEvent,
	owner: string | null = null
): SessionRecord {
	if (!db.inTransaction) throw new Error('appendEvent must run inside a transaction');
	// The session's clock comes with the seq (see ./clock): a sample session keeps its own.
	const { last_seq, offset } = sql(
		db,
		'UPDATE sessions SET last_seq = last_seq + 1 WHERE id = ? RETURNING last_seq, sample_clock_offset_ms AS offset'
	).get(sessionId) as { last_seq: number; offset: number | null };
	const at = stamp(offset);
	sql(db, 'INSERT INTO session_events (session_id, seq, at, actor, payload, owner, account_id) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
		sessionId,
		last_seq,
		at,
		actor,
		JSON.stringify(event),
		owner,
		currentAccount.getStore() ?? null
	);
	return { seq: last_seq, at, event, owner };
}

/**
 * `appendEvent` for modules on the store (either engine): the same record, numbered under the
 * session's row lock by `appendRecord`, attributed to the account `asAccount` scoped (or none).
 * Must run inside the caller's transaction (a command's `context.trx`, a group commit's `trx`).
 */
export async function recordEvent(
	trx: Database,
	sessionId: string,
	actor: string,
	event: SessionEvent,
	owner: string | null = null
): Promise<SessionRecord> {
	const { seq, at } = await appendRecord(trx, { sessionId, actor, payload: event, owner, accountId: currentAccount.getStore() ?? null });
	return { seq, at, event, owner };
}

export function lastSeq(db: Db, sessionId: string): number {
	const row = sql(db, 'SELECT last_seq FROM sessions WHERE id = ?').get(sessionId) as { last_seq: number } | undefined;
	return row?.last_seq ?? 0;
}

/** Records after `afterSeq`, in order, at most `limit`, with their owners (server side only). */
export function recordsSince(db: Db, sessionId: string, afterSeq: number, limit: number): SessionRecord[] {
	const rows = sql(
		db,
		'SELECT seq, at, payload, owner FROM session_events WHERE session_id = ? AND seq > ? ORDER BY seq LIMIT ?'
	).all(sessionId, afterSeq, limit) as { seq: number; at: string; payload: string; owner: string | null }[];
	return rows.map((r) => ({ seq: r.seq, at: r.at, event: JSON.parse(r.payload) as SessionEvent, owner: r.owner }));
}

/** Every record of one event type, in order: e.g. the phase changes the minutes print as a timeline. */
export function recordsOfType<T extends SessionEvent['type']>(
	db: Db,
	sessionId: string,
	type: T
): { seq: number; at: string; event: Extract<SessionEvent, { type: T }> }[] {
	const rows = sql(
		db,
		"SELECT seq, at, payload FROM session_events WHERE session_id = ? AND json_extract(payload, '$.type') = ? ORDER BY seq"
	).all(sessionId, type) as { seq: number; at: string; payload: string }[];
	return rows.map((r) => ({ seq: r.seq, at: r.at, event: JSON.parse(r.payload) as Extract<SessionEvent, { type: T }> }));
}

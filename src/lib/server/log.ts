/** The per-session event log: gap-free `seq`, appended inside the caller's transaction. */
import { AsyncLocalStorage } from 'node:async_hooks';
import { Kysely } from 'kysely';
import type { SessionEvent, SessionRecord } from '../realtime/contract';
import { stamp } from './clock';
import type { Db } from './db/database';
import { allSync, firstSync, sqliteQueries } from './db/bridge';
import { appendRecord, lastSeq as storedLastSeq } from './db/log-store';
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

/**
 * Transition only: the raw SQLite connection of code not converted yet (sync, the minutes, followup,
 * the random-session driver) gets the same query run synchronously through the bridge; a store
 * handle gets a promise. The raw overloads go with the last raw caller.
 */
export function lastSeq(db: Db, sessionId: string): number;
export function lastSeq(db: Database, sessionId: string): Promise<number>;
export function lastSeq(db: Db | Database, sessionId: string): number | Promise<number> {
	if (db instanceof Kysely) return storedLastSeq(db, sessionId);
	return firstSync(db, sqliteQueries.selectFrom('sessions').select('last_seq').where('id', '=', sessionId))?.last_seq ?? 0;
}

type Row = { seq: number; at: string; payload: string; owner: string | null };

const sinceQuery = (db: Database, sessionId: string, afterSeq: number, limit: number) =>
	db
		.selectFrom('session_events')
		.select(['seq', 'at', 'payload', 'owner'])
		.where('session_id', '=', sessionId)
		.where('seq', '>', afterSeq)
		.orderBy('seq')
		.limit(limit);

const asRecord = (r: Row): SessionRecord => ({ seq: r.seq, at: r.at, event: JSON.parse(r.payload) as SessionEvent, owner: r.owner });

/** Records after `afterSeq`, in order, at most `limit`, with their owners (server side only). */
export function recordsSince(db: Db, sessionId: string, afterSeq: number, limit: number): SessionRecord[];
export function recordsSince(db: Database, sessionId: string, afterSeq: number, limit: number): Promise<SessionRecord[]>;
export function recordsSince(db: Db | Database, sessionId: string, afterSeq: number, limit: number): SessionRecord[] | Promise<SessionRecord[]> {
	if (db instanceof Kysely) return sinceQuery(db, sessionId, afterSeq, limit).execute().then((rows) => rows.map(asRecord));
	return allSync(db, sinceQuery(sqliteQueries, sessionId, afterSeq, limit)).map(asRecord);
}

type OfType<T extends SessionEvent['type']> = { seq: number; at: string; event: Extract<SessionEvent, { type: T }> };

/**
 * The same on both engines without a JSON function: the payload is JSON.stringify's, so its top-level
 * `"type":"…"` is in the text as written; LIKE narrows to the records that contain it (a wider match,
 * `_` or a nested "type", is harmless), and the parsed type decides.
 */
const ofTypeQuery = (db: Database, sessionId: string, type: string) =>
	db
		.selectFrom('session_events')
		.select(['seq', 'at', 'payload'])
		.where('session_id', '=', sessionId)
		.where('payload', 'like', `%${JSON.stringify({ type }).slice(1, -1)}%`)
		.orderBy('seq');

function ofType<T extends SessionEvent['type']>(rows: Omit<Row, 'owner'>[], type: T): OfType<T>[] {
	return rows
		.map((r) => ({ seq: r.seq, at: r.at, event: JSON.parse(r.payload) as SessionEvent }))
		.filter((r): r is OfType<T> => r.event.type === type);
}

/** Every record of one event type, in order: e.g. the phase changes the minutes print as a timeline. */
export function recordsOfType<T extends SessionEvent['type']>(db: Db, sessionId: string, type: T): OfType<T>[];
export function recordsOfType<T extends SessionEvent['type']>(db: Database, sessionId: string, type: T): Promise<OfType<T>[]>;
export function recordsOfType<T extends SessionEvent['type']>(db: Db | Database, sessionId: string, type: T): OfType<T>[] | Promise<OfType<T>[]> {
	if (db instanceof Kysely) return ofTypeQuery(db, sessionId, type).execute().then((rows) => ofType(rows, type));
	return ofType(allSync(db, ofTypeQuery(sqliteQueries, sessionId, type)), type);
}

/** The per-session event log: gap-free `seq`, appended inside the caller's transaction. */
import type { SessionEvent, SessionRecord } from '../realtime/contract';
import type { Db } from './db/database';
import { sql } from './db/statements';

export function appendEvent(db: Db, sessionId: string, actor: string, event: SessionEvent): SessionRecord {
	if (!db.inTransaction) throw new Error('appendEvent must run inside a transaction');
	const { last_seq } = sql(db, 'UPDATE sessions SET last_seq = last_seq + 1 WHERE id = ? RETURNING last_seq').get(
		sessionId
	) as { last_seq: number };
	const at = new Date().toISOString();
	sql(db, 'INSERT INTO session_events (session_id, seq, at, actor, payload) VALUES (?, ?, ?, ?, ?)').run(
		sessionId,
		last_seq,
		at,
		actor,
		JSON.stringify(event)
	);
	return { seq: last_seq, at, event };
}

export function lastSeq(db: Db, sessionId: string): number {
	const row = sql(db, 'SELECT last_seq FROM sessions WHERE id = ?').get(sessionId) as { last_seq: number } | undefined;
	return row?.last_seq ?? 0;
}

/** Records after `afterSeq`, in order, at most `limit`. */
export function recordsSince(db: Db, sessionId: string, afterSeq: number, limit: number): SessionRecord[] {
	const rows = sql(
		db,
		'SELECT seq, at, payload FROM session_events WHERE session_id = ? AND seq > ? ORDER BY seq LIMIT ?'
	).all(sessionId, afterSeq, limit) as { seq: number; at: string; payload: string }[];
	return rows.map((r) => ({ seq: r.seq, at: r.at, event: JSON.parse(r.payload) as SessionEvent }));
}

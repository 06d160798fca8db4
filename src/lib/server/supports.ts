/**
 * Support (+1) for an item: one per participant per item. Only a change is logged, so a repeated
 * tap or a resent command adds nothing; a merge carries the supports over to the item kept.
 */
import type { Support } from '../domain/types';
import type { SessionRecord } from '../realtime/contract';
import * as clock from './clock';
import type { Db } from './db/database';
import { sql } from './db/statements';
import { appendEvent } from './log';

export function list(db: Db, sessionId: string): Support[] {
	return sql(db, 'SELECT item_id AS itemId, participant_id AS participantId FROM supports WHERE session_id = ? ORDER BY item_id, participant_id').all(
		sessionId
	) as Support[];
}

export function countFor(db: Db, sessionId: string, itemId: string): number {
	return (sql(db, 'SELECT count(*) AS n FROM supports WHERE session_id = ? AND item_id = ?').get(sessionId, itemId) as { n: number }).n;
}

/** Item id → how many support it, for the items that have any. */
export function counts(db: Db, sessionId: string): Map<string, number> {
	const rows = sql(db, 'SELECT item_id AS itemId, count(*) AS n FROM supports WHERE session_id = ? GROUP BY item_id').all(sessionId) as {
		itemId: string;
		n: number;
	}[];
	return new Map(rows.map((r) => [r.itemId, r.n]));
}

/** Adds or takes back one participant's support; no record when nothing changes. */
export function set(db: Db, sessionId: string, support: Support, supported: boolean): SessionRecord[] {
	const changed = supported
		? sql(db, 'INSERT OR IGNORE INTO supports (session_id, item_id, participant_id, created_at) VALUES (?, ?, ?, ?)').run(
				sessionId,
				support.itemId,
				support.participantId,
				clock.now(db, sessionId)
			).changes
		: sql(db, 'DELETE FROM supports WHERE session_id = ? AND item_id = ? AND participant_id = ?').run(sessionId, support.itemId, support.participantId)
				.changes;
	if (!changed) return [];
	const event = { type: 'item.supported' as const, support, supported, supporters: countFor(db, sessionId, support.itemId) };
	return [appendEvent(db, sessionId, `p:${support.participantId}`, event, support.participantId)];
}

/** A merge: the source's supporters now support the target, each once. */
export function move(db: Db, sessionId: string, fromId: string, toId: string) {
	sql(db, 'UPDATE OR IGNORE supports SET item_id = ? WHERE session_id = ? AND item_id = ?').run(toId, sessionId, fromId);
	sql(db, 'DELETE FROM supports WHERE session_id = ? AND item_id = ?').run(sessionId, fromId);
}

export function removeFor(db: Db, sessionId: string, itemId: string) {
	sql(db, 'DELETE FROM supports WHERE session_id = ? AND item_id = ?').run(sessionId, itemId);
}

/**
 * The room: who may still come in. The facilitator closes or opens the door, sets how many may
 * join by phone, issues a new join code (the old one stops letting people in; secrets opened with
 * it keep working) and removes a participant, whose items stay or are hidden as they choose.
 */
import type { SessionRecord } from '../realtime/contract';
import type { Db } from './db/database';
import type { Database } from './db/store';
import { sql } from './db/statements';
import * as items from './items';
import { appendEvent } from './log';
import { newJoinCode } from './secrets';
import { byCode, type SessionRow } from './sessions';

export const CAPACITY = { default: 1000, min: 1, max: 5000 };

export type Door = 'open' | 'closed';

/** The session a code opens today, or the one it opened before a new code was issued. */
export function byAnyCode(db: Db, code: string): { session: SessionRow; former: boolean } | undefined {
	const current = byCode(db, code);
	if (current) return { session: current, former: false };
	const former = sql(db, 'SELECT s.* FROM former_codes f JOIN sessions s ON s.id = f.session_id WHERE f.code = ?').get(code) as
		| SessionRow
		| undefined;
	return former && { session: former, former: true };
}

/** Participants who joined by phone and are still in: what the capacity counts. */
export function joinedCount(db: Db, sessionId: string): number {
	const row = sql(db, 'SELECT COUNT(*) AS n FROM participants WHERE session_id = ? AND added_by IS NULL AND removed_at IS NULL').get(sessionId) as {
		n: number;
	};
	return row.n;
}

/** Why a new phone may not join now, or null when it may. */
export function refusesJoin(db: Db, session: SessionRow): 'door_closed' | 'room_full' | null {
	if (session.door === 'closed') return 'door_closed';
	if (joinedCount(db, session.id) >= session.capacity) return 'room_full';
	return null;
}

export function setRoom(db: Db, session: SessionRow, room: { door?: Door; capacity?: number }): SessionRecord {
	const door = room.door ?? session.door;
	const capacity = room.capacity ?? session.capacity;
	sql(db, 'UPDATE sessions SET door = ?, capacity = ? WHERE id = ?').run(door, capacity, session.id);
	return appendEvent(db, session.id, 'facilitator', { type: 'session.room', door, capacity });
}

/** A fresh code, never used by any session before (current or former). */
export function newCode(db: Db, session: SessionRow): SessionRecord {
	let code: string;
	do code = newJoinCode();
	while (byAnyCode(db, code));
	sql(db, 'INSERT INTO former_codes (code, session_id) VALUES (?, ?)').run(session.code, session.id);
	sql(db, 'UPDATE sessions SET code = ? WHERE id = ?').run(code, session.id);
	return appendEvent(db, session.id, 'facilitator', { type: 'session.code', code });
}

/** A participant who joined by phone and is still in, or undefined. */
export function findJoined(db: Db, sessionId: string, participantId: string): { id: string } | undefined {
	return sql(db, 'SELECT id FROM participants WHERE session_id = ? AND id = ? AND added_by IS NULL AND removed_at IS NULL').get(
		sessionId,
		participantId
	) as { id: string } | undefined;
}

/**
 * Removes a participant: their phone is told why and may no longer connect; the row stays so the
 * minutes' attendance shows the removal. With `hideItems`, their visible and pending items are
 * hidden with the same reason (staff can still restore them one by one).
 */
export async function removeParticipant(
	db: Db,
	trx: Database,
	session: SessionRow,
	participantId: string,
	reason: string,
	hideItems: boolean
): Promise<SessionRecord[]> {
	const removedAt = new Date().toISOString();
	sql(db, 'UPDATE participants SET removed_at = ?, removed_reason = ? WHERE id = ?').run(removedAt, reason, participantId);
	const records = [appendEvent(db, session.id, 'facilitator', { type: 'participant.removed', participantId, reason }, participantId)];
	if (!hideItems) return records;
	// items is on the store: `trx` is the command's transaction (on SQLite it wraps `db`).
	for (const item of await items.listRows(trx, session.id))
		if (item.author_id === participantId && (item.status === 'visible' || item.status === 'pending')) records.push(await items.hide(trx, item, reason));
	return records;
}

/** Removed phone participants, for the minutes' attendance. */
export function removedParticipants(db: Db, sessionId: string): { id: string; removedAt: string; reason: string }[] {
	return sql(
		db,
		'SELECT id, removed_at AS removedAt, removed_reason AS reason FROM participants WHERE session_id = ? AND removed_reason IS NOT NULL ORDER BY joined_at, rowid'
	).all(sessionId) as { id: string; removedAt: string; reason: string }[];
}

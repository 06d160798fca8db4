/**
 * The room: who may still come in. The facilitator closes or opens the door, sets how many may
 * join by phone, issues a new join code (the old one stops letting people in; secrets opened with
 * it keep working) and removes a participant, whose items stay or are hidden as they choose.
 */
import type { SessionRecord } from '../realtime/contract';
import { engineOf, insertionOrder, type Database } from './db/store';
import * as items from './items';
import { recordEvent } from './log';
import { newJoinCode } from './secrets';
import { byCode, type SessionRow } from './sessions';

export const CAPACITY = { default: 1000, min: 1, max: 5000 };

export type Door = 'open' | 'closed';

/** The session a code opens today, or the one it opened before a new code was issued. */
export async function byAnyCode(db: Database, code: string): Promise<{ session: SessionRow; former: boolean } | undefined> {
	const current = await byCode(db, code);
	if (current) return { session: current, former: false };
	const former = await db
		.selectFrom('former_codes as f')
		.innerJoin('sessions as s', 's.id', 'f.session_id')
		.selectAll('s')
		.where('f.code', '=', code)
		.executeTakeFirst();
	return former && { session: former as SessionRow, former: true };
}

/** Participants who joined by phone and are still in: what the capacity counts. */
export async function joinedCount(db: Database, sessionId: string): Promise<number> {
	const { n } = await db
		.selectFrom('participants')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('session_id', '=', sessionId)
		.where('added_by', 'is', null)
		.where('removed_at', 'is', null)
		.executeTakeFirstOrThrow();
	return Number(n);
}

/** Why a new phone may not join now, or null when it may. */
export async function refusesJoin(db: Database, session: SessionRow): Promise<'door_closed' | 'room_full' | null> {
	if (session.door === 'closed') return 'door_closed';
	if ((await joinedCount(db, session.id)) >= session.capacity) return 'room_full';
	return null;
}

export async function setRoom(trx: Database, session: SessionRow, room: { door?: Door; capacity?: number }): Promise<SessionRecord> {
	const door = room.door ?? session.door;
	const capacity = room.capacity ?? session.capacity;
	await trx.updateTable('sessions').set({ door, capacity }).where('id', '=', session.id).execute();
	return recordEvent(trx, session.id, 'facilitator', { type: 'session.room', door, capacity });
}

/** A fresh code, never used by any session before (current or former). */
export async function newCode(trx: Database, session: SessionRow): Promise<SessionRecord> {
	let code: string;
	do code = newJoinCode();
	while (await byAnyCode(trx, code));
	await trx.insertInto('former_codes').values({ code: session.code, session_id: session.id }).execute();
	await trx.updateTable('sessions').set({ code }).where('id', '=', session.id).execute();
	return recordEvent(trx, session.id, 'facilitator', { type: 'session.code', code });
}

/** A participant who joined by phone and is still in, or undefined. */
export async function findJoined(db: Database, sessionId: string, participantId: string): Promise<{ id: string } | undefined> {
	return db
		.selectFrom('participants')
		.select('id')
		.where('session_id', '=', sessionId)
		.where('id', '=', participantId)
		.where('added_by', 'is', null)
		.where('removed_at', 'is', null)
		.executeTakeFirst();
}

/**
 * Removes a participant: their phone is told why and may no longer connect; the row stays so the
 * minutes' attendance shows the removal. With `hideItems`, their visible and pending items are
 * hidden with the same reason (staff can still restore them one by one).
 */
export async function removeParticipant(
	trx: Database,
	session: SessionRow,
	participantId: string,
	reason: string,
	hideItems: boolean
): Promise<SessionRecord[]> {
	const removedAt = new Date().toISOString();
	await trx.updateTable('participants').set({ removed_at: removedAt, removed_reason: reason }).where('id', '=', participantId).execute();
	const records = [await recordEvent(trx, session.id, 'facilitator', { type: 'participant.removed', participantId, reason }, participantId)];
	if (!hideItems) return records;
	for (const item of await items.listRows(trx, session.id))
		if (item.author_id === participantId && (item.status === 'visible' || item.status === 'pending')) records.push(await items.hide(trx, item, reason));
	return records;
}

/** Removed phone participants, for the minutes' attendance. */
export async function removedParticipants(db: Database, sessionId: string): Promise<{ id: string; removedAt: string; reason: string }[]> {
	const rows = await db
		.selectFrom('participants')
		.select(['id', 'removed_at as removedAt', 'removed_reason as reason'])
		.where('session_id', '=', sessionId)
		.where('removed_reason', 'is not', null)
		.orderBy('joined_at')
		.orderBy(insertionOrder(engineOf(db)))
		.execute();
	return rows as { id: string; removedAt: string; reason: string }[];
}

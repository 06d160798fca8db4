/**
 * Support (+1) for an item: one per participant per item. Only a change is logged, so a repeated
 * tap or a resent command adds nothing; a merge carries the supports over to the item kept.
 * On the store (either engine).
 */
import type { Support } from '../domain/types';
import type { SessionRecord } from '../realtime/contract';
import * as clock from './clock';
import type { Database } from './db/store';
import { recordEvent } from './log';

export async function list(db: Database, sessionId: string): Promise<Support[]> {
	return db
		.selectFrom('supports')
		.select(['item_id as itemId', 'participant_id as participantId'])
		.where('session_id', '=', sessionId)
		.orderBy('item_id')
		.orderBy('participant_id')
		.execute();
}

export async function countFor(db: Database, sessionId: string, itemId: string): Promise<number> {
	const { n } = await db
		.selectFrom('supports')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('session_id', '=', sessionId)
		.where('item_id', '=', itemId)
		.executeTakeFirstOrThrow();
	return Number(n);
}

/** Item id → how many support it, for the items that have any. */
export async function counts(db: Database, sessionId: string): Promise<Map<string, number>> {
	const rows = await db
		.selectFrom('supports')
		.select((eb) => ['item_id', eb.fn.countAll<number>().as('n')])
		.where('session_id', '=', sessionId)
		.groupBy('item_id')
		.execute();
	return new Map(rows.map((r) => [r.item_id, Number(r.n)]));
}

/** Adds or takes back one participant's support; no record when nothing changes. */
export async function set(db: Database, sessionId: string, support: Support, supported: boolean): Promise<SessionRecord[]> {
	const changed = supported
		? (
				await db
					.insertInto('supports')
					.values({ session_id: sessionId, item_id: support.itemId, participant_id: support.participantId, created_at: await clock.now(db, sessionId) })
					.onConflict((oc) => oc.doNothing())
					.executeTakeFirst()
			).numInsertedOrUpdatedRows
		: (
				await db
					.deleteFrom('supports')
					.where('session_id', '=', sessionId)
					.where('item_id', '=', support.itemId)
					.where('participant_id', '=', support.participantId)
					.executeTakeFirst()
			).numDeletedRows;
	if (!changed) return [];
	const event = { type: 'item.supported' as const, support, supported, supporters: await countFor(db, sessionId, support.itemId) };
	return [await recordEvent(db, sessionId, `p:${support.participantId}`, event, support.participantId)];
}

/** A merge: the source's supporters now support the target, each once. */
export async function move(db: Database, sessionId: string, fromId: string, toId: string): Promise<void> {
	await db
		.insertInto('supports')
		.columns(['session_id', 'item_id', 'participant_id', 'created_at'])
		.expression((eb) =>
			eb
				.selectFrom('supports')
				.select((s) => ['session_id', s.cast<string>(s.val(toId), 'text').as('item_id'), 'participant_id', 'created_at'])
				.where('session_id', '=', sessionId)
				.where('item_id', '=', fromId)
		)
		.onConflict((oc) => oc.doNothing())
		.execute();
	await removeFor(db, sessionId, fromId);
}

export async function removeFor(db: Database, sessionId: string, itemId: string): Promise<void> {
	await db.deleteFrom('supports').where('session_id', '=', sessionId).where('item_id', '=', itemId).execute();
}

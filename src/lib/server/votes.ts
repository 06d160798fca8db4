/** Dots placed by participants on items or themes. */
// The votes table is WITHOUT ROWID: order by its key, there is no rowid to order by.
import { countedDots } from '../domain/votes';
import type { Vote, VotingSettings } from '../domain/types';
import type { Database } from './db/store';
import { recordEvent } from './log';

export async function list(db: Database, sessionId: string): Promise<Vote[]> {
	return db
		.selectFrom('votes')
		.select(['participant_id as participantId', 'target_id as targetId', 'count'])
		.where('session_id', '=', sessionId)
		.orderBy('participant_id')
		.orderBy('target_id')
		.execute();
}

export async function voterCount(db: Database, sessionId: string): Promise<number> {
	const row = await db
		.selectFrom('votes')
		.select((eb) => eb.fn.count<number>('participant_id').distinct().as('n'))
		.where('session_id', '=', sessionId)
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

/** What one participant has placed now: target → dots. Read inside the voting transaction. */
export async function placedBy(db: Database, sessionId: string, participantId: string): Promise<Map<string, number>> {
	const rows = await db
		.selectFrom('votes')
		.select(['target_id', 'count'])
		.where('session_id', '=', sessionId)
		.where('participant_id', '=', participantId)
		.execute();
	return new Map(rows.map((r) => [r.target_id, r.count]));
}

/**
 * The dots that count against the participant's budget now: those on the current vote targets
 * (live themes, or items visible on the board), by the rule of `countedDots` in domain/votes.
 */
export async function countedBy(
	db: Database,
	sessionId: string,
	participantId: string,
	target: VotingSettings['target']
): Promise<Map<string, number>> {
	const placed = await placedBy(db, sessionId, participantId);
	if (placed.size === 0) return placed;
	const ids = [...placed.keys()];
	const live =
		target === 'themes'
			? await db.selectFrom('themes').select('id').where('session_id', '=', sessionId).where('id', 'in', ids).where('deleted_at', 'is', null).execute()
			: await db
					.selectFrom('items')
					.select('id')
					.where('session_id', '=', sessionId)
					.where('id', 'in', ids)
					.where('deleted_at', 'is', null)
					.where('status', '=', 'visible')
					.execute();
	const targets = new Set(live.map((r) => r.id));
	return countedDots(placed, (id) => targets.has(id));
}

export async function set(db: Database, sessionId: string, vote: Vote) {
	if (vote.count === 0)
		await db
			.deleteFrom('votes')
			.where('session_id', '=', sessionId)
			.where('participant_id', '=', vote.participantId)
			.where('target_id', '=', vote.targetId)
			.execute();
	else
		await db
			.insertInto('votes')
			.values({ session_id: sessionId, participant_id: vote.participantId, target_id: vote.targetId, count: vote.count })
			.onConflict((oc) => oc.columns(['session_id', 'participant_id', 'target_id']).doUpdateSet((eb) => ({ count: eb.ref('excluded.count') })))
			.execute();
	return recordEvent(db, sessionId, `p:${vote.participantId}`, { type: 'vote.set', vote }, vote.participantId);
}

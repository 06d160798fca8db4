/** Dots placed by participants on items or themes. */
// The votes table is WITHOUT ROWID: order by its key, there is no rowid to order by.
import { countedDots } from '../domain/votes';
import type { Vote, VotingSettings } from '../domain/types';
import type { Db } from './db/database';
import { sql } from './db/statements';
import * as items from './items';
import { appendEvent } from './log';
import * as themes from './themes';

export function list(db: Db, sessionId: string): Vote[] {
	return sql(
		db,
		'SELECT participant_id AS participantId, target_id AS targetId, count FROM votes WHERE session_id = ? ORDER BY participant_id, target_id'
	).all(sessionId) as Vote[];
}

export function voterCount(db: Db, sessionId: string): number {
	return (sql(db, 'SELECT count(DISTINCT participant_id) AS n FROM votes WHERE session_id = ?').get(sessionId) as { n: number }).n;
}

/** What one participant has placed now: target → dots. Read inside the voting transaction. */
export function placedBy(db: Db, sessionId: string, participantId: string): Map<string, number> {
	const rows = sql(db, 'SELECT target_id, count FROM votes WHERE session_id = ? AND participant_id = ?').all(
		sessionId,
		participantId
	) as { target_id: string; count: number }[];
	return new Map(rows.map((r) => [r.target_id, r.count]));
}

/**
 * The dots that count against the participant's budget now: those on the current vote targets
 * (themes, or items on the board), by the rule of `countedDots` in domain/votes.
 */
export function countedBy(db: Db, sessionId: string, participantId: string, target: VotingSettings['target']): Map<string, number> {
	const isTarget = (id: string) =>
		target === 'themes' ? themes.find(db, sessionId, id) !== undefined : items.find(db, sessionId, id)?.status === 'visible';
	return countedDots(placedBy(db, sessionId, participantId), isTarget);
}

export function set(db: Db, sessionId: string, vote: Vote) {
	if (vote.count === 0)
		sql(db, 'DELETE FROM votes WHERE session_id = ? AND participant_id = ? AND target_id = ?').run(sessionId, vote.participantId, vote.targetId);
	else
		sql(
			db,
			`INSERT INTO votes (session_id, participant_id, target_id, count) VALUES (?, ?, ?, ?)
			 ON CONFLICT (session_id, participant_id, target_id) DO UPDATE SET count = excluded.count`
		).run(sessionId, vote.participantId, vote.targetId, vote.count);
	return appendEvent(db, sessionId, `p:${vote.participantId}`, { type: 'vote.set', vote }, vote.participantId);
}

/** Which constraints a recommendation addresses and which opportunities it uses. */
// The links table is WITHOUT ROWID: order by its key, there is no rowid to order by.
import type { Link } from '../domain/types';
import type { Db } from './db/database';
import { sql } from './db/statements';
import { appendEvent } from './log';

export function list(db: Db, sessionId: string): Link[] {
	return sql(
		db,
		'SELECT recommendation_id AS recommendationId, target_id AS targetId FROM links WHERE session_id = ? ORDER BY recommendation_id, target_id'
	).all(sessionId) as Link[];
}

export function set(db: Db, sessionId: string, actor: string, link: Link, linked: boolean) {
	if (linked)
		sql(db, 'INSERT OR IGNORE INTO links (session_id, recommendation_id, target_id) VALUES (?, ?, ?)').run(sessionId, link.recommendationId, link.targetId);
	else
		sql(db, 'DELETE FROM links WHERE session_id = ? AND recommendation_id = ? AND target_id = ?').run(sessionId, link.recommendationId, link.targetId);
	return appendEvent(db, sessionId, actor, { type: 'link.set', link, linked });
}

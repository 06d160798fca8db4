/** Which constraints a recommendation addresses and which opportunities it uses. On the store (either engine). */
// The links table is WITHOUT ROWID on SQLite and has no `pos` on PostgreSQL: order by its key.
import type { Link } from '../domain/types';
import type { SessionRecord } from '../realtime/contract';
import type { Database } from './db/store';
import { recordEvent } from './log';

export async function list(db: Database, sessionId: string): Promise<Link[]> {
	return db
		.selectFrom('links')
		.select(['recommendation_id as recommendationId', 'target_id as targetId'])
		.where('session_id', '=', sessionId)
		.orderBy('recommendation_id')
		.orderBy('target_id')
		.execute();
}

/** Links or unlinks; linking twice keeps one link. Recorded either way, as before. */
export async function set(db: Database, sessionId: string, actor: string, link: Link, linked: boolean): Promise<SessionRecord> {
	if (linked)
		await db
			.insertInto('links')
			.values({ session_id: sessionId, recommendation_id: link.recommendationId, target_id: link.targetId })
			.onConflict((oc) => oc.doNothing())
			.execute();
	else
		await db
			.deleteFrom('links')
			.where('session_id', '=', sessionId)
			.where('recommendation_id', '=', link.recommendationId)
			.where('target_id', '=', link.targetId)
			.execute();
	return recordEvent(db, sessionId, actor, { type: 'link.set', link, linked });
}

/**
 * The projector's spotlight: one post or one theme shown large. A spotlit target that is hidden,
 * deleted, merged away or no longer exists takes the spotlight down with it, whatever command did it.
 */
import type { Spotlight } from '../domain/types';
import type { SessionRecord } from '../realtime/contract';
import type { Db } from './db/database';
import * as items from './items';
import * as sessions from './sessions';
import * as themes from './themes';

/** Whether the room may see the target now (a pending or hidden post may not be spotlit). */
export function shows(db: Db, sessionId: string, spotlight: NonNullable<Spotlight>): boolean {
	if (spotlight.kind === 'theme') return themes.find(db, sessionId, spotlight.id) !== undefined;
	return items.find(db, sessionId, spotlight.id)?.status === 'visible';
}

/** After a command: the record taking the spotlight down when its target has gone, else nothing. */
export function followUp(db: Db, row: sessions.SessionRow): SessionRecord[] {
	if (!row.spotlight) return [];
	const now = sessions.byId(db, row.id);
	const spotlight: Spotlight = now.spotlight ? JSON.parse(now.spotlight) : null;
	if (!spotlight || shows(db, row.id, spotlight)) return [];
	return [sessions.setSpotlight(db, now, null)];
}

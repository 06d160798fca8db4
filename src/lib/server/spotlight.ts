/**
 * The projector's spotlight: one post or one theme shown large. A spotlit target that is hidden,
 * deleted, merged away or no longer exists takes the spotlight down with it, whatever command did it.
 */
import type { Spotlight } from '../domain/types';
import type { SessionRecord } from '../realtime/contract';
import type { Db } from './db/database';
import type { Database } from './db/store';
import * as items from './items';
import * as sessions from './sessions';
import * as themes from './themes';

/** Whether the room may see the target now (a pending or hidden post may not be spotlit). */
export async function shows(db: Db, trx: Database, sessionId: string, spotlight: NonNullable<Spotlight>): Promise<boolean> {
	if (spotlight.kind === 'theme') return (await themes.find(trx, sessionId, spotlight.id)) !== undefined;
	return items.find(db, sessionId, spotlight.id)?.status === 'visible';
}

/** After a command: the record taking the spotlight down when its target has gone, else nothing. */
export async function followUp(db: Db, trx: Database, row: sessions.SessionRow): Promise<SessionRecord[]> {
	if (!row.spotlight) return [];
	const now = sessions.byId(db, row.id);
	const spotlight: Spotlight = now.spotlight ? JSON.parse(now.spotlight) : null;
	if (!spotlight || (await shows(db, trx, row.id, spotlight))) return [];
	return [sessions.setSpotlight(db, now, null)];
}

/**
 * The projector's spotlight: one post or one theme shown large. A spotlit target that is hidden,
 * deleted, merged away or no longer exists takes the spotlight down with it, whatever command did it.
 */
import type { Spotlight } from '../domain/types';
import type { SessionRecord } from '../realtime/contract';
import type { Database } from './db/store';
import * as items from './items';
import * as sessions from './sessions';
import * as themes from './themes';

/** Whether the room may see the target now (a pending or hidden post may not be spotlit). */
export async function shows(db: Database, sessionId: string, spotlight: NonNullable<Spotlight>): Promise<boolean> {
	if (spotlight.kind === 'theme') return (await themes.find(db, sessionId, spotlight.id)) !== undefined;
	return (await items.find(db, sessionId, spotlight.id))?.status === 'visible';
}

/** After a command: the record taking the spotlight down when its target has gone, else nothing. */
export async function followUp(db: Database, row: sessions.SessionRow): Promise<SessionRecord[]> {
	if (!row.spotlight) return [];
	const now = await sessions.byId(db, row.id);
	const spotlight: Spotlight = now.spotlight ? JSON.parse(now.spotlight) : null;
	if (!spotlight || (await shows(db, row.id, spotlight))) return [];
	return [await sessions.setSpotlight(db, now, null)];
}

/** Named themes that the facilitator groups items into. */
import type { Theme } from '../domain/types';
import { engineOf, insertionOrder, type Database } from './db/store';
import { recordEvent } from './log';
import { newId } from './secrets';

/** The live themes in the facilitator's order; two at one position keep the order they were made in. */
export async function list(db: Database, sessionId: string): Promise<Theme[]> {
	return db
		.selectFrom('themes')
		.select(['id', 'name', 'position'])
		.where('session_id', '=', sessionId)
		.where('deleted_at', 'is', null)
		.orderBy('position')
		.orderBy(insertionOrder(engineOf(db)))
		.execute();
}

export async function find(db: Database, sessionId: string, themeId: string): Promise<Theme | undefined> {
	return db
		.selectFrom('themes')
		.select(['id', 'name', 'position'])
		.where('session_id', '=', sessionId)
		.where('id', '=', themeId)
		.where('deleted_at', 'is', null)
		.executeTakeFirst();
}

export async function create(db: Database, sessionId: string, name: string) {
	const theme: Theme = { id: newId(), name, position: (await list(db, sessionId)).length };
	await db.insertInto('themes').values({ id: theme.id, session_id: sessionId, name, position: theme.position }).execute();
	return recordEvent(db, sessionId, 'facilitator', { type: 'theme.saved', theme });
}

export async function rename(db: Database, sessionId: string, theme: Theme, name: string) {
	await db.updateTable('themes').set({ name }).where('id', '=', theme.id).execute();
	return recordEvent(db, sessionId, 'facilitator', { type: 'theme.saved', theme: { ...theme, name } });
}

/** Its items go back to "ungrouped"; votes on the theme are dropped with it. */
export async function remove(db: Database, sessionId: string, themeId: string) {
	await db.updateTable('themes').set({ deleted_at: new Date().toISOString() }).where('id', '=', themeId).execute();
	await db.updateTable('items').set({ theme_id: null }).where('session_id', '=', sessionId).where('theme_id', '=', themeId).execute();
	await db.deleteFrom('votes').where('session_id', '=', sessionId).where('target_id', '=', themeId).execute();
	return recordEvent(db, sessionId, 'facilitator', { type: 'theme.deleted', themeId });
}

/** `themeIds` lists every theme once, in the new order. */
export async function order(db: Database, sessionId: string, themeIds: string[]) {
	for (const [position, id] of themeIds.entries())
		await db.updateTable('themes').set({ position }).where('id', '=', id).where('session_id', '=', sessionId).execute();
	return recordEvent(db, sessionId, 'facilitator', { type: 'themes.ordered', themeIds });
}

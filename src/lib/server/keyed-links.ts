/**
 * Revocable keyed links of a session (report links, PIC update links): one secret per link,
 * handed out once at creation, only its hash kept; revoking one stops it on the next request
 * without touching the facilitator's key or the other links.
 */
import { engineOf, insertionOrder, type Database } from './db/store';
import { hashSecret, newId, newSecret, secretMatches } from './secrets';

/** The tables that hold such links; each has id, session_id, key_hash, created_at, revoked_at. */
export type LinkTable = 'report_links' | 'pic_links';

export interface KeyedLinkRow {
	id: string;
	session_id: string;
	key_hash: string;
	created_at: string;
	revoked_at: string | null;
}

/**
 * A new link; `key` is the secret, never stored and never shown again. `extra` fills the table's
 * own columns (names from the caller's code, never from input).
 */
export async function createLink(
	db: Database,
	table: LinkTable,
	sessionId: string,
	now = new Date(),
	extra: Record<string, string> = {}
): Promise<{ id: string; createdAt: string; key: string }> {
	const id = newId();
	const key = newSecret();
	const createdAt = now.toISOString();
	// The two tables differ only by `extra`'s columns, which the caller names for its own table.
	await db
		.insertInto(table)
		.values({ id, session_id: sessionId, key_hash: hashSecret(key), created_at: createdAt, ...extra } as KeyedLinkRow & { institution: string })
		.execute();
	return { id, createdAt, key };
}

/** Every link of the session, revoked ones too, oldest first. */
export async function listLinks<R extends KeyedLinkRow>(db: Database, table: LinkTable, sessionId: string): Promise<R[]> {
	const rows = await db
		.selectFrom(table)
		.selectAll()
		.where('session_id', '=', sessionId)
		.orderBy('created_at')
		.orderBy(insertionOrder(engineOf(db)))
		.execute();
	return rows as R[];
}

/** False when the session has no such link; revoking twice keeps the first time. */
export async function revokeLink(db: Database, table: LinkTable, sessionId: string, id: string, now = new Date()): Promise<boolean> {
	const result = await db
		.updateTable(table)
		.set((eb) => ({ revoked_at: eb.fn.coalesce('revoked_at', eb.val(now.toISOString())) }))
		.where('session_id', '=', sessionId)
		.where('id', '=', id)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) > 0;
}

/**
 * The live link of the session that `key` opens, or null. Every link's hash is compared in
 * constant time; a session has a handful of links, so trying them all costs nothing.
 */
export async function findLiveLink<R extends KeyedLinkRow>(db: Database, table: LinkTable, sessionId: string, key: string): Promise<R | null> {
	const rows = (await db.selectFrom(table).selectAll().where('session_id', '=', sessionId).where('revoked_at', 'is', null).execute()) as R[];
	let found: R | null = null;
	for (const row of rows) if (secretMatches(key, row.key_hash)) found = row;
	return found;
}

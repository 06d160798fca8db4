/**
 * Revocable keyed links of a session (report links, PIC update links): one secret per link,
 * handed out once at creation, only its hash kept; revoking one stops it on the next request
 * without touching the facilitator's key or the other links.
 */
import type { Db } from './db/database';
import { sql } from './db/statements';
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
export function createLink(
	db: Db,
	table: LinkTable,
	sessionId: string,
	now = new Date(),
	extra: Record<string, string> = {}
): { id: string; createdAt: string; key: string } {
	const id = newId();
	const key = newSecret();
	const createdAt = now.toISOString();
	const columns = ['id', 'session_id', 'key_hash', 'created_at', ...Object.keys(extra)];
	sql(db, `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`).run(
		id,
		sessionId,
		hashSecret(key),
		createdAt,
		...Object.values(extra)
	);
	return { id, createdAt, key };
}

/** Every link of the session, revoked ones too, oldest first. */
export function listLinks<R extends KeyedLinkRow>(db: Db, table: LinkTable, sessionId: string): R[] {
	return sql(db, `SELECT * FROM ${table} WHERE session_id = ? ORDER BY created_at, rowid`).all(sessionId) as R[];
}

/** False when the session has no such link; revoking twice keeps the first time. */
export function revokeLink(db: Db, table: LinkTable, sessionId: string, id: string, now = new Date()): boolean {
	const result = sql(db, `UPDATE ${table} SET revoked_at = COALESCE(revoked_at, ?) WHERE session_id = ? AND id = ?`).run(now.toISOString(), sessionId, id);
	return result.changes > 0;
}

/**
 * The live link of the session that `key` opens, or null. Every link's hash is compared in
 * constant time; a session has a handful of links, so trying them all costs nothing.
 */
export function findLiveLink<R extends KeyedLinkRow>(db: Db, table: LinkTable, sessionId: string, key: string): R | null {
	const rows = sql(db, `SELECT * FROM ${table} WHERE session_id = ? AND revoked_at IS NULL`).all(sessionId) as R[];
	let found: R | null = null;
	for (const row of rows) if (secretMatches(key, row.key_hash)) found = row;
	return found;
}

/**
 * Report links: a read-only key per organizer, opening the minutes and the summary of one
 * session and nothing else. The secret is handed out once, at creation; only its hash is kept.
 */
import type { Db } from './db/database';
import { sql } from './db/statements';
import { hashSecret, newId, newSecret, secretMatches } from './secrets';

export interface ReportLink {
	id: string;
	/** ISO instant. */
	createdAt: string;
	/** ISO instant; null while the link works. */
	revokedAt: string | null;
}

interface ReportLinkRow {
	id: string;
	session_id: string;
	key_hash: string;
	created_at: string;
	revoked_at: string | null;
}

const toLink = (row: ReportLinkRow): ReportLink => ({ id: row.id, createdAt: row.created_at, revokedAt: row.revoked_at });

/** A new link; `key` is the secret, never stored and never shown again. */
export function create(db: Db, sessionId: string, now = new Date()): ReportLink & { key: string } {
	const id = newId();
	const key = newSecret();
	const createdAt = now.toISOString();
	sql(db, 'INSERT INTO report_links (id, session_id, key_hash, created_at) VALUES (?, ?, ?, ?)').run(id, sessionId, hashSecret(key), createdAt);
	return { id, createdAt, revokedAt: null, key };
}

/** Every link of the session, revoked ones too, oldest first. */
export function list(db: Db, sessionId: string): ReportLink[] {
	const rows = sql(db, 'SELECT * FROM report_links WHERE session_id = ? ORDER BY created_at, rowid').all(sessionId) as ReportLinkRow[];
	return rows.map(toLink);
}

/** False when the session has no such link; revoking twice keeps the first time. */
export function revoke(db: Db, sessionId: string, id: string, now = new Date()): boolean {
	const result = sql(db, 'UPDATE report_links SET revoked_at = COALESCE(revoked_at, ?) WHERE session_id = ? AND id = ?').run(
		now.toISOString(),
		sessionId,
		id
	);
	return result.changes > 0;
}

/**
 * Whether `key` opens a live link of the session. Every link's hash is compared in constant
 * time; a session has a handful of links, so trying them all costs nothing.
 */
export function check(db: Db, sessionId: string, key: string): boolean {
	const rows = sql(db, 'SELECT * FROM report_links WHERE session_id = ? AND revoked_at IS NULL').all(sessionId) as ReportLinkRow[];
	let found = false;
	for (const row of rows) if (secretMatches(key, row.key_hash)) found = true;
	return found;
}

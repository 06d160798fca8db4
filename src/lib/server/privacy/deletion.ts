/**
 * Deleting a whole session: what it loses (for the confirmation), then every row of it in every
 * table, with SQLite's secure delete and a checkpoint so no freed page or WAL frame keeps a copy.
 */
import type { Db } from '../db/database';
import { sql } from '../db/statements';
import * as audit from '../accounts/audit';

/** What deleting a session loses, for the confirmation. */
export function deletionCounts(db: Db, sessionId: string): { items: number; participants: number; photos: number; evidence: number } {
	const count = (table: string, extra = '') =>
		(sql(db, `SELECT COUNT(*) AS n FROM ${table} WHERE session_id = ?${extra}`).get(sessionId) as { n: number }).n;
	return {
		items: count('items', ' AND deleted_at IS NULL'),
		participants: count('participants', ' AND (removed_at IS NULL OR removed_reason IS NOT NULL)'),
		photos: count('photos'),
		evidence: count('action_evidence')
	};
}

/** Every table holding rows of a session (a `session_id` column), found from the schema so a table added later is not missed. */
export function sessionTables(db: Db): string[] {
	const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[];
	return tables
		.map((t) => t.name)
		.filter((name) => name !== 'sessions' && (db.pragma(`table_info(${JSON.stringify(name)})`) as { name: string }[]).some((c) => c.name === 'session_id'));
}

/**
 * Deletes the session and everything of it: rows in every table (the photos' bytes with their
 * photos, the follow-up's evidence files with their updates), with SQLite's secure delete so the freed pages hold no copy. Rembuk keeps no files
 * outside the database (photos are stored in it, exports are made on request), so nothing is
 * left on disk. Returns false when there was no such session.
 */
export function deleteSession(db: Db, sessionId: string, who?: audit.SessionActor): boolean {
	const done = db.transaction(() => deleteSessionRows(db, sessionId, who))();
	if (done) checkpoint(db);
	return done;
}

/** `deleteSession` inside the caller's transaction (the write path's commit); checkpoint afterwards. */
export function deleteSessionRows(db: Db, sessionId: string, who: audit.SessionActor = { accountId: null, actor: 'facilitator_link', address: '' }): boolean {
	if (!db.inTransaction) throw new Error('deleteSessionRows must run inside a transaction');
	const session = sql(db, 'SELECT title FROM sessions WHERE id = ?').get(sessionId) as { title: string } | undefined;
	if (!session) return false;
	const { title } = session;
	// Recorded first, while the session still says which organization it belonged to; the log entry outlives it.
	const lost = deletionCounts(db, sessionId);
	audit.recordForSession(db, sessionId, who, {
		action: 'session.deleted',
		detail: `${title} (items=${lost.items} participants=${lost.participants} photos=${lost.photos} evidence=${lost.evidence})`
	});
	db.pragma('defer_foreign_keys = ON');
	sql(db, 'DELETE FROM photo_blobs WHERE photo_id IN (SELECT id FROM photos WHERE session_id = ?)').run(sessionId);
	// Photo bytes are keyed by photo only; every other table (the evidence files' bytes too) carries session_id.
	for (const table of sessionTables(db)) db.prepare(`DELETE FROM "${table}" WHERE session_id = ?`).run(sessionId);
	sql(db, 'DELETE FROM sessions WHERE id = ?').run(sessionId);
	return true;
}

/** Moves the WAL into the database file and empties it, so no old page version keeps removed text. */
export function checkpoint(db: Db): void {
	if (db.memory) return;
	db.pragma('wal_checkpoint(TRUNCATE)');
}

/**
 * Deleting a whole session: what it loses (for the confirmation), then every row of it in every
 * table. On SQLite, with secure delete (set on every connection by db/database.ts) and a checkpoint
 * so no freed page or WAL frame keeps a copy; on PostgreSQL see `checkpoint` for what stands in.
 */
import { sql } from 'kysely';
import { engineOf, type Database } from '../db/store';
import * as audit from '../accounts/audit';

/** What deleting a session loses, for the confirmation. */
export async function deletionCounts(db: Database, sessionId: string): Promise<{ items: number; participants: number; photos: number; evidence: number }> {
	const n = (row: { n: number | string | bigint } | undefined) => Number(row?.n ?? 0);
	const items = await db.selectFrom('items').select((eb) => eb.fn.countAll().as('n')).where('session_id', '=', sessionId).where('deleted_at', 'is', null).executeTakeFirst();
	const participants = await db
		.selectFrom('participants')
		.select((eb) => eb.fn.countAll().as('n'))
		.where('session_id', '=', sessionId)
		.where((eb) => eb.or([eb('removed_at', 'is', null), eb('removed_reason', 'is not', null)]))
		.executeTakeFirst();
	const photos = await db.selectFrom('photos').select((eb) => eb.fn.countAll().as('n')).where('session_id', '=', sessionId).executeTakeFirst();
	const evidence = await db.selectFrom('action_evidence').select((eb) => eb.fn.countAll().as('n')).where('session_id', '=', sessionId).executeTakeFirst();
	return { items: n(items), participants: n(participants), photos: n(photos), evidence: n(evidence) };
}

/**
 * Every table holding rows of a session (a `session_id` column), found from the database's own
 * schema so a table added later is not missed. On PostgreSQL only the tables of the schema the
 * handle works in (its search path): the same database may hold other schemas.
 */
export async function sessionTables(db: Database): Promise<string[]> {
	if (engineOf(db) === 'postgres') {
		// The catalog by oid, not Kysely's introspection: that reads every schema by name and fails
		// when another schema of the database is dropped meanwhile.
		const { rows } = await sql<{ name: string }>`
			SELECT c.relname AS name FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid
			WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p')
				AND a.attname = 'session_id' AND NOT a.attisdropped AND c.relname <> 'sessions'`.execute(db);
		return rows.map((r) => r.name).sort();
	}
	const tables = await db.introspection.getTables();
	return tables
		.filter((t) => !t.isView && t.name !== 'sessions' && t.columns.some((c) => c.name === 'session_id'))
		.map((t) => t.name)
		.sort();
}

/**
 * Deletes the session and everything of it: rows in every table (the photos' bytes with their
 * photos, the follow-up's evidence files with their updates). Rembuk keeps no files outside the
 * database (photos are stored in it, exports are made on request), so nothing is left on disk.
 * Returns false when there was no such session. Opens its own transaction; the write path's
 * commit uses `deleteSessionRows` in its own, then `checkpoint`.
 */
export async function deleteSession(db: Database, sessionId: string, who?: audit.SessionActor): Promise<boolean> {
	const done = await db.transaction().execute((trx) => deleteSessionRows(trx, sessionId, who));
	if (done) await checkpoint(db);
	return done;
}

/** `deleteSession` inside the caller's transaction (the write path's commit); checkpoint afterwards. */
export async function deleteSessionRows(
	trx: Database,
	sessionId: string,
	who: audit.SessionActor = { accountId: null, actor: 'facilitator_link', address: '' }
): Promise<boolean> {
	if (!trx.isTransaction) throw new Error('deleteSessionRows must run inside a transaction');
	const session = await trx.selectFrom('sessions').select('title').where('id', '=', sessionId).executeTakeFirst();
	if (!session) return false;
	const { title } = session;
	await secureDelete(trx);
	// Recorded first, while the session still says which organization it belonged to; the log entry outlives it.
	const lost = await deletionCounts(trx, sessionId);
	await audit.addForSession(trx, sessionId, who, {
		action: 'session.deleted',
		detail: `${title} (items=${lost.items} participants=${lost.participants} photos=${lost.photos} evidence=${lost.evidence})`
	});
	// Photo bytes are keyed by photo only; every other table (the evidence files' bytes too) carries session_id.
	await trx
		.deleteFrom('photo_blobs')
		.where('photo_id', 'in', (eb) => eb.selectFrom('photos').select('id').where('session_id', '=', sessionId))
		.execute();
	// Participants last: items and votes refer to them without cascading, and neither engine defers
	// the check here (PostgreSQL's constraints are not deferrable), so what refers to them goes first.
	const tables = (await sessionTables(trx)).sort((a, b) => Number(a === 'participants') - Number(b === 'participants'));
	// Named by the database itself, so not known to the typed schema: typed as one table that has session_id.
	for (const table of tables) await trx.deleteFrom(table as 'items').where('session_id', '=', sessionId).execute();
	await trx.deleteFrom('sessions').where('id', '=', sessionId).execute();
	return true;
}

/**
 * SQLite: freed and overwritten content is zeroed, not left in free pages. db/database.ts sets it on
 * every connection it opens; said again here (a connection flag, harmless inside a transaction) so
 * the rows this module removes are zeroed on whatever connection the handle wraps. PostgreSQL has
 * no such setting: see `checkpoint`.
 */
export async function secureDelete(db: Database): Promise<void> {
	if (engineOf(db) === 'sqlite') await sql`PRAGMA secure_delete = ON`.execute(db);
}

/**
 * After anonymising or deleting, outside any transaction: makes sure no old copy of the rows is
 * left where the engine keeps them.
 *
 * SQLite: moves the WAL into the database file and empties it (`wal_checkpoint(TRUNCATE)`), so no
 * old page version keeps removed text; `secure_delete`, set on every connection when it is opened
 * (db/database.ts), has already zeroed the freed content in the pages. An in-memory database has
 * no WAL: nothing to do.
 *
 * PostgreSQL has neither pragma and nothing here stands in for them: an UPDATE or DELETE leaves the
 * old row versions in the table's pages until VACUUM removes them (autovacuum does so in the
 * background; `VACUUM FULL` rewrites the table's files), and its WAL segments are recycled at
 * checkpoints as the server's own settings decide. Deleted rows are gone after VACUUM; that is the
 * operator's schedule (autovacuum), not something this call triggers.
 */
export async function checkpoint(db: Database): Promise<void> {
	if (engineOf(db) !== 'sqlite') return;
	await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(db);
}

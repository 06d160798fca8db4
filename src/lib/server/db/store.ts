/**
 * Storage for either engine, chosen by DATABASE_URL: unset, a file path or `sqlite:PATH` keeps the
 * embedded SQLite file (the default); `postgres://…` uses PostgreSQL. Every module queries through
 * `store.db`, one typed Kysely instance, with the same code for both engines.
 *
 * On SQLite, Kysely's driver is synchronous underneath: every await inside one of its transactions
 * resolves as a microtask, so the transaction begins and commits within one turn of the event loop
 * and no socket message, HTTP request or other group (all macrotasks) runs inside it (proven in
 * store.spec.ts). Keep non-database awaits (hashing) outside transactions.
 */
import { Kysely, PostgresDialect, SqliteAdapter, SqliteDialect, sql, type ControlledTransaction } from 'kysely';
import pg from 'pg';
import { openDatabase, type Db } from './database';
import type { Schema } from './schema';

export type Engine = 'sqlite' | 'postgres';

/** What every module queries: the store's Kysely instance, or a transaction of it. */
export type Database = Kysely<Schema>;

/**
 * A transaction a write runs in, inside the group commit: controlled, so that a part of it (a
 * command refused after writing) can be undone alone with a savepoint of its own.
 */
export type StoreTransaction = ControlledTransaction<Schema, string[]>;

export interface Store {
	engine: Engine;
	db: Kysely<Schema>;
	/** SQLite only: the connection under `db`, which tells whether SQLite rolled a transaction back by itself. */
	raw: Db | null;
	close(): Promise<void>;
}

export type Target = { engine: 'sqlite'; path: string } | { engine: 'postgres'; url: string };

/** What DATABASE_URL names; `fallbackPath` (DATABASE_PATH, or the default file) when it is unset. */
export function parseDatabaseUrl(url: string | undefined, fallbackPath: string): Target {
	if (!url) return { engine: 'sqlite', path: fallbackPath };
	if (/^postgres(ql)?:\/\//i.test(url)) return { engine: 'postgres', url };
	return { engine: 'sqlite', path: url.replace(/^(sqlite|file):(\/\/)?/i, '') };
}

/** Wraps an open (and migrated) SQLite connection; the store's close closes it. */
export function sqliteStore(raw: Db): Store {
	const db = new Kysely<Schema>({ dialect: new SqliteDialect({ database: preparedOnce(raw) }) });
	return { engine: 'sqlite', db, raw, close: () => db.destroy() };
}

/** How many SQL texts keep their prepared statement: the app runs a few hundred distinct ones. */
const PREPARED = 1000;

/**
 * The connection as Kysely's SQLite driver sees it, with each SQL text prepared once: the driver
 * prepares every query anew, which on the write path (a dozen queries a command, run while the
 * session's screens wait for the record) costs more than running them. The oldest text goes when
 * the cache is full, e.g. with lists of many lengths. Kysely only streams (`iterate`, which keeps a
 * statement busy) for `.stream()`, which Rembuk does not use.
 */
function preparedOnce(raw: Db): Pick<Db, 'close' | 'prepare'> {
	const statements = new Map<string, ReturnType<Db['prepare']>>();
	return {
		close: () => raw.close(),
		prepare(text: string) {
			let statement = statements.get(text);
			if (!statement) {
				if (statements.size >= PREPARED) statements.delete(statements.keys().next().value!);
				statements.set(text, (statement = raw.prepare(text)));
			}
			return statement;
		}
	} as Pick<Db, 'close' | 'prepare'>;
}

/**
 * Runs `read` so that every query in it sees one moment of the database: a view built from several
 * tables (a snapshot, the minutes) must not mix before and after a commit. PostgreSQL needs a
 * repeatable-read transaction for that; on SQLite any transaction is one snapshot, and within one
 * turn of the event loop (see above). Inside a transaction already, `read` runs in it.
 */
export function readTogether<T>(db: Kysely<Schema>, read: (db: Kysely<Schema>) => Promise<T>): Promise<T> {
	if (db.isTransaction) return read(db);
	const begin = db.transaction();
	return (engineOf(db) === 'postgres' ? begin.setIsolationLevel('repeatable read') : begin).execute(read);
}

/**
 * PostgreSQL through a pool. bigint (count(*), identities) is read as a JS number, as SQLite gives
 * it: no count or id here comes near 2^53. `searchPath` puts the tables in one schema (tests).
 */
export function postgresPool(url: string, searchPath?: string, max = 10): pg.Pool {
	const types = {
		getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
			oid === pg.types.builtins.INT8 ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser
	};
	const pool = new pg.Pool({ connectionString: url, max, types, ...(searchPath ? { options: `-c search_path=${searchPath}` } : {}) });
	// An idle connection PostgreSQL drops (a restart, a failover) is reported here; without a
	// listener Node treats it as an unhandled 'error' and ends the process. The pool discards that
	// connection by itself and opens a new one for the next query.
	pool.on('error', (error) => console.error('PostgreSQL dropped an idle connection:', error.message));
	// A connection in use (a group's transaction between two queries) can be dropped too: its query
	// fails and the group answers `internal`, but the client also emits 'error', which must not end
	// the process either.
	pool.on('connect', (client) => client.on('error', (error) => console.error('PostgreSQL dropped a connection in use:', error.message)));
	return pool;
}

export function postgresStore(pool: pg.Pool): Store {
	const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
	return { engine: 'postgres', db, raw: null, close: () => db.destroy() };
}

/** Opens the storage DATABASE_URL names. SQLite is migrated on open as always; PostgreSQL by `npm run migrate`. */
export function openStore(target: Target): Store {
	if (target.engine === 'postgres') return postgresStore(postgresPool(target.url));
	return sqliteStore(openDatabase(target.path));
}

/**
 * Which engine a store handle (the store's Kysely instance or a transaction of it) speaks, for the
 * few queries that differ: `insertionOrder`, locking. Read off the dialect's adapter, so a module
 * needs no engine passed alongside its handle.
 */
export function engineOf(db: Kysely<Schema>): Engine {
	return db.getExecutor().adapter instanceof SqliteAdapter ? 'sqlite' : 'postgres';
}

/** A unique or primary key constraint refused the write, on either engine. */
export function isUniqueViolation(error: unknown): boolean {
	const code = (error as { code?: string } | null)?.code;
	return code === '23505' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/** The tables whose rows code orders by rowid; on PostgreSQL each has a `pos` identity instead. */
export const ROWID_ORDERED_TABLES = [
	'action_evidence',
	'action_rows',
	'action_updates',
	'items',
	'notes',
	'participants',
	'photos',
	'pic_links',
	'privacy_requests',
	'report_links',
	'synthesis_edits',
	'themes'
] as const;

/**
 * The order rows were inserted in: SQLite's rowid, PostgreSQL's `pos` identity column (added by the
 * postgres migrations to every table the code orders by rowid). For `orderBy(insertionOrder(…))`.
 */
export function insertionOrder(engine: Engine, table?: string) {
	const column = engine === 'sqlite' ? 'rowid' : 'pos';
	return sql.ref(table ? `${table}.${column}` : column);
}

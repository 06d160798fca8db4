import Database from 'better-sqlite3';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export type Db = Database.Database;

/** db/migrations beside the project root; MIGRATIONS_DIR overrides it for unusual layouts. */
export function migrationsDir(): string {
	return resolve(process.env.MIGRATIONS_DIR ?? join(process.cwd(), 'db', 'migrations'));
}

/**
 * Opens (or creates) the database and brings its schema up to date.
 * WAL lets the many readers of a live session not block the writer; synchronous=FULL makes
 * a commit durable on disk before we acknowledge it, so an acknowledged item survives a
 * power cut, not only a process crash (see README, "Storage").
 */
export function openDatabase(path: string): Db {
	if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
	const db = new Database(path);
	db.pragma('journal_mode = WAL');
	db.pragma('synchronous = FULL');
	db.pragma('foreign_keys = ON');
	db.pragma('busy_timeout = 5000');
	// Deleted and overwritten content is zeroed, not left in free pages: personal data that is
	// anonymised or deleted (UU PDP) must really be gone from the file (see server/privacy).
	db.pragma('secure_delete = ON');
	migrate(db);
	return db;
}

/** Applies every `NNN_name.sql` above the stored `user_version`, each in its own transaction. */
export function migrate(db: Db, dir = migrationsDir()): number {
	const current = db.pragma('user_version', { simple: true }) as number;
	const files = readdirSync(dir)
		.filter((f) => /^\d+_.+\.sql$/.test(f))
		.sort();
	let version = current;
	for (const file of files) {
		const number = Number.parseInt(file, 10);
		if (number <= current) continue;
		const sql = readFileSync(join(dir, file), 'utf8');
		db.transaction(() => {
			db.exec(sql);
			db.pragma(`user_version = ${number}`);
		})();
		version = number;
	}
	return version;
}

/**
 * `npm run migrate`: brings the schema of the storage DATABASE_URL names up to date, once. Run it
 * before starting the nodes of a PostgreSQL deployment; SQLite is also migrated by the server's start.
 * Bundled to build/migrate.js.
 */
import { databasePath } from '../src/lib/server/context';
import { migrate, openDatabase } from '../src/lib/server/db/database';
import { migratePostgres } from '../src/lib/server/db/migrate-postgres';
import { parseDatabaseUrl, postgresPool } from '../src/lib/server/db/store';

const target = parseDatabaseUrl(process.env.DATABASE_URL, databasePath());
if (target.engine === 'postgres') {
	const pool = postgresPool(target.url, undefined, 1);
	try {
		console.log(`PostgreSQL migrated to ${await migratePostgres(pool)}`);
	} finally {
		await pool.end();
	}
} else {
	const db = openDatabase(target.path);
	console.log(`SQLite ${target.path} migrated to ${migrate(db)}`);
	db.close();
}

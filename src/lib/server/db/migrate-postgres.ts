/**
 * PostgreSQL migrations: db/migrations/postgres/NNN_name.sql, numbered as the SQLite ones they
 * translate. Applied numbers are kept in `schema_migrations` (SQLite keeps its user_version);
 * each file runs in its own transaction, and an advisory lock makes nodes that start at the same
 * moment take turns, so each migration runs exactly once and the others find it done.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type pg from 'pg';
import { migrationsDir } from './database';

export const postgresMigrationsDir = () => join(migrationsDir(), 'postgres');

/** The migration files of a directory, by number. */
export function migrationFiles(dir: string): { number: number; name: string }[] {
	return readdirSync(dir)
		.filter((f) => /^\d+_.+\.sql$/.test(f))
		.sort()
		.map((name) => ({ number: Number.parseInt(name, 10), name }));
}

// One lock per schema: the nodes of one deployment share it; test schemas never wait on each other.
const LOCK_KEY = "hashtext('rembuk.migrate:' || current_schema())";

/** Applies the files not applied yet; returns the highest number applied. */
export async function migratePostgres(pool: pg.Pool, dir = postgresMigrationsDir()): Promise<number> {
	const client = await pool.connect();
	let failed: Error | undefined;
	try {
		await client.query(`SELECT pg_advisory_lock(${LOCK_KEY})`);
		try {
			return await applyPending(client, dir);
		} finally {
			await client.query(`SELECT pg_advisory_unlock(${LOCK_KEY})`);
		}
	} catch (error) {
		failed = error as Error;
		throw error;
	} finally {
		// A connection that failed may still hold the lock or a broken transaction: drop it.
		client.release(failed);
	}
}

async function applyPending(client: pg.PoolClient, dir: string): Promise<number> {
	await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (number integer PRIMARY KEY, name text NOT NULL, applied_at text NOT NULL)');
	const { rows } = await client.query<{ number: number }>('SELECT number FROM schema_migrations');
	const applied = new Set(rows.map((r) => r.number));
	let version = Math.max(0, ...applied);
	for (const { number, name } of migrationFiles(dir)) {
		if (applied.has(number)) continue;
		await client.query('BEGIN');
		try {
			// No parameters: the simple protocol, which runs a file of several statements.
			await client.query(readFileSync(join(dir, name), 'utf8'));
			await client.query('INSERT INTO schema_migrations (number, name, applied_at) VALUES ($1, $2, $3)', [number, name, new Date().toISOString()]);
			await client.query('COMMIT');
		} catch (error) {
			await client.query('ROLLBACK');
			throw new Error(`migration ${name} failed: ${(error as Error).message}`, { cause: error });
		}
		version = Math.max(version, number);
	}
	return version;
}

import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { PG_TEST_URL, pgScratch, pgUnreachable, sayIfSkipped, type PgScratch } from '$lib/testing/engines';
import { migratePostgres, migrationFiles, postgresMigrationsDir } from './migrate-postgres';
import { postgresPool } from './store';

const scratches: PgScratch[] = [];
afterEach(async () => {
	await Promise.all(scratches.splice(0).map((s) => s.drop()));
});

sayIfSkipped(2);

describe.skipIf(pgUnreachable !== null)('PostgreSQL migrations', () => {
	it('run once when three nodes start at the same moment', async () => {
		const scratch = await pgScratch(); // migrated once already: start from an empty schema instead
		scratches.push(scratch);
		const store = scratch.open(1);
		await sql`DROP SCHEMA ${sql.id(scratch.schema)} CASCADE`.execute(store.db);
		await sql`CREATE SCHEMA ${sql.id(scratch.schema)}`.execute(store.db);

		const nodes = [1, 2, 3].map(() => postgresPool(PG_TEST_URL, scratch.schema, 1));
		const latest = Math.max(...migrationFiles(postgresMigrationsDir()).map((m) => m.number));
		try {
			expect(await Promise.all(nodes.map((pool) => migratePostgres(pool)))).toEqual([latest, latest, latest]);
		} finally {
			await Promise.all(nodes.map((pool) => pool.end()));
		}
		const applied = await sql<{ number: number; n: number }>`SELECT number, count(*) AS n FROM schema_migrations GROUP BY number ORDER BY number`.execute(store.db);
		expect(applied.rows).toHaveLength(migrationFiles(postgresMigrationsDir()).length);
		expect(applied.rows.every((r) => r.n === 1)).toBe(true);
	});

	it('keep the audit log append-only, as the SQLite triggers do', async () => {
		const scratch = await pgScratch();
		scratches.push(scratch);
		const { db } = scratch.open(1);
		await db.insertInto('org_audit').values({ organization_id: null, account_id: null, action: 'signin.ok', at: 'now' }).execute();
		await expect(db.updateTable('org_audit').set({ detail: 'x' }).execute()).rejects.toThrow(/append-only/);
		await expect(db.deleteFrom('org_audit').execute()).rejects.toThrow(/append-only/);
	});
});

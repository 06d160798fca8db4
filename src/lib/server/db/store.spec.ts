import { readFile } from 'node:fs';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { forEachEngine, pgScratch, pgUnreachable, sayIfSkipped, type PgScratch } from '$lib/testing/engines';
import { migrationsDir, openDatabase } from './database';
import { migrationFiles, postgresMigrationsDir } from './migrate-postgres';
import { TABLES } from './schema';
import { engineOf, parseDatabaseUrl, ROWID_ORDERED_TABLES, sqliteStore, type Store } from './store';

const open: Store[] = [];
const scratches: PgScratch[] = [];
afterEach(async () => {
	await Promise.all(open.splice(0).map((s) => s.close()));
	await Promise.all(scratches.splice(0).map((s) => s.drop()));
});

function sqlite(): Store {
	const store = sqliteStore(openDatabase(':memory:'));
	open.push(store);
	return store;
}

async function columnsOf(store: Store, schema?: string): Promise<Record<string, string[]>> {
	const tables = await store.db.introspection.getTables();
	const mine = tables.filter((t) => !t.isView && (schema === undefined || t.schema === schema) && t.name !== 'schema_migrations');
	return Object.fromEntries(mine.map((t) => [t.name, t.columns.map((c) => c.name).sort()]).sort(([a], [b]) => (a < b ? -1 : 1)));
}

describe('DATABASE_URL', () => {
	it('keeps the SQLite file by default, takes a path or sqlite: URL, and postgres:// for PostgreSQL', () => {
		expect(parseDatabaseUrl(undefined, 'db/rembuk.sqlite')).toEqual({ engine: 'sqlite', path: 'db/rembuk.sqlite' });
		expect(parseDatabaseUrl('', 'db/x.sqlite')).toEqual({ engine: 'sqlite', path: 'db/x.sqlite' });
		expect(parseDatabaseUrl('sqlite:/var/lib/rembuk.sqlite', 'x')).toEqual({ engine: 'sqlite', path: '/var/lib/rembuk.sqlite' });
		expect(parseDatabaseUrl('data/r.sqlite', 'x')).toEqual({ engine: 'sqlite', path: 'data/r.sqlite' });
		expect(parseDatabaseUrl('postgres://u@h:5432/d', 'x')).toEqual({ engine: 'postgres', url: 'postgres://u@h:5432/d' });
		expect(parseDatabaseUrl('postgresql://u@h/d', 'x')).toEqual({ engine: 'postgres', url: 'postgresql://u@h/d' });
	});
});

describe('SQLite: Kysely and the raw connection', () => {
	it('share one connection and one transaction', async () => {
		const store = sqlite();
		await store.db.transaction().execute(async (trx) => {
			await trx.insertInto('organizations').values({ id: 'o1', name: 'Bappeda', created_at: 'now' }).execute();
			// The raw connection (which the group commit asks whether SQLite rolled back) sees the uncommitted row: same connection.
			expect(store.raw!.inTransaction).toBe(true);
			expect(store.raw!.prepare('SELECT name FROM organizations WHERE id = ?').get('o1')).toEqual({ name: 'Bappeda' });
		});
		expect(store.raw!.inTransaction).toBe(false);
	});

	it('runs a Kysely transaction within one turn of the event loop: no I/O callback, timer or setImmediate lands inside it', async () => {
		const store = sqlite();
		const ran: string[] = [];
		setImmediate(() => ran.push('immediate'));
		setTimeout(() => ran.push('timer'), 0);
		const io = new Promise<void>((resolve) => readFile(import.meta.filename, () => (ran.push('io'), resolve())));
		const seenInside: string[][] = [];
		await store.db.transaction().execute(async (trx) => {
			for (let i = 0; i < 50; i++) {
				await trx.insertInto('organizations').values({ id: `o${i}`, name: `Org ${i}`, created_at: 'now' }).execute();
				await trx.selectFrom('organizations').select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
				seenInside.push([...ran]);
			}
		});
		expect(seenInside.every((seen) => seen.length === 0)).toBe(true);
		await io;
		expect(ran).toContain('io');
	});

	it('(the control) lets callbacks in when the transaction awaits something that is not a query: keep hashing outside', async () => {
		const store = sqlite();
		const ran: string[] = [];
		setImmediate(() => ran.push('immediate'));
		await store.db.transaction().execute(async (trx) => {
			await new Promise((resolve) => setImmediate(resolve));
			await trx.selectFrom('organizations').selectAll().execute();
			expect(ran).toEqual(['immediate']);
		});
	});
});

describe('migrations of both engines', () => {
	sayIfSkipped(1);
	it('have the same numbers, one PostgreSQL file per SQLite file', () => {
		const numbers = (dir: string) => migrationFiles(dir).map((m) => m.number);
		expect(numbers(postgresMigrationsDir())).toEqual(numbers(migrationsDir()));
	});

	it('make exactly the tables the typed Schema names', async () => {
		expect(Object.keys(await columnsOf(sqlite()))).toEqual(Object.keys(TABLES).sort());
	});

	it.skipIf(pgUnreachable !== null)('make the same tables with the same columns (PostgreSQL adds only `pos` where code orders by rowid)', async () => {
		const scratch = await pgScratch();
		scratches.push(scratch);
		const pgStore = scratch.open(1);
		const applied = await sql<{ number: number }>`SELECT number FROM schema_migrations ORDER BY number`.execute(pgStore.db);
		expect(applied.rows.map((r) => r.number)).toEqual(migrationFiles(migrationsDir()).map((m) => m.number));

		const onSqlite = await columnsOf(sqlite());
		const onPostgres = await columnsOf(pgStore, scratch.schema);
		const withPos = Object.keys(onPostgres).filter((t) => onPostgres[t].includes('pos'));
		expect(withPos.sort()).toEqual([...ROWID_ORDERED_TABLES]);
		const withoutPos = Object.fromEntries(Object.entries(onPostgres).map(([t, cs]) => [t, cs.filter((c) => c !== 'pos')]));
		expect(withoutPos).toEqual(onSqlite);
	});
});

describe('engineOf', () => {
	forEachEngine(({ engine, store }) => {
		it('names the engine of the store and of a transaction of it', async () => {
			expect(engineOf(store().db)).toBe(engine);
			const trx = await store().db.startTransaction().execute();
			expect(engineOf(trx)).toBe(engine);
			await trx.rollback().execute();
			await store().db.transaction().execute(async (t) => expect(engineOf(t)).toBe(engine));
		});
	});
});

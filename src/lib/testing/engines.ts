/**
 * "The same suite against both engines": `forEachEngine(run)` declares the specs in `run` once per
 * engine, each test with a fresh, migrated store: SQLite in memory, and PostgreSQL in a schema of its
 * own with a random name, dropped afterwards (spec files run in parallel on one server).
 * PostgreSQL is PG_TEST_URL (default postgres://postgres@127.0.0.1:5432/test); when it does not
 * answer, its variants are skipped and the file says so once, with the count.
 */
import { randomBytes } from 'node:crypto';
import { PG_TEST_URL, postgresProblem } from './postgres';
import { skipping } from './services';
import { afterAll, afterEach, beforeEach, describe } from 'vitest';
import { openDatabase } from '../server/db/database';
import { migratePostgres } from '../server/db/migrate-postgres';
import { postgresPool, postgresStore, sqliteStore, type Engine, type Store } from '../server/db/store';

export { PG_TEST_URL };

/** Null when PostgreSQL answers; otherwise why not. Probed once per spec file. */
export const pgUnreachable = await postgresProblem(PG_TEST_URL);
// Where PostgreSQL must be there (CI), its variants fail instead of skipping.
if (pgUnreachable !== null && process.env.REMBUK_REQUIRE_SERVICES === '1') skipping('the PostgreSQL variants', `PostgreSQL not reachable at ${PG_TEST_URL} (${pgUnreachable})`);

/** For specs that skip PostgreSQL tests themselves: the one line saying so, when it is unreachable. */
export function sayIfSkipped(count: number): void {
	if (pgUnreachable !== null) console.warn(`PostgreSQL not reachable at ${PG_TEST_URL} (${pgUnreachable}): skipped ${count} test${count === 1 ? '' : 's'}`);
}

/** A migrated PostgreSQL schema of its own; `open` makes another store on it (another node). */
export interface PgScratch {
	schema: string;
	open(max?: number): Store;
	drop(): Promise<void>;
}

export async function pgScratch(): Promise<PgScratch> {
	const schema = `rembuk_test_${randomBytes(6).toString('hex')}`;
	const admin = postgresPool(PG_TEST_URL, undefined, 1);
	await admin.query(`CREATE SCHEMA ${schema}`);
	const stores: Store[] = [];
	const open = (max = 10) => {
		const store = postgresStore(postgresPool(PG_TEST_URL, schema, max));
		stores.push(store);
		return store;
	};
	const migrator = postgresPool(PG_TEST_URL, schema, 1);
	await migratePostgres(migrator).finally(() => migrator.end());
	return {
		schema,
		open,
		async drop() {
			await Promise.all(stores.splice(0).map((s) => s.close()));
			await admin.query(`DROP SCHEMA ${schema} CASCADE`);
			await admin.end();
		}
	};
}

/** A session row with nothing in it, written through the store: enough for the log's and the group commit's specs. */
export async function bareSession(store: Store, id = 's1'): Promise<string> {
	await store.db
		.insertInto('sessions')
		.values({ id, code: id.toUpperCase().padEnd(6, 'X'), facilitator_key_hash: 'h', title: 'FGD', starts_at: 'now', time_zone: 'Asia/Jakarta', kinds: '[]', groups: '[]', created_at: 'now' })
		.execute();
	return id;
}

export interface EngineContext {
	engine: Engine;
	/** This test's store. */
	store(): Store;
	/** PostgreSQL only: this test's scratch schema, to open a second node on it. */
	pg(): PgScratch;
}

/** Declares `run`'s specs for SQLite, then PostgreSQL (skipped, and said so, when unreachable). */
export function forEachEngine(run: (ctx: EngineContext) => void): void {
	for (const engine of ['sqlite', 'postgres'] as const) {
		const skip = engine === 'postgres' && pgUnreachable !== null;
		(skip ? describe.skip : describe)(engine, () => {
			let store: Store | undefined;
			let scratch: PgScratch | undefined;
			beforeEach(async () => {
				if (engine === 'sqlite') store = sqliteStore(openDatabase(':memory:'));
				else store = (scratch = await pgScratch()).open();
			});
			afterEach(async () => {
				if (scratch) await scratch.drop();
				else await store?.close();
				store = scratch = undefined;
			});
			run({
				engine,
				store: () => store ?? fail('no store outside a test'),
				pg: () => scratch ?? fail('only the postgres variant has a scratch schema')
			});
		});
	}
	if (pgUnreachable !== null)
		// Vitest hands hooks their context first (destructured) and the suite second.
		afterAll(({}, suite) => {
			sayIfSkipped(countTests(suite.tasks.find((t) => t.name === 'postgres')));
		});
}

type Task = { type: string; tasks?: Task[]; name: string };
const countTests = (task: Task | undefined): number =>
	!task ? 0 : task.type === 'test' ? 1 : (task.tasks ?? []).reduce((n, t) => n + countTests(t), 0);

function fail(message: string): never {
	throw new Error(message);
}

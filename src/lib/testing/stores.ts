/**
 * Fresh stores for specs, on this run's engine (TEST_ENGINE): SQLite in memory by default, and
 * PostgreSQL, in a scratch schema of each store's own, in the `postgres` test project
 * (vite.config.ts). The specs built on these run as one suite against both engines.
 * Test code only (./imports.spec.ts).
 */
import { afterAll, onTestFinished } from 'vitest';
import { closeContext, getContext, type RembukContext } from '../server/context';
import { openDatabase } from '../server/db/database';
import { sqliteStore, type Database, type Engine, type Store } from '../server/db/store';
import { PG_TEST_URL } from './postgres';
import { createSession, joinParticipant, newToken, type TestParticipant, type TestSession } from './server';

/** The engine this run's fixtures store on: REMBUK_TEST_ENGINE, set by the `postgres` test project. */
export const TEST_ENGINE: Engine = process.env.REMBUK_TEST_ENGINE === 'postgres' ? 'postgres' : 'sqlite';

/** Loaded only in the PostgreSQL run: it probes the server when imported. */
const newScratch = async () => (await import('./engines')).pgScratch();

/** Cleanups of stores made outside a test (module level, beforeAll): run when the file ends. */
const atFileEnd: (() => Promise<void>)[] = [];
afterAll(async () => {
	for (const cleanup of atFileEnd.splice(0).reverse()) await cleanup();
});

/** Runs `cleanup` when the current test ends, or when the file ends if no test is running. */
function whenDone(cleanup: () => Promise<void>): void {
	try {
		onTestFinished(cleanup);
	} catch {
		atFileEnd.push(cleanup);
	}
}

/** A migrated store on this run's engine, and what removes it: SQLite in memory, or a PostgreSQL scratch schema. */
async function openTestStore(): Promise<{ store: Store; remove: () => Promise<void> }> {
	if (TEST_ENGINE === 'sqlite') {
		const store = sqliteStore(openDatabase(':memory:'));
		return { store, remove: () => store.close() };
	}
	const scratch = await newScratch();
	return { store: scratch.open(4), remove: () => scratch.drop() };
}

/**
 * A fresh, migrated store on this run's engine, closed (and its schema dropped) when the test that
 * made it ends, or the file if made outside one.
 */
export async function freshStore(): Promise<Store> {
	const { store, remove } = await openTestStore();
	whenDone(remove);
	return store;
}

let shared: Promise<Store> | null = null;

/**
 * One store for the whole spec file, made on first use and removed at its end: for files of many
 * tests that each work in a session of their own (every query is scoped by session), where a
 * store per test would cost a migrated schema each on PostgreSQL.
 */
export function fileStore(): Promise<Store> {
	shared ??= openTestStore().then(({ store, remove }) => {
		atFileEnd.push(remove);
		return store;
	});
	return shared;
}

/** A fresh store's query handle (see freshStore). */
export const freshDb = async (): Promise<Database> => (await freshStore()).db;

/**
 * The app's shared context (getContext) on this run's engine, for specs of routes and of code that
 * reads it: SQLite in memory, or a PostgreSQL scratch schema of this spec file's, dropped at its end.
 */
export async function testContext(): Promise<RembukContext> {
	if (TEST_ENGINE === 'sqlite') process.env.DATABASE_PATH = ':memory:';
	else if (!process.env.DATABASE_URL?.includes('search_path')) {
		const scratch = await newScratch();
		const options = encodeURIComponent(`-c search_path=${scratch.schema}`);
		process.env.DATABASE_URL = `${PG_TEST_URL}${PG_TEST_URL.includes('?') ? '&' : '?'}options=${options}`;
		atFileEnd.push(async () => {
			await closeContext();
			delete process.env.DATABASE_URL;
			await scratch.drop();
		});
	}
	return getContext();
}

/** Who joins in `sessionWith`: a name, or a name with a stakeholder group. */
export type Joiner = string | { name: string; group: string };

/**
 * The set-up most server specs share: a fresh store (see freshStore), or `store` when given (see
 * fileStore), a session (with `overrides` to its creation input) and these people joined, in order.
 */
export async function sessionWith(people: Joiner[] = [], overrides: Record<string, unknown> = {}, given?: Store) {
	const store = given ?? (await freshStore());
	const db = store.db;
	const session = await createSession(db, overrides);
	const joined: TestParticipant[] = [];
	for (const p of people)
		joined.push(typeof p === 'string' ? await joinParticipant(db, session, p) : await joinParticipant(db, session, p.name, newToken(), p.group));
	return { db, store, session, people: joined };
}

/** A new session in the app's shared context (see testContext). */
export async function sessionInContext(overrides: Record<string, unknown> = {}): Promise<TestSession> {
	return createSession((await testContext()).store.db, overrides);
}


/**
 * For the transition only: a query written once with Kysely, run synchronously on the raw SQLite
 * connection by callers that are not async yet (a raw `db.transaction` of a module not converted,
 * the socket's key check). The converted modules run the same query through the store instead;
 * when the last raw caller is converted, this file goes.
 */
import { DummyDriver, Kysely, SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler, type Compilable } from 'kysely';
import type { Db } from './database';
import type { Schema } from './schema';
import { sql } from './statements';

/** Builds queries to compile, never to run: SQLite's dialect without a connection. */
export const sqliteQueries = new Kysely<Schema>({
	dialect: {
		createAdapter: () => new SqliteAdapter(),
		createDriver: () => new DummyDriver(),
		createIntrospector: (db) => new SqliteIntrospector(db),
		createQueryCompiler: () => new SqliteQueryCompiler()
	}
});

/** Parameters as better-sqlite3 takes them: it has no booleans. */
const bind = (query: Compilable<unknown>) => query.compile().parameters.map((p) => (typeof p === 'boolean' ? Number(p) : p));

export function firstSync<O>(raw: Db, query: Compilable<O>): O | undefined {
	return sql(raw, query.compile().sql).get(...bind(query)) as O | undefined;
}

export function allSync<O>(raw: Db, query: Compilable<O>): O[] {
	return sql(raw, query.compile().sql).all(...bind(query)) as O[];
}

export function runSync(raw: Db, query: Compilable<unknown>): number {
	return sql(raw, query.compile().sql).run(...bind(query)).changes;
}

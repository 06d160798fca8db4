import type { Db } from './database';
import type { Statement } from 'better-sqlite3';

const cache = new WeakMap<Db, Map<string, Statement>>();

/** A prepared statement, prepared once per connection: the hot path runs the same few SQL texts. */
export function sql(db: Db, text: string): Statement {
	let statements = cache.get(db);
	if (!statements) cache.set(db, (statements = new Map()));
	let statement = statements.get(text);
	if (!statement) statements.set(text, (statement = db.prepare(text)));
	return statement;
}

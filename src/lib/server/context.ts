/**
 * The process-wide Rembuk context: one database connection and one way to publish records.
 * It lives on globalThis because, in dev and in production alike, the socket server and the
 * SvelteKit routes are loaded as separate module graphs yet must share one connection.
 */
import type { SessionRecord } from '../realtime/contract';
import { openDatabase, type Db } from './db/database';

export interface RembukContext {
	db: Db;
	/** Set by the realtime layer; routes call it after a commit to reach connected views. */
	publish: (sessionId: string, records: SessionRecord[]) => void;
}

const KEY = Symbol.for('rembuk.context');
type Holder = { [KEY]?: RembukContext };

export function databasePath(): string {
	return process.env.DATABASE_PATH ?? 'db/rembuk.sqlite';
}

export function getContext(): RembukContext {
	const holder = globalThis as Holder;
	holder[KEY] ??= { db: openDatabase(databasePath()), publish: () => {} };
	return holder[KEY];
}

/** Closes the database once; used by graceful shutdown. */
export function closeContext(): void {
	const holder = globalThis as Holder;
	const context = holder[KEY];
	if (!context) return;
	context.db.close();
	delete holder[KEY];
}

/**
 * The process-wide Rembuk context: one database connection and one way to publish records.
 * It lives on globalThis because, in dev and in production alike, the socket server and the
 * SvelteKit routes are loaded as separate module graphs yet must share one connection.
 */
import { openStore, parseDatabaseUrl, type Store } from './db/store';
import { GroupCommit, type Publish } from './group-commit';
import { ProgrammeWatch } from './programmes/watch';

export interface RembukContext {
	/** The database, SQLite or PostgreSQL, through Kysely (src/lib/server/db/store.ts). */
	store: Store;
	/** Set by the realtime layer to reach the open screens; only `writes` calls it, after a commit. */
	publish: Publish;
	/** The one way to write a session, from a socket or an HTTP route: commit, then publish. */
	writes: GroupCommit;
	/**
	 * Set by the realtime layer: closes the open consoles of this account whose key no longer opens
	 * their session (signed out, removed, unassigned). Called after such a change is committed.
	 */
	recheckAccount: (accountId: string) => void;
	/** The programmes' open reports, told when a session of theirs changed (fed by `writes`). */
	programmes: ProgrammeWatch;
}

const KEY = Symbol.for('rembuk.context');
type Holder = { [KEY]?: RembukContext };

export function databasePath(): string {
	return process.env.DATABASE_PATH ?? 'db/rembuk.sqlite';
}

export function getContext(): RembukContext {
	const holder = globalThis as Holder;
	if (holder[KEY]) return holder[KEY];
	const target = parseDatabaseUrl(process.env.DATABASE_URL, databasePath());
	const store = openStore(target);
	// `publish` is looked up at each write: the realtime layer replaces it after this is made.
	const writes = new GroupCommit(store, (id, records, state) => context.publish(id, records, state));
	const programmes = new ProgrammeWatch(store.db);
	writes.observe((id, records) => programmes.committed(id, records));
	const context: RembukContext = { store, publish: () => {}, recheckAccount: () => {}, writes, programmes };
	holder[KEY] = context;
	return context;
}

/** Closes the database once; used by graceful shutdown. SQLite closes at once, before the process exits. */
export async function closeContext(): Promise<void> {
	const holder = globalThis as Holder;
	const context = holder[KEY];
	if (!context) return;
	delete holder[KEY];
	if (context.store.raw) context.store.raw.close();
	else await context.store.close();
}

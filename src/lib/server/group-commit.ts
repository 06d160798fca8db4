/**
 * Group commit: the commands that arrive in one turn of the event loop run in one SQLite
 * transaction, each inside its own savepoint, so a burst of posts costs one fsync instead of one
 * each. `synchronous = FULL` blocks the event loop for that fsync, and with a hundred phones
 * posting it was the server's biggest cost. Nothing is acknowledged or broadcast before the
 * whole group has committed; a command refused inside the group changes nothing, as before.
 */
import type { CommandEnvelope, SocketIdentity } from '../realtime/contract';
import { execute, type Executed } from './commands';
import type { Db } from './db/database';

interface Waiting {
	who: SocketIdentity;
	envelope: CommandEnvelope;
	resolve: (executed: Executed) => void;
}

const unsaved: Executed = {
	result: { ok: false, error: { code: 'internal', message: 'The server could not save this; try again' } },
	records: []
};

export class GroupCommit {
	#waiting: Waiting[] = [];
	#db: Db;
	#run: typeof execute;

	/** `run` is `execute` except in tests. */
	constructor(db: Db, run: typeof execute = execute) {
		this.#db = db;
		this.#run = run;
	}

	/** Resolves once the command's group has committed (or with `internal` if the commit failed). */
	execute(who: SocketIdentity, envelope: CommandEnvelope): Promise<Executed> {
		return new Promise((resolve) => {
			if (this.#waiting.push({ who, envelope, resolve }) === 1) setImmediate(() => this.#flush());
		});
	}

	#flush() {
		const group = this.#waiting;
		this.#waiting = [];
		let outcomes: Executed[];
		try {
			// execute() opens its own transaction; inside this one, better-sqlite3 makes it a savepoint.
			outcomes = this.#db.transaction(() =>
				group.map(({ who, envelope }) => {
					// Some SQLite errors roll the whole transaction back; the rest must not then commit alone.
					if (!this.#db.inTransaction) throw new Error('the group transaction was rolled back');
					return this.#run(this.#db, who, envelope);
				})
			)();
		} catch (error) {
			// The commit itself failed: nothing of the group was saved, so nothing may be reported saved.
			console.error('group commit failed', error);
			outcomes = group.map(() => unsaved);
		}
		group.forEach(({ resolve }, i) => resolve(outcomes[i]));
	}
}

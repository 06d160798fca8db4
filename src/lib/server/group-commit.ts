/**
 * The one way the server writes a session, for socket commands and HTTP requests alike: each
 * change runs in the transaction of its turn of the event loop, inside a savepoint of its own,
 * and the records it appended to the log are published to the open screens only after that
 * transaction has committed. A write that skipped the publish would reach screens only at their
 * next resync; one that published before the commit could show what a failed commit then lost.
 *
 * Group commit: the changes that arrive in one turn share that one transaction, so a burst of
 * posts costs one fsync instead of one each. `synchronous = FULL` blocks the event loop for that
 * fsync, and with a hundred phones posting it was the server's biggest cost. A change refused
 * inside the group changes nothing, as if it ran alone.
 *
 * Creating a session is the one write outside: no screen is open on a session that does not exist yet.
 */
import type { CommandEnvelope, CommandResult, SessionRecord, SocketIdentity } from '../realtime/contract';
import { execute, type Executed } from './commands';
import type { Db } from './db/database';

/** What a change leaves behind: the records it appended to the session's log, published after the commit. */
export interface Written {
	records: SessionRecord[];
}

/** Sends committed records to the session's open screens. */
export type Publish = (sessionId: string, records: SessionRecord[]) => void;

/**
 * Told of every committed change after its publish, with its records or none: a deletion logs
 * nothing, yet a page that follows the session from outside (a programme's report) must hear of it.
 */
export type CommitObserver = (sessionId: string, records: SessionRecord[]) => void;

interface Waiting {
	sessionId: string;
	change: (db: Db) => Written;
	/** Told after the commit, before the records are published: what was written, or why nothing was. */
	settle: (outcome: Outcome) => void;
}

type Outcome = { written: Written } | { error: unknown };

const unsaved: Executed = {
	result: { ok: false, error: { code: 'internal', message: 'The server could not save this; try again' } },
	records: []
};

export class GroupCommit {
	#waiting: Waiting[] = [];
	#db: Db;
	#publish: Publish;
	#run: typeof execute;
	#observers = new Set<CommitObserver>();

	/** `run` is `execute` except in tests. */
	constructor(db: Db, publish: Publish, run: typeof execute = execute) {
		this.#db = db;
		this.#publish = publish;
		this.#run = run;
	}

	/**
	 * Runs `change` in this turn's transaction; it must be synchronous and read what it builds on
	 * through `db`, inside the transaction, so that nothing committed meanwhile is overwritten.
	 * Resolves after the commit and the publish; rejects, having changed nothing, when the change
	 * throws (with its error) or the commit fails.
	 */
	commit<R extends Written>(sessionId: string, change: (db: Db) => R): Promise<R> {
		return new Promise((resolve, reject) => {
			this.#enqueue({ sessionId, change, settle: (outcome) => ('written' in outcome ? resolve(outcome.written as R) : reject(outcome.error)) });
		});
	}

	/**
	 * A client command. `answer` gets its result after the commit and before its records are
	 * published, so the sender hears its own answer first; a failed commit is answered `internal`.
	 * The promise gives the same outcome, for tests.
	 */
	execute(who: SocketIdentity, envelope: CommandEnvelope, answer: (result: CommandResult) => void = () => {}): Promise<Executed> {
		return new Promise((resolve) => {
			const change = (db: Db) => this.#run(db, who, envelope);
			this.#enqueue({
				sessionId: who.sessionId,
				change,
				settle: (outcome) => {
					const executed = 'written' in outcome ? (outcome.written as Executed) : unsaved;
					answer(executed.result);
					resolve(executed);
				}
			});
		});
	}

	/** Adds an observer of committed changes; returns the way to remove it. */
	observe(observer: CommitObserver): () => void {
		this.#observers.add(observer);
		return () => this.#observers.delete(observer);
	}

	#enqueue(waiting: Waiting) {
		if (this.#waiting.push(waiting) === 1) setImmediate(() => this.#flush());
	}

	#flush() {
		const group = this.#waiting;
		this.#waiting = [];
		const outcomes = this.#commitGroup(group);
		group.forEach(({ sessionId, settle }, i) => {
			const outcome = outcomes[i];
			settle(outcome);
			if (!('written' in outcome)) return;
			this.#publishSafely(sessionId, outcome.written.records);
			this.#tellObservers(sessionId, outcome.written.records);
		});
	}

	#commitGroup(group: Waiting[]): Outcome[] {
		try {
			return this.#db.transaction(() =>
				group.map(({ change }): Outcome => {
					// Some SQLite errors roll the whole transaction back; the rest must not then commit alone.
					if (!this.#db.inTransaction) throw new Error('the group transaction was rolled back');
					try {
						// Inside the group's transaction, better-sqlite3 makes this a savepoint.
						return { written: this.#db.transaction(change)(this.#db) };
					} catch (error) {
						return { error };
					}
				})
			)();
		} catch (error) {
			// The commit itself failed: nothing of the group was saved, so nothing may be reported saved.
			console.error('group commit failed', error);
			return group.map(() => ({ error }));
		}
	}

	#tellObservers(sessionId: string, records: SessionRecord[]) {
		for (const observer of this.#observers) {
			try {
				observer(sessionId, records);
			} catch (error) {
				console.error('commit observer failed', error);
			}
		}
	}

	/** The records are saved whatever happens here; a screen that misses them catches up at its next sync. */
	#publishSafely(sessionId: string, records: SessionRecord[]) {
		if (records.length === 0) return;
		try {
			this.#publish(sessionId, records);
		} catch (error) {
			console.error('publish failed', error);
		}
	}
}

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
import type { ControlledTransaction } from 'kysely';
import type { CommandEnvelope, CommandResult, SessionRecord, SocketIdentity } from '../realtime/contract';
import { execute, type Executed } from './commands';
import type { Schema } from './db/schema';
import { lockSession } from './db/log-store';
import { boardState } from './sync';
import type { BoardState } from './visibility';
import type { Store, StoreTransaction } from './db/store';

/** What a change leaves behind: the records it appended to the session's log, published after the commit. */
export interface Written {
	records: SessionRecord[];
}

/**
 * Sends committed records to the session's open screens. `state` is what projecting them needs,
 * read inside the committing transaction (./sync boardState); absent when that read failed, and the
 * publish then reads it itself.
 */
export type Publish = (sessionId: string, records: SessionRecord[], state?: BoardState) => void;

/**
 * Told of every committed change after its publish, with its records or none: a deletion logs
 * nothing, yet a page that follows the session from outside (a programme's report) must hear of it.
 */
export type CommitObserver = (sessionId: string, records: SessionRecord[]) => void;

/** A change: what it reads and writes goes through `trx`, the group's transaction (either engine). */
export type Change<R> = (trx: StoreTransaction) => R | Promise<R>;

interface Waiting {
	sessionId: string;
	/**
	 * A client command: `execute` undoes itself in a savepoint of its own and answers instead of
	 * throwing, so the group does not wrap it in a second one (one fewer savepoint per command).
	 */
	undoesItself?: true;
	change: Change<Written>;
	/** Told after the commit, before the records are published: what was written, or why nothing was. */
	settle: (outcome: Outcome) => void;
}

type Outcome = { written: Written } | { error: unknown };

/** The changes waiting for one lane's next transaction, and whether that lane is committing now. */
interface Lane {
	waiting: Waiting[];
	busy: boolean;
}

const unsaved: Executed = {
	result: { ok: false, error: { code: 'internal', message: 'The server could not save this; try again' } },
	records: []
};


export class GroupCommit {
	/**
	 * Groups take turns within a lane and never overlap. SQLite has one lane: one connection, and a
	 * transaction must open and close within one turn of the event loop. PostgreSQL has one lane per
	 * session: each group holds its sessions' row locks across network round trips, and one session's
	 * commit must not keep another session's posts waiting on this node (other nodes commit beside it
	 * anyway).
	 */
	#lanes = new Map<string, Lane>();
	#store: Store;
	#publish: Publish;
	#run: typeof execute;
	#observers = new Set<CommitObserver>();

	/** `run` is `execute` except in tests. */
	constructor(store: Store, publish: Publish, run: typeof execute = execute) {
		this.#store = store;
		this.#publish = publish;
		this.#run = run;
	}

	/**
	 * Runs `change` in this turn's transaction. It reads what it builds on inside the transaction,
	 * so that nothing committed meanwhile is overwritten. On SQLite it may await only the store
	 * (whose queries run synchronously underneath), never other I/O: the transaction must begin and
	 * end within one turn of the event loop (see #warnIfInterleaved). Resolves after the commit and
	 * the publish; rejects, having changed nothing, when the change throws (with its error) or the
	 * commit fails.
	 */
	commit<R extends Written>(sessionId: string, change: Change<R>): Promise<R> {
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
			this.#enqueue({
				sessionId: who.sessionId,
				undoesItself: true,
				change: (trx) => this.#run(trx, who, envelope),
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
		const key = this.#store.engine === 'postgres' ? waiting.sessionId : '';
		let lane = this.#lanes.get(key);
		if (!lane) this.#lanes.set(key, (lane = { waiting: [], busy: false }));
		if (lane.waiting.push(waiting) === 1 && !lane.busy) setImmediate(() => void this.#flush(key, lane));
	}

	async #flush(key: string, lane: Lane) {
		const group = lane.waiting;
		lane.waiting = [];
		lane.busy = true;
		const { outcomes, states } = await this.#commitGroup(group);
		lane.busy = false;
		// Changes that arrived while this group committed form the next group.
		if (lane.waiting.length) setImmediate(() => void this.#flush(key, lane));
		else this.#lanes.delete(key);
		group.forEach(({ sessionId, settle }, i) => {
			const outcome = outcomes[i];
			settle(outcome);
			if (!('written' in outcome)) return;
			this.#publishSafely(sessionId, outcome.written.records, states.get(sessionId));
			this.#tellObservers(sessionId, outcome.written.records);
		});
	}

	/**
	 * One transaction for the group, each change in a savepoint of its own, so a change that throws
	 * is undone alone. On PostgreSQL the group's sessions are locked first, in one order, so two
	 * nodes committing for one session take turns and its seq stays gap-free.
	 */
	async #commitGroup(group: Waiting[]): Promise<{ outcomes: Outcome[]; states: Map<string, BoardState> }> {
		const { db: kysely, raw, engine } = this.#store;
		const interleaved = this.#watchTurn();
		let trx: ControlledTransaction<Schema> | null = null;
		try {
			trx = await kysely.startTransaction().execute();
			if (engine === 'postgres') for (const id of [...new Set(group.map((w) => w.sessionId))].sort()) await lockSession(trx, engine, id);
			const outcomes: Outcome[] = [];
			for (const { change, undoesItself } of group) {
				// Some SQLite errors roll the whole transaction back; the rest must not then commit alone.
				if (raw && !raw.inTransaction) throw new Error('the group transaction was rolled back');
				if (undoesItself) {
					try {
						outcomes.push({ written: await change(trx) });
					} catch (error) {
						outcomes.push({ error });
					}
					continue;
				}
				const inside: StoreTransaction = await trx.savepoint('change').execute();
				try {
					outcomes.push({ written: await change(inside) });
					await inside.releaseSavepoint('change').execute();
				} catch (error) {
					if (!raw || raw.inTransaction) await inside.rollbackToSavepoint('change').execute();
					outcomes.push({ error });
				}
			}
			const states = await this.#statesAfter(trx, group, outcomes);
			await trx.commit().execute();
			return { outcomes, states };
		} catch (error) {
			// The commit itself failed: nothing of the group was saved, so nothing may be reported saved.
			console.error('group commit failed', error);
			if (trx && !trx.isCommitted && !trx.isRolledBack) await trx.rollback().execute().catch(() => {});
			return { outcomes: group.map(() => ({ error })), states: new Map() };
		} finally {
			if (engine === 'sqlite' && interleaved()) console.error('a change awaited other I/O inside the SQLite group transaction');
		}
	}

	/**
	 * What projecting each session's new records needs, read in the group's transaction after its
	 * changes: exactly the state they were committed in, and on PostgreSQL no second transaction
	 * (three more round trips) between the commit and the publish. A read that throws leaves the
	 * session out, and its publish reads the state itself after the commit.
	 */
	async #statesAfter(trx: StoreTransaction, group: Waiting[], outcomes: Outcome[]): Promise<Map<string, BoardState>> {
		const events = new Map<string, SessionRecord['event'][]>();
		group.forEach(({ sessionId }, i) => {
			const outcome = outcomes[i];
			if (!('written' in outcome) || outcome.written.records.length === 0) return;
			events.set(sessionId, [...(events.get(sessionId) ?? []), ...outcome.written.records.map((r) => r.event)]);
		});
		const states = new Map<string, BoardState>();
		for (const [sessionId, sessionEvents] of events) {
			try {
				states.set(sessionId, await boardState(trx, sessionId, sessionEvents));
			} catch (error) {
				console.error('reading the board state for a publish failed', error);
			}
		}
		return states;
	}

	/**
	 * On SQLite one connection serves every request, so nothing else may run while the
	 * group's transaction is open, or it would write into it. Awaiting only the store keeps the whole
	 * transaction in one turn of the event loop; this tells whether another turn ran meanwhile.
	 */
	#watchTurn(): () => boolean {
		let ran = false;
		const sentinel = setImmediate(() => (ran = true));
		return () => {
			clearImmediate(sentinel);
			return ran;
		};
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
	#publishSafely(sessionId: string, records: SessionRecord[], state: BoardState | undefined) {
		if (records.length === 0) return;
		try {
			this.#publish(sessionId, records, state);
		} catch (error) {
			console.error('publish failed', error);
		}
	}
}

/**
 * Who follows a programme's report while it is open, and telling them that one of its sessions
 * changed. It hears every committed write (GroupCommit.observe) and keeps nothing of what was
 * written: a watcher is only told "changed", and reloads the report through its own access check.
 *
 * A busy session writes many times a second while the report is rebuilt from every session of
 * the programme, so a programme's watchers are told at once and then at most once per `quietMs`
 * (a change inside that window is told at its end, never dropped).
 *
 * In a cluster the report may be open on another node than the one that committed: each node
 * tells the others what it heard (`share`, set by the realtime layer) and hears theirs (`heard`).
 * That news is throttled like the watchers are, so a busy session sends one message per window.
 *
 * It reads the sessions' programmes through the store (either engine), after the commit and off
 * the writer's path: what it is told is handled in the background (`settled` waits for it).
 */
import type { SessionRecord } from '../../realtime/contract';
import type { Database } from '../db/store';

export type Listener = () => void;

/** What one node tells the others: a session committed (`logged`: with records), or a programme changed. */
export type ProgrammeNews = { sessionId: string; logged: boolean } | { programmeId: string };

export class ProgrammeWatch {
	#db: Database;
	#quietMs: number;
	/** What was told and is still being looked up (see `settled`). */
	#pending = new Set<Promise<void>>();
	/** The latest lookup of a newly watched programme's sessions; a session's news waits for it. */
	#remembered: Promise<void> = Promise.resolve();
	#listeners = new Map<string, Set<Listener>>();
	/**
	 * The programme of each session met while someone watches (null: none). Held because a
	 * deletion's commit is told after the session's row is gone; emptied when nobody watches.
	 */
	#programmeOf = new Map<string, string | null>();
	/** Programmes told within the last `quietMs`; `pending` when another change waits for the window's end. */
	#quiet = new Map<string, { pending: boolean }>();
	/** Sessions whose news went to the other nodes within the last `quietMs`; the same shape as `quiet`. */
	#shared = new Map<string, { pending: boolean }>();
	/** Set by the realtime layer in a cluster: tells the other nodes. Nothing on a single process. */
	share: ((news: ProgrammeNews) => void) | null = null;

	constructor(db: Database, quietMs = 3000) {
		this.#db = db;
		this.#quietMs = quietMs;
	}

	/** Follows a programme; returns the way to stop. Access is the caller's to check first. */
	watch(programmeId: string, listener: Listener): () => void {
		let set = this.#listeners.get(programmeId);
		if (!set) {
			set = new Set();
			this.#listeners.set(programmeId, set);
			const earlier = this.#remembered;
			this.#remembered = this.#track(
				(async () => {
					await earlier;
					const rows = await this.#db.selectFrom('sessions').select('id').where('programme_id', '=', programmeId).execute();
					if (!this.#listeners.has(programmeId)) return;
					for (const row of rows) if (!this.#programmeOf.has(row.id)) this.#programmeOf.set(row.id, programmeId);
				})()
			);
		}
		set.add(listener);
		return () => {
			set.delete(listener);
			if (set.size) return;
			this.#listeners.delete(programmeId);
			if (!this.#listeners.size) this.#programmeOf.clear();
		};
	}

	/** How many listeners follow this programme (the specs check that a closed line lets go). */
	watchers(programmeId: string): number {
		return this.#listeners.get(programmeId)?.size ?? 0;
	}

	/** A committed write of a session: its watchers hear of it when it logged a change or removed the session. */
	committed(sessionId: string, records: SessionRecord[]): void {
		const logged = records.length > 0;
		this.#track(
			(async () => {
				await this.#tellOthers(sessionId, logged);
				await this.#sessionChanged(sessionId, logged);
			})()
		);
	}

	/** News from another node, told to this node's watchers only. */
	heard(news: ProgrammeNews): void {
		if ('programmeId' in news) this.#programmeChanged(news.programmeId);
		else this.#track(this.#sessionChanged(news.sessionId, news.logged));
	}

	/** Resolves when everything told so far has been looked up and passed on (specs, shutdown). */
	async settled(): Promise<void> {
		while (this.#pending.size) await Promise.all([...this.#pending]);
	}

	/** Keeps `work` until it ends, reporting a failure instead of leaving it unhandled. */
	#track(work: Promise<void>): Promise<void> {
		const tracked = work.catch((error) => console.error('programme watch failed', error));
		this.#pending.add(tracked);
		void tracked.finally(() => this.#pending.delete(tracked));
		return tracked;
	}

	async #sessionChanged(sessionId: string, logged: boolean): Promise<void> {
		if (!this.#listeners.size) return;
		await this.#remembered;
		const row = await this.#db.selectFrom('sessions').select('programme_id').where('id', '=', sessionId).executeTakeFirst();
		const programmeId = row ? row.programme_id : this.#programmeOf.get(sessionId);
		if (row) this.#programmeOf.set(sessionId, row.programme_id);
		else this.#programmeOf.delete(sessionId);
		// A refused command or a recognised retry commits nothing to tell; a deletion leaves no row.
		if (!programmeId || (row && !logged)) return;
		this.#programmeChanged(programmeId);
	}

	/** Something of the programme changed outside a session's writes (a session added to it). */
	changed(programmeId: string): void {
		this.share?.({ programmeId });
		this.#programmeChanged(programmeId);
	}

	/**
	 * A session's news for the other nodes: at once, then at most once per window. A session
	 * that logged nothing (a refused command, a retry) has no news, unless it is gone: a
	 * deletion commits no record either, and only a node that still knows its programme can tell.
	 */
	async #tellOthers(sessionId: string, logged: boolean): Promise<void> {
		if (!this.share) return;
		if (!logged && (await this.#db.selectFrom('sessions').select('id').where('id', '=', sessionId).executeTakeFirst())) return;
		if (!this.share) return;
		const quiet = this.#shared.get(sessionId);
		if (quiet && logged) {
			quiet.pending = true;
			return;
		}
		if (logged) {
			this.#shared.set(sessionId, { pending: false });
			setTimeout(() => {
				const ended = this.#shared.get(sessionId);
				this.#shared.delete(sessionId);
				if (ended?.pending) this.share?.({ sessionId, logged: true });
			}, this.#quietMs).unref();
		}
		this.share({ sessionId, logged });
	}

	#programmeChanged(programmeId: string): void {
		if (!this.#listeners.has(programmeId)) return;
		const quiet = this.#quiet.get(programmeId);
		if (quiet) {
			quiet.pending = true;
			return;
		}
		this.#quiet.set(programmeId, { pending: false });
		setTimeout(() => {
			const ended = this.#quiet.get(programmeId);
			this.#quiet.delete(programmeId);
			if (ended?.pending) this.#programmeChanged(programmeId);
		}, this.#quietMs).unref();
		for (const listener of [...(this.#listeners.get(programmeId) ?? [])]) {
			try {
				listener();
			} catch (error) {
				console.error('programme watcher failed', error);
			}
		}
	}
}

import type { SocketIdentity } from '../../realtime/contract';

/** What one node tells the others: its own count per session; `full` when the list is every session it has. */
export interface PresenceNews {
	node: string;
	counts: Record<string, number>;
	full: boolean;
}

/** A node not heard from for this long (killed, cut off) no longer counts. Three missed beats. */
export const SILENT_NODE_MS = 15_000;
/** How often a node in a cluster tells every count again: the others' clocks for `SILENT_NODE_MS`. */
export const BEAT_MS = 5_000;

/**
 * Counts connected participants per session (one per person, however many tabs), and
 * announces changes at most every 500 ms so a room of hundreds joining is not a storm.
 *
 * In a cluster each node counts its own sockets, tells the others its counts (`share`) and adds
 * theirs (`heard`). A browser stays on one node (the load balancer's cookie), so a person is
 * counted twice only while two devices of theirs sit on two nodes. Each node announces the
 * total to its own sockets only, so nobody hears it once per node.
 */
export class Presence {
	#sockets = new Map<string, Map<string, number>>();
	#pending = new Map<string, { timer: ReturnType<typeof setTimeout>; changedHere: boolean }>();
	#elsewhere = new Map<string, { at: number; counts: Map<string, number> }>();
	#announce: (sessionId: string, online: number) => void;
	#share: ((counts: Record<string, number>, full: boolean) => void) | null;
	#now: () => number;

	constructor(
		announce: (sessionId: string, online: number) => void,
		options: { share?: (counts: Record<string, number>, full: boolean) => void; now?: () => number } = {}
	) {
		this.#announce = announce;
		this.#share = options.share ?? null;
		this.#now = options.now ?? Date.now;
	}

	online(sessionId: string): number {
		let total = this.#here(sessionId);
		for (const node of this.#elsewhere.values()) total += node.counts.get(sessionId) ?? 0;
		return total;
	}

	connected(who: SocketIdentity) {
		if (!who.participantId) return;
		const people = this.#sockets.get(who.sessionId) ?? new Map<string, number>();
		this.#sockets.set(who.sessionId, people);
		people.set(who.participantId, (people.get(who.participantId) ?? 0) + 1);
		this.#schedule(who.sessionId, true);
	}

	disconnected(who: SocketIdentity) {
		const people = this.#sockets.get(who.sessionId);
		if (!who.participantId || !people) return;
		const left = (people.get(who.participantId) ?? 1) - 1;
		if (left > 0) people.set(who.participantId, left);
		else people.delete(who.participantId);
		if (people.size === 0) this.#sockets.delete(who.sessionId);
		this.#schedule(who.sessionId, true);
	}

	/** Another node's counts: a change it made, or (`full`) all it has. */
	heard({ node, counts, full }: PresenceNews) {
		const entry = this.#elsewhere.get(node) ?? { at: 0, counts: new Map<string, number>() };
		this.#elsewhere.set(node, entry);
		entry.at = this.#now();
		const before = new Map(entry.counts);
		if (full) entry.counts.clear();
		for (const [sessionId, count] of Object.entries(counts)) {
			if (count > 0) entry.counts.set(sessionId, count);
			else entry.counts.delete(sessionId);
		}
		for (const sessionId of new Set([...before.keys(), ...entry.counts.keys()]))
			if (before.get(sessionId) !== entry.counts.get(sessionId)) this.#schedule(sessionId, false);
	}

	/**
	 * In a cluster, every BEAT_MS: tells the others every count again (a node started later
	 * learns them; a change lost while Redis was away is corrected) and stops counting nodes
	 * that have gone silent, announcing the lower total.
	 */
	beat() {
		const counts: Record<string, number> = {};
		for (const sessionId of this.#sockets.keys()) counts[sessionId] = this.#here(sessionId);
		this.#share?.(counts, true);
		const now = this.#now();
		for (const [node, entry] of this.#elsewhere) {
			if (now - entry.at <= SILENT_NODE_MS) continue;
			this.#elsewhere.delete(node);
			for (const sessionId of entry.counts.keys()) this.#schedule(sessionId, false);
		}
	}

	#here(sessionId: string): number {
		return this.#sockets.get(sessionId)?.size ?? 0;
	}

	#schedule(sessionId: string, changedHere: boolean) {
		const pending = this.#pending.get(sessionId);
		if (pending) {
			pending.changedHere ||= changedHere;
			return;
		}
		const timer = setTimeout(() => {
			const { changedHere } = this.#pending.get(sessionId)!;
			this.#pending.delete(sessionId);
			if (changedHere) this.#share?.({ [sessionId]: this.#here(sessionId) }, false);
			this.#announce(sessionId, this.online(sessionId));
		}, 500);
		timer.unref?.();
		this.#pending.set(sessionId, { timer, changedHere });
	}
}

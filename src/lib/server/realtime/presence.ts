import type { SocketIdentity } from '../../realtime/contract';

/**
 * Counts connected participants per session (one per person, however many tabs), and
 * announces changes at most every 500 ms so a room of hundreds joining is not a storm.
 */
export class Presence {
	#sockets = new Map<string, Map<string, number>>();
	#pending = new Map<string, ReturnType<typeof setTimeout>>();
	#announce: (sessionId: string, online: number) => void;

	constructor(announce: (sessionId: string, online: number) => void) {
		this.#announce = announce;
	}

	online(sessionId: string): number {
		return this.#sockets.get(sessionId)?.size ?? 0;
	}

	connected(who: SocketIdentity) {
		if (!who.participantId) return;
		const people = this.#sockets.get(who.sessionId) ?? new Map<string, number>();
		this.#sockets.set(who.sessionId, people);
		people.set(who.participantId, (people.get(who.participantId) ?? 0) + 1);
		this.#schedule(who.sessionId);
	}

	disconnected(who: SocketIdentity) {
		const people = this.#sockets.get(who.sessionId);
		if (!who.participantId || !people) return;
		const left = (people.get(who.participantId) ?? 1) - 1;
		if (left > 0) people.set(who.participantId, left);
		else people.delete(who.participantId);
		if (people.size === 0) this.#sockets.delete(who.sessionId);
		this.#schedule(who.sessionId);
	}

	#schedule(sessionId: string) {
		if (this.#pending.has(sessionId)) return;
		const timer = setTimeout(() => {
			this.#pending.delete(sessionId);
			this.#announce(sessionId, this.online(sessionId));
		}, 500);
		timer.unref?.();
		this.#pending.set(sessionId, timer);
	}
}

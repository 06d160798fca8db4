/**
 * This participant's dots during voting: what is placed (counting taps not yet acknowledged),
 * what is left, and whether one more or one fewer is allowed. Sends absolute counts.
 */
import type { LiveSession } from '$lib/client/live.svelte';
import { checkVote, dotsLeft } from '$lib/domain/votes';
import { onTargets, placement, voteTargets } from '$lib/view/votes';

export class Dots {
	#live: LiveSession;
	#me: string;

	constructor(live: LiveSession, participantId: string) {
		this.#live = live;
		this.#me = participantId;
	}

	get settings() {
		return this.#live.board!.session.voting;
	}

	/** Ids that can take dots now: the themes, or the items this phone can read. */
	readonly targetIds = $derived.by(() => {
		const board = this.#live.board;
		return board ? voteTargets(board) : new Set<string>();
	});

	readonly placed = $derived.by(() => {
		const pending = this.#live.outbox.pending.map((e) => e.command);
		return onTargets(placement(this.#live.board?.votes ?? [], this.#me, pending), this.targetIds);
	});

	readonly left = $derived.by(() => dotsLeft(this.placed, this.#live.board?.session.voting.budget ?? 0));

	count = (targetId: string) => this.placed.get(targetId) ?? 0;

	allows = (targetId: string, count: number) => count >= 0 && checkVote(this.placed, targetId, count, this.settings).ok;

	/** Sets the dots on one target; false (nothing sent) when the cap or the budget forbids it. */
	set = (targetId: string, count: number): boolean => {
		if (!this.targetIds.has(targetId) || !this.allows(targetId, count)) return false;
		this.#live.submit({ type: 'vote.set', targetId, count });
		return true;
	};
}

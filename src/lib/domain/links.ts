/**
 * Which kind answers which: the last kind on the board answers every kind before it. On the
 * default board, recommendations (rekomendasi) address constraints (kendala) and build on
 * opportunities (peluang); on a board with more kinds, they answer those too. A board of one kind
 * has nothing to answer with. The server enforces this on `link.set`; the phone, the console, the
 * action plan and the minutes offer and print what it allows, so they all call these functions.
 *
 * The functions take kinds in board order in whatever shape the caller holds them (the session's
 * kinds, the console's labelled kinds, the minutes' kind references): only the order matters.
 */
import type { Kind } from './types';

/** The kind whose items answer the others: the last one; null on a board of one kind. */
export function answeringKind<T>(kinds: readonly T[]): T | null {
	return kinds.length >= 2 ? kinds[kinds.length - 1] : null;
}

/** The kinds the answering kind may link to, in board order: every kind before it. */
export function answerableKinds<T>(kinds: readonly T[]): T[] {
	return kinds.length >= 2 ? kinds.slice(0, -1) : [];
}

/**
 * The first kind (constraints by default): what a recommendation addresses, where the other kinds
 * are what it builds on, and what an action-plan row lists as its issues. Null only with no kinds.
 */
export function addressedKind<T>(kinds: readonly T[]): T | null {
	return kinds[0] ?? null;
}

/** Whether an item of kind `from` may link to an item of kind `to` on a board of `kinds`. */
export function mayLink(kinds: readonly Kind[], from: string, to: string): boolean {
	return answeringKind(kinds)?.key === from && answerableKinds(kinds).some((k) => k.key === to);
}

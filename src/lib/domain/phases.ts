/** The phase machine and what each phase accepts. Pure: the server and every view share it. */
import { PHASES, type Kind, type Phase, type Timer } from './types';

/**
 * Phases in which new items are welcome unless the facilitator says otherwise. The lobby is
 * open too, so a facilitator who never touches the phases gets a plain live board.
 */
const OPEN_BY_DEFAULT: Phase[] = ['lobby', 'writing', 'reveal', 'discussion'];

export function defaultPhaseKinds(kinds: Kind[]): Record<Phase, string[]> {
	const keys = kinds.map((k) => k.key);
	return Object.fromEntries(PHASES.map((p) => [p, OPEN_BY_DEFAULT.includes(p) ? keys : []])) as Record<Phase, string[]>;
}

/** Stored overrides on top of the defaults; kinds that no longer exist are dropped. */
export function resolvePhaseKinds(kinds: Kind[], stored: Partial<Record<Phase, string[]>>): Record<Phase, string[]> {
	const keys = new Set(kinds.map((k) => k.key));
	const merged = { ...defaultPhaseKinds(kinds), ...stored };
	return Object.fromEntries(PHASES.map((p) => [p, (merged[p] ?? []).filter((k) => keys.has(k))])) as Record<
		Phase,
		string[]
	>;
}

/** Any phase may follow any other (facilitators skip and go back), except that closing is final. */
export function mayMove(from: Phase, to: Phase): boolean {
	return from !== 'closed' && from !== to && PHASES.includes(to);
}

export function timerEnded(timer: Timer, now: number): boolean {
	return timer.endsAt !== null && Date.parse(timer.endsAt) <= now;
}

/** Milliseconds left on the countdown at `now` (server-corrected on clients); null when cleared. */
export function remainingMs(timer: Timer, now: number): number | null {
	if (timer.endsAt) return Math.max(0, Date.parse(timer.endsAt) - now);
	return timer.remainingMs;
}

export function accepts(
	session: { phase: Phase; phaseKinds: Record<Phase, string[]>; timer: Timer },
	kind: string,
	now: number
): boolean {
	if (!session.phaseKinds[session.phase]?.includes(kind)) return false;
	return !(session.timer.lockOnEnd && timerEnded(session.timer, now));
}

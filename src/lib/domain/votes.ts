/** Dot-voting rules. Pure, so budgets and caps are tested without a database. */
import type { VotingSettings } from './types';

export type VoteCheck = { ok: true } | { ok: false; reason: 'over_cap' | 'over_budget' };

/**
 * Whether a participant may set `count` dots on `targetId`, given the dots they have placed
 * now (target → count). Moving dots is lowering one target and raising another.
 */
export function checkVote(
	placed: ReadonlyMap<string, number>,
	targetId: string,
	count: number,
	settings: Pick<VotingSettings, 'budget' | 'cap'>
): VoteCheck {
	// Taking dots back is always allowed, even after the facilitator lowered the budget or cap.
	if (count <= (placed.get(targetId) ?? 0)) return { ok: true };
	if (count > settings.cap) return { ok: false, reason: 'over_cap' };
	let elsewhere = 0;
	for (const [target, n] of placed) if (target !== targetId) elsewhere += n;
	if (elsewhere + count > settings.budget) return { ok: false, reason: 'over_budget' };
	return { ok: true };
}

/**
 * The dots that count against a budget: those on targets that can take dots now. Dots on a hidden
 * item, or on items while the room votes on themes, stay stored (they count again if the item or
 * the item vote comes back), but the voter cannot see them to take them off, so they must not
 * block new dots. The server and the phone both count this way before `checkVote`.
 */
export function countedDots(placed: ReadonlyMap<string, number>, isTarget: (targetId: string) => boolean): Map<string, number> {
	return new Map([...placed].filter(([targetId]) => isTarget(targetId)));
}

export function dotsLeft(placed: ReadonlyMap<string, number>, budget: number): number {
	let used = 0;
	for (const n of placed.values()) used += n;
	return Math.max(0, budget - used);
}

/** Totals per target and, per target, per stakeholder group. */
export function tally(
	votes: { participantId: string; targetId: string; count: number }[],
	groupOf: (participantId: string) => string
): Map<string, { total: number; byGroup: Map<string, number> }> {
	const result = new Map<string, { total: number; byGroup: Map<string, number> }>();
	for (const vote of votes) {
		const entry = result.get(vote.targetId) ?? { total: 0, byGroup: new Map<string, number>() };
		entry.total += vote.count;
		const group = groupOf(vote.participantId);
		entry.byGroup.set(group, (entry.byGroup.get(group) ?? 0) + vote.count);
		result.set(vote.targetId, entry);
	}
	return result;
}

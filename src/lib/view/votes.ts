/** Dot voting as the phone and the projector show it. Pure; the rules themselves are domain/votes.ts. */
import type { Board } from '../board';
import { countedDots, tally } from '../domain/votes';
import { kindLabel } from '../domain/defaults';
import type { Locale, Vote } from '../domain/types';
import type { Command } from '../realtime/contract';
import { readable } from './themes';

/** What this viewer can put dots on now: the themes, or the items it can read. */
export function voteTargets(board: Pick<Board, 'session' | 'themes' | 'items'>): Set<string> {
	const ids = board.session.voting.target === 'themes' ? board.themes.map((t) => t.id) : board.items.filter(readable).map((i) => i.id);
	return new Set(ids);
}

export interface VoteTarget {
	id: string;
	text: string;
	/** The item's kind label; absent for themes. */
	kind?: string;
}

/** The same targets as `voteTargets`, in board order, each with the text the room reads. */
export function labelledVoteTargets(board: Board, locale: Locale): VoteTarget[] {
	const ids = voteTargets(board);
	if (board.session.voting.target === 'themes') return board.themes.filter((t) => ids.has(t.id)).map((theme) => ({ id: theme.id, text: theme.name }));
	const kinds = new Map(board.session.kinds.map((k) => [k.key, kindLabel(k, locale)]));
	return board.items.filter((i) => ids.has(i.id)).map((item) => ({ id: item.id, text: item.text, kind: kinds.get(item.kind) }));
}

/**
 * This participant's dots (target → count): the board's votes, then their unsent `vote.set`
 * commands in order, so a quick second tap counts from the first one.
 */
export function placement(votes: Vote[], participantId: string, pending: Command[]): Map<string, number> {
	const placed = new Map<string, number>();
	for (const vote of votes) if (vote.participantId === participantId && vote.count > 0) placed.set(vote.targetId, vote.count);
	for (const command of pending) {
		if (command.type !== 'vote.set') continue;
		if (command.count > 0) placed.set(command.targetId, command.count);
		else placed.delete(command.targetId);
	}
	return placed;
}

/** Only dots on targets this phone can vote on count, by the rule of `countedDots` in domain/votes. */
export function onTargets(placed: Map<string, number>, targetIds: Set<string>): Map<string, number> {
	return countedDots(placed, (id) => targetIds.has(id));
}

/** Participants who placed at least one dot that this viewer can see. */
export function voterCount(votes: Vote[]): number {
	return new Set(votes.filter((v) => v.count > 0).map((v) => v.participantId)).size;
}

/**
 * The votes that make the results: the room's tallies where the board holds them (participants
 * and the projector after the reveal, whose own dots are counted in them), else every vote held.
 */
export function roomVotes(votes: Vote[]): Vote[] {
	const tallies = votes.filter((v) => v.group !== undefined);
	return tallies.length > 0 ? tallies : votes;
}

export interface Standing {
	targetId: string;
	total: number;
	/** Stakeholder group key → dots. */
	byGroup: Map<string, number>;
}

/** Totals for the given targets, most dots first; ties keep the targets' board order. Zero totals are left out. */
export function standings(votes: Vote[], targetIds: string[], groupOf: (participantId: string) => string): Standing[] {
	// Tallied by the group, whether the board holds tallies (the room) or each dot (staff).
	const counted = roomVotes(votes).map((v) => ({ ...v, participantId: v.group ?? groupOf(v.participantId) }));
	const totals = tally(counted, (group) => group);
	return targetIds
		.map((targetId) => ({ targetId, ...(totals.get(targetId) ?? { total: 0, byGroup: new Map<string, number>() }) }))
		.filter((s) => s.total > 0)
		.sort((a, b) => b.total - a.total);
}

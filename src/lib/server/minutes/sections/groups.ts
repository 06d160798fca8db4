/**
 * The stakeholder-group view of the findings: who contributed what, and who voted for what.
 * Reports compare groups (pentahelix), so every group of the session has a column, zeros too.
 */
import type { Locale } from '../../../domain/types';
import { kindsOf, type KindRef, type MinutesItem } from './items';
import type { MinutesTheme } from './findings';
import { groupCounts, type GroupCount, type Source } from './source';

export interface MatrixCells {
	/** Items by their author's group. */
	byGroup: GroupCount[];
	/**
	 * Anonymous items, counted apart rather than under their author's group: with a small
	 * group, a count in its column could tell who wrote them. An item whose author's data was
	 * deleted (withdrawn consent) counts here too, having no group left to count under.
	 */
	anonymous: number;
	total: number;
}

export interface MatrixRow extends MatrixCells {
	kind: string;
	label: string;
}

/** Contributions by kind (rows) and stakeholder group (columns); merged duplicates count once, in their target. */
export interface GroupMatrix {
	rows: MatrixRow[];
	totals: MatrixCells;
}

export interface VoteTarget {
	targetId: string;
	type: 'item' | 'theme';
	/** The item's kind; null for a theme. */
	kind: string | null;
	/** The item's text or the theme's name. */
	text: string;
	total: number;
	/** Dots by the voters' groups. */
	byGroup: GroupCount[];
}

export interface VoteResults {
	/** What the voting settings target now (a session may have voted on both in turn). */
	target: 'items' | 'themes';
	/** Dots each participant had. */
	budget: number;
	/** Most dots one participant could put on one target. */
	cap: number;
	/** Participants with at least one counted dot. */
	voters: number;
	/** Dots counted: on reported items and live themes only. */
	dots: number;
	/** Targets that received dots, most first; ties keep theme order, then posting order. */
	targets: VoteTarget[];
	/** What was put to a vote, lower case in board order: kinds whose items got dots, and "tema" for themes. */
	votedOn: string[];
	/** Kinds with items that were not put to a vote: their items show no count at all. */
	notVotedOn: string[];
}

export function matrixOf(source: Source, items: MinutesItem[]): GroupMatrix {
	const rows = kindsOf(source.session, items, source.lang).map((ref) => ({
		...ref,
		...cells(source, items.filter((i) => i.kind === ref.kind))
	}));
	return { rows, totals: cells(source, items) };
}

function cells(source: Source, items: MinutesItem[]): MatrixCells {
	const counts = new Map<string, number>();
	let anonymous = 0;
	for (const item of items) {
		if (!item.author) anonymous++;
		else counts.set(item.author.group, (counts.get(item.author.group) ?? 0) + 1);
	}
	return { byGroup: groupCounts(source, counts), anonymous, total: items.length };
}

const THEMES: Record<Locale, string> = { id: 'tema', en: 'themes' };

export function votesOf(source: Source, items: MinutesItem[], themes: MinutesTheme[]): VoteResults {
	const candidates: Omit<VoteTarget, 'total' | 'byGroup'>[] = [
		...themes.map((t) => ({ targetId: t.id, type: 'theme' as const, kind: null, text: t.name })),
		...items.map((i) => ({ targetId: i.id, type: 'item' as const, kind: i.kind, text: i.text }))
	];
	const targets: VoteTarget[] = [];
	for (const candidate of candidates) {
		const tally = source.tallies.get(candidate.targetId);
		if (tally) targets.push({ ...candidate, total: tally.total, byGroup: groupCounts(source, tally.byGroup) });
	}
	targets.sort((a, b) => b.total - a.total);
	const { target, budget, cap } = source.session.voting;
	const dots = targets.reduce((sum, t) => sum + t.total, 0);
	const kinds = kindsOf(source.session, items, source.lang).filter((ref) => items.some((i) => i.kind === ref.kind));
	const voted = (ref: KindRef) => targets.some((t) => t.kind === ref.kind);
	const votedOn = [...(targets.some((t) => t.type === 'theme') ? [THEMES[source.lang]] : []), ...kinds.filter(voted).map((k) => k.label.toLowerCase())];
	const notVotedOn = kinds.filter((k) => !voted(k)).map((k) => k.label.toLowerCase());
	return { target, budget, cap, voters: source.voters, dots, targets, votedOn, notVotedOn };
}

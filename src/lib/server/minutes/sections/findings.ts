/**
 * Pokok hasil diskusi: the constraints, opportunities and any other kind except the answering
 * one (which has its own section), each split by theme in the facilitator's order.
 */
import { answeringKind } from '../../../domain/links';
import type { Locale } from '../../../domain/types';
import { maskPhones } from '../mask';
import { byVotes, kindsOf, type MinutesItem } from './items';
import { votesOn, type Source } from './source';

export interface MinutesTheme {
	id: string;
	name: string;
	/** Order the facilitator gave, from 0. */
	position: number;
	/** Dots on the theme itself; null when no theme received any. */
	votes: number | null;
	/** Reported items in the theme, of every kind. */
	items: number;
}

/** The items of one kind that share a theme. */
export interface ThemeGroup {
	/** Null for the items in no theme, which come last. */
	themeId: string | null;
	/** The theme's name, or "Tanpa tema" / "Ungrouped". */
	name: string;
	votes: number | null;
	/** Most dots first when there were votes, else in posting order. */
	items: MinutesItem[];
}

export interface KindFindings {
	kind: string;
	label: string;
	/** Items of this kind in all its groups. */
	count: number;
	/** Themes with at least one item of this kind; empty when the kind has none. */
	groups: ThemeGroup[];
}

const UNGROUPED: Record<Locale, string> = { id: 'Tanpa tema', en: 'Ungrouped' };

export function themesOf(source: Source, items: MinutesItem[]): MinutesTheme[] {
	const anyVotes = source.themes.some((t) => source.tallies.has(t.id));
	return source.themes.map((theme) => ({
		id: theme.id,
		name: maskPhones(theme.name),
		position: theme.position,
		votes: votesOn(source, theme.id, anyVotes),
		items: items.filter((i) => i.themeId === theme.id).length
	}));
}

export function findingsOf(source: Source, items: MinutesItem[], themes: MinutesTheme[]): KindFindings[] {
	const answering = answeringKind(source.session.kinds)?.key;
	return kindsOf(source.session, items, source.lang)
		.filter((ref) => ref.kind !== answering)
		.map((ref) => {
			const ofKind = items.filter((i) => i.kind === ref.kind);
			return { ...ref, count: ofKind.length, groups: groupByTheme(ofKind, themes, source.lang) };
		});
}

function groupByTheme(items: MinutesItem[], themes: MinutesTheme[], lang: Locale): ThemeGroup[] {
	const known = new Set(themes.map((t) => t.id));
	const groups: ThemeGroup[] = themes.map((t) => ({
		themeId: t.id,
		name: t.name,
		votes: t.votes,
		items: byVotes(items.filter((i) => i.themeId === t.id))
	}));
	// An item whose theme was deleted is ungrouped (deleting a theme clears its items, so this is a safeguard).
	const rest = items.filter((i) => !i.themeId || !known.has(i.themeId));
	groups.push({ themeId: null, name: UNGROUPED[lang], votes: null, items: byVotes(rest) });
	return groups.filter((g) => g.items.length > 0);
}

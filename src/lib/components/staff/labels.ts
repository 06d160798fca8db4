/**
 * Short, numbered labels for the visible items (K1, K2… P1… R1…), so a matrix or a plan row can
 * name an item in two characters and a legend or tooltip carries its full text. The same board
 * gives the same labels on every staff screen.
 */
import { itemsByKind, type Board } from '../../board';
import { kindLabel } from '../../domain/defaults';
import type { ItemView, Kind, Locale } from '../../domain/types';

export interface LabelledItem {
	item: ItemView;
	label: string;
}

export interface LabelledKind {
	kind: Kind;
	items: LabelledItem[];
}

/** One letter per kind from its label; a clash takes two letters, then the kind's number. */
export function kindPrefixes(kinds: Kind[], locale: Locale): string[] {
	const taken = new Set<string>();
	return kinds.map((kind, index) => {
		const letters = kindLabel(kind, locale).replace(/[^\p{L}\p{N}]/gu, '').toUpperCase();
		const candidates = [letters.slice(0, 1), letters.slice(0, 2), `${letters.slice(0, 1) || 'J'}${index + 1}`];
		const prefix = candidates.find((c) => c && !taken.has(c)) ?? `${index + 1}.`;
		taken.add(prefix);
		return prefix;
	});
}

/** Visible items of every kind, numbered in board order. */
export function labelledKinds(board: Board, locale: Locale): LabelledKind[] {
	const columns = itemsByKind(board);
	const prefixes = kindPrefixes(board.session.kinds, locale);
	return board.session.kinds.map((kind, k) => ({
		kind,
		items: (columns.get(kind.key) ?? []).map((item, i) => ({ item, label: `${prefixes[k]}${i + 1}` }))
	}));
}

/** Option text for a select, where text cannot wrap: the label and the start of the item. */
export function shortText(entry: LabelledItem, max = 80): string {
	const text = entry.item.text.replace(/\s+/g, ' ');
	return `${entry.label} · ${text.length > max ? `${text.slice(0, max - 1)}…` : text}`;
}

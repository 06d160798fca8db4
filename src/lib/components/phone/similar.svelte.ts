/**
 * "Sudah ada yang mirip": which readable items look like the draft being typed. The matcher (its
 * stemmer and word lists, ~4 KB) is fetched on the first keystroke, not with the page: a phone
 * that only reads never needs it, and the suggestions are a help, never a step.
 */
import type { ItemView } from '$lib/domain/types';

export type FindSimilar = (draft: string) => ItemView[];
type Similarity = typeof import('$lib/similarity');

const LIMIT = 3;
let similarity = $state.raw<Similarity | null>(null);
let loading: Promise<void> | null = null;

/** Fetches the matcher once; after a failed fetch the next keystroke tries again. */
export function loadSimilarity(): Promise<void> {
	loading ??= import('$lib/similarity').then(
		(module) => void (similarity = module),
		() => void (loading = null)
	);
	return loading;
}

/**
 * A finder over `items`; the index is built on the first search, not on every new item. Until
 * the matcher has arrived it finds nothing; the matcher is read here, not in the search, so a
 * `$derived` that makes finders makes a new one (and searches again) when it arrives.
 */
export function similarFinder(items: ItemView[]): FindSimilar {
	const matcher = similarity;
	let index: ReturnType<Similarity['createIndex']> | null = null;
	const byId = new Map(items.map((item) => [item.id, item]));
	return (draft) => {
		if (!matcher) {
			if (draft.trim()) void loadSimilarity();
			return [];
		}
		index ??= matcher.createIndex(items.map(({ id, text }) => ({ id, text })));
		return matcher
			.similarTo(index, draft, { limit: LIMIT, threshold: matcher.SIMILAR })
			.map((match) => byId.get(match.id))
			.filter((item): item is ItemView => item !== undefined);
	};
}

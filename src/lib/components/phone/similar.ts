/** "Sudah ada yang mirip": which readable items look like the draft being typed. */
import type { ItemView } from '$lib/domain/types';
import { createIndex, SIMILAR, similarTo } from '$lib/similarity';

export type FindSimilar = (draft: string) => ItemView[];

const LIMIT = 3;

/** A finder over `items`; the index is built on the first search, not on every new item. */
export function similarFinder(items: ItemView[]): FindSimilar {
	let index: ReturnType<typeof createIndex> | null = null;
	const byId = new Map(items.map((item) => [item.id, item]));
	return (draft) => {
		index ??= createIndex(items.map(({ id, text }) => ({ id, text })));
		return similarTo(index, draft, { limit: LIMIT, threshold: SIMILAR })
			.map((match) => byId.get(match.id))
			.filter((item): item is ItemView => item !== undefined);
	};
}

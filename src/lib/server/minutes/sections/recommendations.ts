/**
 * Rekomendasi: the answering kind ranked by dots, each with the items it answers. What makes
 * the minutes useful to a planner is the link: this recommendation, for that constraint.
 */
import { byVotes, kindsOf, recommendationKind, type MinutesItem } from './items';
import type { Source } from './source';

/** An item another part of the minutes points at, by its text. */
export interface LinkedItem {
	id: string;
	text: string;
}

/** The linked items of one kind. */
export interface LinkedKind {
	kind: string;
	label: string;
	/**
	 * `addresses` for the first kind (the constraints a recommendation answers), `uses` for the
	 * others (the opportunities it builds on).
	 */
	relation: 'addresses' | 'uses';
	items: LinkedItem[];
}

export interface MinutesRecommendation {
	/** 1 for the most dots; ties keep posting order, so ranks are never shared. */
	rank: number;
	item: MinutesItem;
	/** Kinds in board order, only those with a link; linked items in posting order. */
	links: LinkedKind[];
}

export interface MinutesRecommendations {
	kind: string;
	label: string;
	ranked: MinutesRecommendation[];
}

/** Null when the board has a single kind, so nothing answers anything. */
export function recommendationsOf(source: Source, items: MinutesItem[]): MinutesRecommendations | null {
	const answering = recommendationKind(source.session);
	if (!answering) return null;
	const kinds = kindsOf(source.session, items, source.lang);
	const ranked = byVotes(items.filter((i) => i.kind === answering)).map((item, index) => {
		const targets = new Set(source.links.filter((l) => l.recommendationId === item.id).map((l) => l.targetId));
		const links: LinkedKind[] = [];
		kinds.forEach((ref, position) => {
			// In posting order, as everywhere else in the minutes, not in the order the links were made.
			const linked = items.filter((t) => t.kind === ref.kind && targets.has(t.id)).map((t) => ({ id: t.id, text: t.text }));
			if (ref.kind !== answering && linked.length > 0)
				links.push({ ...ref, relation: position === 0 ? 'addresses' : 'uses', items: linked });
		});
		return { rank: index + 1, item, links };
	});
	return { kind: answering, label: kinds.find((k) => k.kind === answering)!.label, ranked };
}

/** Items by id, resolving a merged item to the one it lives on in; unknown or unreported ids drop out. */
export function resolveItems(source: Source, items: MinutesItem[], ids: string[]): LinkedItem[] {
	const byId = new Map(items.map((i) => [i.id, i]));
	const seen = new Set<string>();
	const result: LinkedItem[] = [];
	for (const id of ids) {
		const item = byId.get(source.mergedInto.get(id) ?? id);
		if (!item || seen.has(item.id)) continue;
		seen.add(item.id);
		result.push({ id: item.id, text: item.text });
	}
	return result;
}

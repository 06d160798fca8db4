/**
 * Rekomendasi: the answering kind ranked by dots, each with the items it answers. What makes
 * the minutes useful to a planner is the link: this recommendation, for that constraint.
 */
import { addressedKind, answeringKind, mayLink } from '../../../domain/links';
import { singularKindLabel } from '../../../domain/defaults';
import { byVotes, kindsOf, type KindRef, type MinutesItem } from './items';
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
	 * others (the opportunities it builds on); see `domain/links`.
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
	/**
	 * The kind recommendations answer (the board's first, Kendala by default), its label for one
	 * item: a recommendation linked to none of it says "belum dikaitkan dengan kendala".
	 */
	answers: KindRef;
	ranked: MinutesRecommendation[];
}

/** Null when the board has a single kind, so nothing answers anything. */
export function recommendationsOf(source: Source, items: MinutesItem[]): MinutesRecommendations | null {
	const { kinds: board } = source.session;
	const answering = answeringKind(board)?.key;
	if (!answering) return null;
	const kinds = kindsOf(source.session, items, source.lang);
	const linkable = kinds.filter((ref) => mayLink(board, answering, ref.kind));
	const addressed = addressedKind(board)?.key;
	// Looked up once, not per recommendation: with a thousand items and hundreds of recommendations,
	// scanning every item and link for each one was most of building the minutes.
	const place = new Map(items.map((item, i) => [item.id, i]));
	const targetsOf = new Map<string, string[]>();
	for (const l of source.links) {
		const targets = targetsOf.get(l.recommendationId);
		if (targets) targets.push(l.targetId);
		else targetsOf.set(l.recommendationId, [l.targetId]);
	}
	const ranked = byVotes(items.filter((i) => i.kind === answering)).map((item, index) => {
		// In posting order, as everywhere else in the minutes, not in the order the links were made.
		const places = [...new Set(targetsOf.get(item.id))].map((id) => place.get(id)).filter((i) => i !== undefined);
		const targets = places.sort((a, b) => a - b).map((i) => items[i]);
		const links: LinkedKind[] = [];
		for (const ref of linkable) {
			const linked = targets.filter((t) => t.kind === ref.kind).map((t) => ({ id: t.id, text: t.text }));
			if (linked.length > 0) links.push({ ...ref, relation: ref.kind === addressed ? 'addresses' : 'uses', items: linked });
		}
		return { rank: index + 1, item, links };
	});
	const answers = { kind: kinds[0].kind, label: singularKindLabel(kinds[0].label, source.lang) };
	return { kind: answering, label: kinds.find((k) => k.kind === answering)!.label, answers, ranked };
}

/** Each list of items by id, made once per list (the action plan resolves a few ids per row). */
const indexes = new WeakMap<MinutesItem[], Map<string, MinutesItem>>();

/** Items by id, resolving a merged item to the one it lives on in; unknown or unreported ids drop out. */
export function resolveItems(source: Source, items: MinutesItem[], ids: string[]): LinkedItem[] {
	let byId = indexes.get(items);
	if (!byId) indexes.set(items, (byId = new Map(items.map((i) => [i.id, i]))));
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

import { Agglomeration } from './groups';
import { themeName } from './names';
import { createIndex, duplicatePairs } from './search';
import { TOPIC } from './topics';

/** One item of a programme: a card of one of its sessions. */
export interface ProgrammeItem {
	id: string;
	sessionId: string;
	text: string;
	/** The board column (kendala, peluang, rekomendasi): items of different kinds never share a cluster. */
	kind: string;
}

/** An issue found across sessions. */
export interface Cluster {
	/** The id of its earliest item: stable while that item stays. */
	id: string;
	kind: string;
	/** Its items, in the order they were given. */
	itemIds: string[];
	/** The sessions that raised it, in order of first appearance. */
	sessionIds: string[];
	/** A short name from its own words ("Akses modal usaha"); a lone item's text. */
	name: string;
}

/**
 * Lowest average score for two clusters to merge, under a duplicate's (DUPLICATE, 0.5): an issue
 * is broader than one contribution. The index counts words of one thesaurus topic as partly the
 * same, which lifts cards that say one issue in other words. Read off the tuned, labelled
 * programme (src/lib/similarity/data/programme.tsv; see docs/synthesis.md and the bench).
 */
export const CLUSTER = 0.25;

/**
 * The issues of a programme: every item of every session, clustered by meaning, within each
 * kind. Average-link agglomeration (as suggestGroups) over the scores of an index built with the
 * domain thesaurus' topics; items that say opposite things ("sudah ada" / "belum ada") never
 * link. Every item is in exactly one cluster; a cluster of one is an issue one session raised.
 * Clusters come biggest first by sessions, then by items, then in the order of their first item.
 * Throws on a repeated item id.
 */
export function clusterAcrossSessions(
	items: ProgrammeItem[],
	{ threshold = CLUSTER }: { threshold?: number } = {}
): Cluster[] {
	const order = new Map<string, number>();
	items.forEach((item, i) => {
		if (order.has(item.id)) throw new Error(`clusterAcrossSessions: item ${item.id} is given twice`);
		order.set(item.id, i);
	});
	const kinds = new Map<string, ProgrammeItem[]>();
	for (const item of items) kinds.get(item.kind)?.push(item) ?? kinds.set(item.kind, [item]);

	const clusters: Cluster[] = [];
	for (const [kind, members] of kinds) {
		const index = createIndex(members, { topics: TOPIC, heads: false });
		const pairs = duplicatePairs(index, { threshold });
		const groups = new Agglomeration(pairs.map((p) => [order.get(p.a)!, order.get(p.b)!, p.score]));
		while (groups.mergeBest(threshold));
		const grouped = new Set<number>();
		const sets = [...groups.members.values()].map((g) => g.sort((x, y) => x - y));
		for (const g of sets) for (const i of g) grouped.add(i);
		for (const m of members) if (!grouped.has(order.get(m.id)!)) sets.push([order.get(m.id)!]);
		for (const set of sets) {
			const entries = set.map((i) => items[i]);
			clusters.push({
				id: entries[0].id,
				kind,
				itemIds: entries.map((e) => e.id),
				sessionIds: [...new Set(entries.map((e) => e.sessionId))],
				name: issueName(entries, entries.length > 1 ? themeName(index, entries) : '')
			});
		}
	}
	return clusters.sort(
		(a, b) =>
			b.sessionIds.length - a.sessionIds.length ||
			b.itemIds.length - a.itemIds.length ||
			order.get(a.id)! - order.get(b.id)!
	);
}

/** Items whose text is short enough to name an issue whole. */
const NAME_WORDS = 8;

/**
 * An issue's name. A one-word theme name ("Sinyal", "Dana") says too little in a report read
 * without the items, so the shortest item that holds the word names it when it is short enough
 * ("Sinyal sering putus"); a lone item is named by its own text.
 */
function issueName(entries: { text: string }[], theme: string): string {
	if (!theme) return entries[0].text.trim();
	if (theme.includes(' ')) return theme;
	const word = theme.toLowerCase();
	const fitting = entries
		.map((e) => e.text.trim())
		.filter((text) => text.split(/\s+/).length <= NAME_WORDS && text.toLowerCase().split(/[^\p{L}\p{N}-]+/u).includes(word))
		.sort((a, b) => a.length - b.length);
	return fitting[0] ?? theme;
}

import { LACK_STEM } from './lexicon';
import { duplicatePairs, GROUP, type Options, type SimilarityIndex } from './search';

/** Items are numbered in the order they were added; a group goes by its earliest item. */
interface Nearest {
	to: number;
	mean: number;
}

/** Average-link agglomeration over a sparse set of pair scores; a missing pair counts as 0. */
export class Agglomeration {
	/** Group → its items. */
	readonly members = new Map<number, number[]>();
	/** Group → other group → the sum of their items' pair scores. */
	#links = new Map<number, Map<number, number>>();
	/** Group → the group it is most alike on average, so a merge only rescans what it touched. */
	#nearest = new Map<number, Nearest>();

	constructor(pairs: [number, number, number][]) {
		for (const [a, b, score] of pairs) {
			for (const x of [a, b]) if (!this.members.has(x)) this.members.set(x, [x]);
			this.#link(a, b, score);
		}
		for (const g of this.#links.keys()) this.#rescan(g);
	}

	/** Merges the two groups most alike on average, if they reach `threshold`. */
	mergeBest(threshold: number): boolean {
		let pick: [number, number] | undefined;
		let top = threshold;
		for (const [g, { to, mean }] of this.#nearest) {
			const pair: [number, number] = g < to ? [g, to] : [to, g];
			// On a tie the pair with the earlier item wins, so equal scores give one answer.
			if (mean > top || (mean === top && (!pick || pair[0] < pick[0]))) [pick, top] = [pair, mean];
		}
		if (pick) this.#merge(...pick);
		return pick !== undefined;
	}

	#merge(keep: number, drop: number) {
		this.members.get(keep)!.push(...this.members.get(drop)!);
		for (const [h, sum] of this.#links.get(drop)!) {
			this.#links.get(h)!.delete(drop);
			if (h !== keep) this.#link(keep, h, (this.#links.get(keep)?.get(h) ?? 0) + sum);
		}
		this.members.delete(drop);
		this.#links.delete(drop);
		this.#nearest.delete(drop);
		this.#rescan(keep);
		for (const h of this.#links.get(keep)!.keys()) {
			const was = this.#nearest.get(h);
			if (was?.to === keep || was?.to === drop) this.#rescan(h);
			else this.#offer(h, keep, was);
		}
	}

	#link(g: number, h: number, sum: number) {
		for (const [x, y] of [[g, h], [h, g]]) {
			this.#links.get(x)?.set(y, sum) ?? this.#links.set(x, new Map([[y, sum]]));
		}
	}

	/** Makes `to` the nearest group of `g` if it is more alike than `than`. */
	#offer(g: number, to: number, than?: Nearest) {
		const size = this.members.get(g)!.length * this.members.get(to)!.length;
		const mean = this.#links.get(g)!.get(to)! / size;
		if (!than || mean > than.mean || (mean === than.mean && to < than.to)) {
			this.#nearest.set(g, { to, mean });
		}
	}

	#rescan(g: number) {
		this.#nearest.delete(g);
		for (const h of this.#links.get(g)!.keys()) this.#offer(g, h, this.#nearest.get(g));
	}
}

/**
 * Themes for the facilitator: groups of two or more items, biggest first, each in the order
 * its items were added.
 *
 * Average-link agglomeration over the pairs that score at least `threshold`: the two groups
 * whose items are most alike on average merge first, and merging stops when no two groups are
 * alike enough on average. A pair under the threshold counts as 0, so a group cannot grow by
 * a chain of one-word links the way single-link groups do.
 */
export function suggestGroups(
	index: SimilarityIndex,
	{ threshold = GROUP, filter }: Options = {}
): string[][] {
	const ids = [...index.items.keys()];
	const order = new Map(ids.map((id, i) => [id, i]));
	const pairs = duplicatePairs(index, { threshold, filter, opposites: true, heads: false });
	const groups = new Agglomeration(pairs.map((p) => [order.get(p.a)!, order.get(p.b)!, p.score]));
	while (groups.mergeBest(threshold));
	return [...groups.members.values()]
		.filter((group) => group.length > 1)
		.map((group) => group.sort((x, y) => x - y))
		.sort((x, y) => y.length - x.length || x[0] - y[0])
		.map((group) => group.map((i) => ids[i]));
}

/**
 * The words a group of items shares most, as they were most often typed, to name a theme:
 * ["modal", "usaha"]. A lack ("belum", "sulit") is never a name.
 */
export function keywords(index: SimilarityIndex, ids: string[], limit = 3): string[] {
	const counts = new Map<number, number>();
	for (const id of ids) {
		for (const t of index.items.get(id)?.terms ?? []) counts.set(t, (counts.get(t) ?? 0) + 1);
	}
	return [...counts]
		.filter(([t]) => index.terms[t].stem !== LACK_STEM)
		.sort(([t, n], [u, m]) => m - n || index.terms[t].items - index.terms[u].items || t - u)
		.slice(0, limit)
		.map(([t]) => {
			let name = '';
			let most = 0;
			for (const [form, uses] of index.terms[t].forms) if (uses > most) [name, most] = [form, uses];
			return name;
		});
}

/**
 * How good a duplicate decision or a clustering is against hand labels: precision, recall and
 * F1. Used by the clustering bench (`npm run bench -- --only clustering`) on the labelled data
 * in ./data; plain functions so that the arithmetic itself is unit-tested.
 */

export interface Scores {
	/** Pairs called the same that are the same (true positives). */
	tp: number;
	/** Pairs called the same that are not. */
	fp: number;
	/** Pairs that are the same but were not called so. */
	fn: number;
	/** Of the pairs called the same, the share that are: tp / (tp + fp), 0 when none was called. */
	precision: number;
	/** Of the pairs that are the same, the share called so: tp / (tp + fn), 0 when there is none. */
	recall: number;
	/** Harmonic mean of precision and recall, 0 when both are 0. */
	f1: number;
}

export function scores(tp: number, fp: number, fn: number): Scores {
	const precision = tp + fp ? tp / (tp + fp) : 0;
	const recall = tp + fn ? tp / (tp + fn) : 0;
	const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
	return { tp, fp, fn, precision, recall, f1 };
}

/** Scores of yes/no decisions against labels: `expected` is the label, `predicted` the decision. */
export function decisionScores(results: { expected: boolean; predicted: boolean }[]): Scores {
	let [tp, fp, fn] = [0, 0, 0];
	for (const { expected, predicted } of results) {
		if (predicted && expected) tp++;
		else if (predicted) fp++;
		else if (expected) fn++;
	}
	return scores(tp, fp, fn);
}

/**
 * Pairwise scores of a clustering against labels: every pair of items is a decision, "same
 * cluster" against "same label". Items missing from `clusters` count as alone; items without a
 * label are left out.
 */
export function clusterScores(clusters: string[][], labels: Map<string, string>): Scores {
	const clusterOf = new Map<string, number>();
	clusters.forEach((members, c) => members.forEach((id) => clusterOf.set(id, c)));
	const ids = [...labels.keys()];
	let [tp, fp, fn] = [0, 0, 0];
	for (let i = 0; i < ids.length; i++) {
		for (let j = i + 1; j < ids.length; j++) {
			const a = clusterOf.get(ids[i]);
			const together = a !== undefined && a === clusterOf.get(ids[j]);
			const same = labels.get(ids[i]) === labels.get(ids[j]);
			if (together && same) tp++;
			else if (together) fp++;
			else if (same) fn++;
		}
	}
	return scores(tp, fp, fn);
}

import type { Minutes } from './model';

/** Kind key → its label in the minutes' language, from the sections that carry the labels. */
export function kindLabels(minutes: Minutes): Map<string, string> {
	const refs = [...minutes.matrix.rows, ...minutes.findings, ...(minutes.recommendations ? [minutes.recommendations] : [])];
	return new Map(refs.map((k) => [k.kind, k.label]));
}

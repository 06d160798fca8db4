import { singularKindLabel } from '../../domain/defaults';
import type { Minutes } from './model';

/**
 * Kind key → its label for a cell that holds one item or choice ("Constraint" in English, where the
 * kind's heading says "Constraints"), from the sections that carry the labels.
 */
export function kindLabels(minutes: Minutes): Map<string, string> {
	const refs = [...minutes.matrix.rows, ...minutes.findings, ...(minutes.recommendations ? [minutes.recommendations] : [])];
	return new Map(refs.map((k) => [k.kind, singularKindLabel(k.label, minutes.lang)]));
}

import { describe, expect, it } from 'vitest';
import { clusterScores, decisionScores, scores } from './quality';

describe('scores', () => {
	it('computes precision, recall and F1 from counts', () => {
		const s = scores(6, 2, 3);
		expect(s.precision).toBeCloseTo(6 / 8);
		expect(s.recall).toBeCloseTo(6 / 9);
		expect(s.f1).toBeCloseTo((2 * 0.75 * (2 / 3)) / (0.75 + 2 / 3));
	});

	it('gives 0, not NaN, when nothing was called or nothing was there', () => {
		expect(scores(0, 0, 4)).toMatchObject({ precision: 0, recall: 0, f1: 0 });
		expect(scores(0, 3, 0)).toMatchObject({ precision: 0, recall: 0, f1: 0 });
	});
});

describe('decisionScores', () => {
	it('counts true positives, false positives and misses; true negatives do not count', () => {
		const s = decisionScores([
			{ expected: true, predicted: true },
			{ expected: true, predicted: true },
			{ expected: true, predicted: false },
			{ expected: false, predicted: true },
			{ expected: false, predicted: false },
			{ expected: false, predicted: false }
		]);
		expect(s).toMatchObject({ tp: 2, fp: 1, fn: 1 });
		expect(s.precision).toBeCloseTo(2 / 3);
		expect(s.recall).toBeCloseTo(2 / 3);
	});
});

describe('clusterScores', () => {
	it('scores every pair of items: together in a cluster against the same label', () => {
		// Labels: {a, b, c} one issue, {d, e} another. Clusters: {a, b}, {c, d}, {e}.
		const labels = new Map([['a', 'x'], ['b', 'x'], ['c', 'x'], ['d', 'y'], ['e', 'y']]);
		const s = clusterScores([['a', 'b'], ['c', 'd'], ['e']], labels);
		// Together: a-b (right), c-d (wrong). Same label: a-b, a-c, b-c, d-e; found only a-b.
		expect(s).toMatchObject({ tp: 1, fp: 1, fn: 3 });
		expect(s.precision).toBe(0.5);
		expect(s.recall).toBe(0.25);
	});

	it('is perfect on the labels themselves, and counts unclustered items as alone', () => {
		const labels = new Map([['a', 'x'], ['b', 'x'], ['c', 'y']]);
		expect(clusterScores([['a', 'b'], ['c']], labels)).toMatchObject({ precision: 1, recall: 1, f1: 1 });
		expect(clusterScores([], labels)).toMatchObject({ tp: 0, fp: 0, fn: 1 });
	});
});

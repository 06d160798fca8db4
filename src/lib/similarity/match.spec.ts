import { describe, expect, it } from 'vitest';
import { closeness, distance } from './match';

describe('distance', () => {
	it('counts insertions, deletions and substitutions', () => {
		expect(distance('pemasaran', 'pemasran', 3)).toBe(1);
		expect(distance('modal', 'model', 3)).toBe(1);
		expect(distance('kitten', 'sitting', 5)).toBe(3);
	});

	it('counts a swap of two neighbouring letters as one edit', () => {
		expect(distance('modal', 'modla', 3)).toBe(1);
		expect(distance('ab', 'ba', 3)).toBe(1);
	});

	it('gives up past the limit', () => {
		expect(distance('agrowisata', 'pemasaran', 2)).toBe(3);
	});
});

describe('closeness', () => {
	it('is 1 for equal words and 1 − edits/length for a typo', () => {
		expect(closeness('modal', 'modal')).toBe(1);
		expect(closeness('modla', 'modal')).toBeCloseTo(0.8);
		expect(closeness('pemasran', 'pemasaran', true)).toBeCloseTo(1 - 1 / 9);
	});

	it('allows two edits from eight letters in stems, one in words as typed', () => {
		expect(closeness('koordinsai', 'koordinasi')).toBeGreaterThan(0);
		expect(closeness('kordinsai', 'koordinasi')).toBeGreaterThan(0);
		expect(closeness('pendapatan', 'mendapatkan', true)).toBe(0);
	});

	it('takes no typos in words under five letters, nor in a short first letter', () => {
		expect(closeness('ikan', 'iklan')).toBe(0);
		expect(closeness('lahan', 'bahan')).toBe(0);
	});

	it('counts a word inside a compound as partly the same', () => {
		expect(closeness('wisata', 'agrowisata')).toBe(0.75);
		expect(closeness('pascatambang', 'tambang')).toBe(0.75);
		expect(closeness('tambang', 'tambangan')).toBe(0);
	});
});

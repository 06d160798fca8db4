import { describe, expect, it } from 'vitest';
import { item } from '$lib/testing/board';
import { loadSimilarity, similarFinder } from './similar.svelte';

const items = [
	item('a', 'kendala', { text: 'Akses modal usaha sulit tanpa agunan' }),
	item('b', 'kendala', { text: 'Pelaku UMKM belum memanfaatkan pemasaran digital' }),
	item('c', 'kendala', { text: 'Pendapatan warga turun setelah tambang berhenti' })
];

describe('similarFinder', () => {
	it('finds nothing until the matcher has arrived, and a typed draft fetches it', async () => {
		const before = similarFinder(items);
		expect(before('modal usaha susah didapat')).toEqual([]);
		await loadSimilarity();
		expect(before('modal usaha susah didapat')).toEqual([]);
		expect(similarFinder(items)('modal usaha susah didapat').map((i) => i.id)).toEqual(['a']);
	});

	it('finds an item that shares the draft’s main words', () => {
		const find = similarFinder(items);
		expect(find('modal usaha susah didapat').map((i) => i.id)).toEqual(['a']);
		expect(find('UMKM kurang paham pemasar digital').map((i) => i.id)).toEqual(['b']);
	});

	it('finds nothing for an unrelated draft or one made of small words', () => {
		const find = similarFinder(items);
		expect(find('jalan desa rusak parah')).toEqual([]);
		expect(find('dan yang di')).toEqual([]);
	});
});

import { describe, expect, it } from 'vitest';
import { keywords, suggestGroups } from './groups';
import { SAMPLE_ITEMS, themeOf } from '$lib/testing/sample-cards';
import { createIndex } from './search';

const index = createIndex(SAMPLE_ITEMS);
const groups = suggestGroups(index);
const groupOf = (id: string) => groups.find((group) => group.includes(id)) ?? [];

describe('suggestGroups', () => {
	it('gathers the capital cards, the digital-marketing cards and the mining-land cards', () => {
		expect(groupOf('modal-1')).toEqual(expect.arrayContaining(['modal-2', 'modal-5']));
		expect(groupOf('digital-1')).toEqual(
			expect.arrayContaining(['digital-2', 'digital-5', 'digital-6'])
		);
		expect(groupOf('lahan-1')).toEqual(['lahan-1', 'lahan-2', 'lahan-3']);
	});

	it('puts only cards of one theme in a group', () => {
		for (const group of groups) expect(new Set(group.map(themeOf)).size, group.join()).toBe(1);
	});

	it('gives groups of two or more, each card in one group at most, biggest group first', () => {
		const all = groups.flat();
		expect(new Set(all).size).toBe(all.length);
		for (const group of groups) expect(group.length).toBeGreaterThanOrEqual(2);
		const sizes = groups.map((g) => g.length);
		expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
	});

	it('does not chain cards through a middle card, as single-link grouping would', () => {
		const chain = createIndex([
			{ id: 'a', text: 'Modal usaha dari bank' },
			{ id: 'b', text: 'Bank sampah desa' },
			{ id: 'c', text: 'Sampah plastik desa' }
		]);
		// a–b and b–c both pass 0.2; a–c share nothing.
		expect(suggestGroups(chain, { threshold: 0.2 })).toEqual([['b', 'c']]);
	});

	it('groups only the items the filter lets through', () => {
		const onlyCapital = suggestGroups(index, { filter: (id) => themeOf(id) === 'modal' });
		expect(onlyCapital.flat().every((id) => themeOf(id) === 'modal')).toBe(true);
		expect(onlyCapital.length).toBeGreaterThan(0);
	});

	it('is deterministic and independent of the order items came in', () => {
		expect(suggestGroups(createIndex(SAMPLE_ITEMS))).toEqual(groups);
		const reversed = suggestGroups(createIndex([...SAMPLE_ITEMS].reverse()));
		const asSets = (list: string[][]) => list.map((g) => [...g].sort().join()).sort();
		expect(asSets(reversed)).toEqual(asSets(groups));
	});

	it('finds nothing in an empty index', () => {
		expect(suggestGroups(createIndex())).toEqual([]);
	});
});

describe('keywords', () => {
	it('names a group by its most shared words, never by a word of lack', () => {
		const names = keywords(index, groupOf('modal-1'));
		expect(names).toContain('modal');
		expect(names).not.toContain('sulit');
		expect(keywords(index, groupOf('digital-1'))).toEqual(
			expect.arrayContaining(['pemasaran', 'digital'])
		);
	});

	it('uses the spelling typed most often for a stem', () => {
		const small = createIndex([
			{ id: '1', text: 'pemasaran produk' },
			{ id: '2', text: 'pemasaran olahan' },
			{ id: '3', text: 'memasarkan kerupuk' }
		]);
		expect(keywords(small, ['1', '2', '3'], 1)).toEqual(['pemasaran']);
	});

	it('gives at most `limit` words', () => {
		expect(keywords(index, groupOf('csr-1'), 2)).toHaveLength(2);
	});
});

import { describe, expect, it } from 'vitest';
import { DEFAULT_KINDS } from '../../domain/defaults';
import type { ActionRow } from '../../domain/types';
import { item } from '$lib/testing/board';
import { formatRupiah, planChoices, rowFields, tidyRow } from './plan';

describe('formatRupiah', () => {
	it('writes Rupiah the Indonesian way, without decimals', () => {
		expect(formatRupiah(150_000_000)).toBe('Rp 150.000.000');
		expect(formatRupiah(0)).toBe('Rp 0');
	});
});

describe('rowFields', () => {
	it('gives a blank planned row when there is none yet', () => {
		expect(rowFields(null)).toMatchObject({ issueItemIds: [], recommendationId: null, activity: '', cost: null, status: 'rencana' });
	});

	it('gives the same JSON for a row however its fields were ordered', () => {
		const row = rowFields(null);
		const shuffled = Object.fromEntries(Object.entries({ ...row, id: 'r1', position: 0 }).reverse()) as unknown as ActionRow;
		expect(JSON.stringify(rowFields(shuffled))).toBe(JSON.stringify(row));
	});
});

describe('tidyRow', () => {
	it('trims text as the server will and makes the cost a whole, non-negative number', () => {
		const row = { ...rowFields(null), activity: '  Pelatihan  ', pic: { name: ' Bu Rina ', institution: '', group: 'csr' }, cost: 1500.6 };
		expect(tidyRow(row)).toMatchObject({ activity: 'Pelatihan', pic: { name: 'Bu Rina', group: 'csr' }, cost: 1501 });
		expect(tidyRow({ ...row, cost: Number.NaN }).cost).toBeNull();
	});
});

describe('planChoices', () => {
	const labelled = (keys: string[][]) =>
		keys.map((ids, k) => ({ kind: DEFAULT_KINDS[k], items: ids.map((id) => ({ item: item(id, DEFAULT_KINDS[k].key), label: id })) }));

	it('offers constraints as issues and recommendations as the row’s recommendation', () => {
		const choices = planChoices(labelled([['k1', 'k2'], ['p1'], ['r1']]));
		expect(choices.issues.map((e) => e.item.id)).toEqual(['k1', 'k2']);
		expect(choices.recommendations.map((e) => e.item.id)).toEqual(['r1']);
	});

	it('offers no recommendation on a board of one kind, whose items are still the issues', () => {
		const choices = planChoices(labelled([['k1']]));
		expect(choices).toMatchObject({ recommendations: [] });
		expect(choices.issues.map((e) => e.item.id)).toEqual(['k1']);
	});
});

import { describe, expect, it } from 'vitest';
import { item } from '$lib/testing/board';
import { groupByTheme, readable } from './themes';

const themes = [
	{ id: 't1', name: 'Modal', position: 0 },
	{ id: 't2', name: 'Pemasaran', position: 1 }
];

describe('groupByTheme', () => {
	it('puts items under their themes in theme order, ungrouped last', () => {
		const groups = groupByTheme([item('a', 'k'), item('b', 'k', { themeId: 't2' }), item('c', 'k', { themeId: 't1' })], themes);
		expect(groups.map((g) => [g.theme?.id ?? null, g.items.map((i) => i.id)])).toEqual([
			['t1', ['c']],
			['t2', ['b']],
			[null, ['a']]
		]);
	});

	it('drops empty themes unless asked to keep them', () => {
		expect(groupByTheme([item('a', 'k', { themeId: 't1' })], themes).map((g) => g.theme?.id)).toEqual(['t1']);
		expect(groupByTheme([], themes, true).map((g) => g.theme?.id)).toEqual(['t1', 't2']);
	});

	it('treats an unknown theme as no theme', () => {
		expect(groupByTheme([item('a', 'k', { themeId: 'gone' })], themes)).toEqual([{ theme: null, items: [item('a', 'k', { themeId: 'gone' })] }]);
	});
});

describe('readable', () => {
	it('is false for withheld, pending and hidden items', () => {
		expect(readable(item('a', 'k'))).toBe(true);
		expect(readable(item('a', 'k', { redacted: true, text: '' }))).toBe(false);
		expect(readable(item('a', 'k', { status: 'pending' }))).toBe(false);
		expect(readable(item('a', 'k', { status: 'hidden' }))).toBe(false);
	});
});

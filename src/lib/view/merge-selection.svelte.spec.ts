import { describe, expect, it } from 'vitest';
import { MergeSelection } from './merge-selection.svelte';

describe('MergeSelection', () => {
	it('merges into the first item ticked', () => {
		const picked = new MergeSelection();
		picked.set('b', true);
		picked.set('a', true);
		picked.set('c', true);
		expect(picked.ready).toBe(true);
		expect(picked.merge).toEqual({ targetId: 'b', sourceIds: ['a', 'c'] });
	});

	it('is not ready with one tick, and unticking removes only that item', () => {
		const picked = new MergeSelection();
		picked.set('a', true);
		expect(picked.ready).toBe(false);
		expect(picked.merge).toBeNull();
		picked.set('b', true);
		picked.set('a', false);
		expect(picked.ids).toEqual(['b']);
		expect(picked.has('a')).toBe(false);
	});

	it('forgets items that left the board and keeps the order of the rest', () => {
		const picked = new MergeSelection();
		for (const id of ['a', 'b', 'c']) picked.set(id, true);
		picked.keep(new Set(['c', 'a']));
		expect(picked.ids).toEqual(['a', 'c']);
		picked.clear();
		expect(picked.ids).toEqual([]);
	});
});

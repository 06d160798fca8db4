import { describe, expect, it } from 'vitest';
import type { Board } from '../../board';
import { DEFAULT_KINDS } from '../../domain/defaults';
import type { ItemView, Kind } from '../../domain/types';
import { item as baseItem } from '$lib/testing/board';
import { kindPrefixes, labelledKinds, shortText } from './labels';

const item = (id: string, kind: string, status: ItemView['status'] = 'visible') =>
	baseItem(id, kind, { status, authorId: null, anonymous: true });

const boardWith = (kinds: Kind[], items: ItemView[]) => ({ session: { kinds }, items }) as unknown as Board;

describe('kindPrefixes', () => {
	it('takes the first letter of each kind in the viewer’s language', () => {
		expect(kindPrefixes(DEFAULT_KINDS, 'id')).toEqual(['K', 'P', 'R']);
		expect(kindPrefixes(DEFAULT_KINDS, 'en')).toEqual(['C', 'O', 'R']);
	});

	it('keeps prefixes apart when two kinds start alike', () => {
		const kinds = [
			{ key: 'a', label: 'Potensi' },
			{ key: 'b', label: 'Peluang' },
			{ key: 'c', label: 'P' }
		];
		expect(kindPrefixes(kinds, 'id')).toEqual(['P', 'PE', 'P3']);
	});
});

describe('labelledKinds', () => {
	it('numbers the visible items of each kind in board order and skips the rest', () => {
		const board = boardWith(DEFAULT_KINDS, [
			item('a', 'kendala'),
			item('b', 'peluang'),
			item('c', 'kendala', 'hidden'),
			item('d', 'kendala'),
			item('e', 'rekomendasi', 'pending')
		]);
		const labels = labelledKinds(board, 'id').map((k) => k.items.map((e) => `${e.label}=${e.item.id}`));
		expect(labels).toEqual([['K1=a', 'K2=d'], ['P1=b'], []]);
	});
});

describe('shortText', () => {
	it('cuts long text for a select option and keeps the label', () => {
		const entry = { label: 'R2', item: { ...item('x', 'rekomendasi'), text: 'Pelatihan\npengemasan '.repeat(20) } };
		const text = shortText(entry, 30);
		expect(text.startsWith('R2 · Pelatihan pengemasan')).toBe(true);
		expect(text.endsWith('…')).toBe(true);
		expect(text.length).toBe('R2 · '.length + 30);
	});
});

import { describe, expect, it } from 'vitest';
import { DEFAULT_KINDS } from '../domain/defaults';
import { linkKinds, linkedTo } from './links';

describe('linkKinds', () => {
	it('links recommendations to constraints and opportunities on the default board', () => {
		expect(linkKinds(DEFAULT_KINDS)).toEqual({ recommendation: 'rekomendasi', targets: ['kendala', 'peluang'] });
	});

	it('takes the last kind, whatever it is called', () => {
		const kinds = [
			{ key: 'masalah', label: 'Masalah' },
			{ key: 'potensi', label: 'Potensi' },
			{ key: 'usulan', label: 'Usulan' }
		];
		expect(linkKinds(kinds)).toEqual({ recommendation: 'usulan', targets: ['masalah', 'potensi'] });
	});

	it('offers every kind before the last one when the organizer added kinds', () => {
		const kinds = [...DEFAULT_KINDS.slice(0, 2), { key: 'ancaman', label: 'Ancaman' }, DEFAULT_KINDS[2]];
		expect(linkKinds(kinds)).toEqual({ recommendation: 'rekomendasi', targets: ['kendala', 'peluang', 'ancaman'] });
	});

	it('links a two-kind board from the second kind to the first, and a one-kind board not at all', () => {
		expect(linkKinds(DEFAULT_KINDS.slice(0, 2))).toEqual({ recommendation: 'peluang', targets: ['kendala'] });
		expect(linkKinds(DEFAULT_KINDS.slice(0, 1))).toBeNull();
	});
});

describe('linkedTo', () => {
	it('applies unsent commands over the board, in order', () => {
		const links = [
			{ recommendationId: 'r', targetId: 'a' },
			{ recommendationId: 'r', targetId: 'b' },
			{ recommendationId: 'other', targetId: 'c' }
		];
		const pending = [
			{ type: 'link.set', recommendationId: 'r', targetId: 'a', linked: false },
			{ type: 'link.set', recommendationId: 'r', targetId: 'c', linked: true },
			{ type: 'item.delete', itemId: 'x' }
		] as const;
		expect([...linkedTo('r', links, [...pending])].sort()).toEqual(['b', 'c']);
	});
});

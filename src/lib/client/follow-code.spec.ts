import { describe, expect, it } from 'vitest';
import { addressUnder, carryOver, staffFragment } from './follow-code';

/** A Storage over a Map, enough for carryOver. */
function memoryStorage(entries: Record<string, string>): Storage {
	const map = new Map(Object.entries(entries));
	return {
		get length() {
			return map.size;
		},
		key: (i) => [...map.keys()][i] ?? null,
		getItem: (k) => map.get(k) ?? null,
		setItem: (k, v) => void map.set(k, v),
		removeItem: (k) => void map.delete(k),
		clear: () => map.clear()
	};
}

describe('following a new code', () => {
	it('carries the keys, identity and outbox kept under the old code over to the new one', () => {
		const storage = memoryStorage({
			'rembuk:facilitator:ABC234': 'kunci',
			'rembuk:participant:ABC234': '{"token":"t"}',
			'rembuk:outbox:ABC234:p1': '[]',
			'rembuk:participant:XYZ777': 'lain',
			'rembuk:sessions': '[]'
		});
		carryOver('ABC234', 'MNP999', storage);
		expect(storage.getItem('rembuk:facilitator:MNP999')).toBe('kunci');
		expect(storage.getItem('rembuk:participant:MNP999')).toBe('{"token":"t"}');
		expect(storage.getItem('rembuk:outbox:MNP999:p1')).toBe('[]');
		expect(storage.getItem('rembuk:participant:XYZ777')).toBe('lain');
		expect(storage.length).toBe(8);
	});

	it('moves the page to the same place under the new code', () => {
		expect(addressUnder('ABC234', 'MNP999', 'https://r.test/f/ABC234?x=1#key=k')).toBe('https://r.test/f/MNP999?x=1#key=k');
		expect(addressUnder('ABC234', 'MNP999', 'https://r.test/p/ABC234')).toBe('https://r.test/p/MNP999');
	});

	it('hands a staff page its key in the new address, and nothing when there is no key', () => {
		expect(staffFragment('k1', { minutetaker: 'm2', akun: false })).toBe('key=k1&minutetaker=m2');
		expect(staffFragment('k1', { akun: '1', minutetaker: null })).toBe('key=k1&akun=1');
		expect(staffFragment(null, { minutetaker: 'm2' })).toBe('');
	});

});

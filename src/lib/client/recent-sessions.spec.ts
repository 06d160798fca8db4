import { describe, expect, it } from 'vitest';
import { previousSessions, rememberSession } from './recent-sessions';
import { storageKeys } from './storage-keys';

/** localStorage's interface over a Map, in insertion order like a browser's. */
function memoryStorage(entries: Record<string, string> = {}): Storage {
	const map = new Map(Object.entries(entries));
	return {
		get length() {
			return map.size;
		},
		key: (i) => [...map.keys()][i] ?? null,
		getItem: (k) => map.get(k) ?? null,
		setItem: (k, v) => void map.set(k, String(v)),
		removeItem: (k) => void map.delete(k),
		clear: () => map.clear()
	};
}

describe('previous sessions', () => {
	it('are the other sessions this browser holds a facilitator key for, newest first, unlisted ones last', () => {
		const storage = memoryStorage({
			[storageKeys.staffKey('OLD111', 'facilitator')]: 'k-old',
			[storageKeys.staffKey('LOST99', 'facilitator')]: 'k-lost',
			[storageKeys.staffKey('NEW222', 'facilitator')]: 'k-new',
			[storageKeys.staffKey('MINUT3', 'minutetaker')]: 'k-minutes',
			[storageKeys.staffKey('HERE00', 'facilitator')]: 'k-here',
			[storageKeys.participant('PHONE1')]: '{}',
			[storageKeys.staffKey('not-a-code', 'facilitator')]: 'k-odd'
		});
		rememberSession('OLD111', storage, new Date('2025-01-01'));
		rememberSession('NEW222', storage, new Date('2025-06-01'));
		rememberSession('GONE00', storage, new Date('2025-07-01')); // listed, but its key is gone
		expect(previousSessions('HERE00', storage)).toEqual([
			{ code: 'NEW222', key: 'k-new' },
			{ code: 'OLD111', key: 'k-old' },
			{ code: 'LOST99', key: 'k-lost' }
		]);
		// Asking also notes this session, once.
		previousSessions('HERE00', storage);
		const listed = JSON.parse(storage.getItem(storageKeys.sessions)!) as { code: string }[];
		expect(listed.map((v) => v.code)).toEqual(['OLD111', 'NEW222', 'GONE00', 'HERE00']);
	});

	it('start again from a damaged list', () => {
		const storage = memoryStorage({ [storageKeys.sessions]: '{not json', [storageKeys.staffKey('OTHER1', 'facilitator')]: 'k' });
		expect(previousSessions('HERE00', storage)).toEqual([{ code: 'OTHER1', key: 'k' }]);
		expect(JSON.parse(storage.getItem(storageKeys.sessions)!)).toHaveLength(1);
	});

	it('keep the last 50', () => {
		const storage = memoryStorage();
		for (let i = 0; i < 60; i++) rememberSession(`S${String(i).padStart(5, '0')}`, storage);
		const listed = JSON.parse(storage.getItem(storageKeys.sessions)!) as { code: string }[];
		expect(listed).toHaveLength(50);
		expect(listed[0].code).toBe('S00010');
	});
});

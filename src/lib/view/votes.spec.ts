import { describe, expect, it } from 'vitest';
import type { Board } from '../board';
import { item } from '$lib/testing/board';
import { labelledVoteTargets, onTargets, placement, standings, voteTargets, voterCount } from './votes';

const votes = [
	{ participantId: 'me', targetId: 'a', count: 2 },
	{ participantId: 'me', targetId: 'b', count: 1 },
	{ participantId: 'you', targetId: 'a', count: 3 },
	{ participantId: 'they', targetId: 'c', count: 1 }
];

describe('placement', () => {
	it('is my dots with my unsent commands on top', () => {
		const placed = placement(votes, 'me', [
			{ type: 'vote.set', targetId: 'a', count: 3 },
			{ type: 'vote.set', targetId: 'b', count: 0 },
			{ type: 'vote.set', targetId: 'd', count: 1 }
		]);
		expect(Object.fromEntries(placed)).toEqual({ a: 3, d: 1 });
	});

	it('forgets dots on targets that left the board', () => {
		expect(Object.fromEntries(onTargets(placement(votes, 'me', []), new Set(['a'])))).toEqual({ a: 2 });
	});
});

describe('standings', () => {
	const groupOf = (id: string) => (id === 'you' ? 'akademisi' : 'pemerintah');

	it('ranks targets by total with a breakdown by group, leaving out empty ones', () => {
		const result = standings(votes, ['c', 'b', 'a', 'z'], groupOf);
		expect(result.map((s) => [s.targetId, s.total])).toEqual([
			['a', 5],
			['c', 1],
			['b', 1]
		]);
		expect(Object.fromEntries(result[0].byGroup)).toEqual({ pemerintah: 2, akademisi: 3 });
	});

	it('counts the room’s tallies, not the viewer’s own dots again, where the board holds tallies', () => {
		const held = [
			{ participantId: 'you', targetId: 'a', count: 2 },
			{ participantId: '', targetId: 'a', count: 2, group: 'akademisi' },
			{ participantId: '', targetId: 'a', count: 4, group: 'media' }
		];
		const [a] = standings(held, ['a'], groupOf);
		expect(a.total).toBe(6);
		expect(Object.fromEntries(a.byGroup)).toEqual({ akademisi: 2, media: 4 });
	});

	it('counts voters, not dots', () => {
		expect(voterCount(votes)).toBe(3);
		expect(voterCount([{ participantId: 'x', targetId: 'a', count: 0 }])).toBe(0);
	});
});

describe('voteTargets', () => {
	const board = (target: 'items' | 'themes') =>
		({
			session: { voting: { target } },
			themes: [{ id: 't1' }],
			items: [item('a', 'kendala'), item('p', 'kendala', { status: 'pending' }), item('h', 'kendala', { status: 'hidden' })]
		}) as unknown as Board;

	it('is the readable items when the room votes on items, and the themes when it votes on themes', () => {
		expect([...voteTargets(board('items'))]).toEqual(['a']);
		expect([...voteTargets(board('themes'))]).toEqual(['t1']);
	});

	it('labels the same targets for the room: the text, and the kind of an item', () => {
		const labelled = (target: 'items' | 'themes') => {
			const b = board(target);
			b.session.kinds = [{ key: 'kendala', label: 'Kendala', labelEn: 'Constraints' }];
			b.themes[0].name = 'Akses modal';
			return labelledVoteTargets(b, 'id');
		};
		expect(labelled('items').map((t) => [t.id, t.kind])).toEqual([['a', 'Kendala']]);
		expect(labelled('themes')).toEqual([{ id: 't1', text: 'Akses modal' }]);
	});
});

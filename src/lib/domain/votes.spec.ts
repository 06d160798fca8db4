import { describe, expect, it } from 'vitest';
import { checkVote, countedDots, dotsLeft, tally } from './votes';

const settings = { budget: 5, cap: 3 };
const placed = (entries: [string, number][] = []) => new Map(entries);

describe('checkVote', () => {
	it('allows up to the cap on one target', () => {
		expect(checkVote(placed(), 'a', 3, settings)).toEqual({ ok: true });
		expect(checkVote(placed(), 'a', 4, settings)).toEqual({ ok: false, reason: 'over_cap' });
	});

	it('allows spending the whole budget, not one dot more', () => {
		expect(checkVote(placed([['a', 3]]), 'b', 2, settings)).toEqual({ ok: true });
		expect(checkVote(placed([['a', 3]]), 'b', 3, settings)).toEqual({ ok: false, reason: 'over_budget' });
		expect(checkVote(placed([['a', 3], ['b', 2]]), 'c', 1, settings)).toEqual({ ok: false, reason: 'over_budget' });
	});

	it('counts the new figure for a target instead of adding to what is already there', () => {
		// 3 on a and 2 on b is the whole budget; setting a to 3 again, or to 1, is fine.
		expect(checkVote(placed([['a', 3], ['b', 2]]), 'a', 3, settings)).toEqual({ ok: true });
		expect(checkVote(placed([['a', 3], ['b', 2]]), 'a', 1, settings)).toEqual({ ok: true });
	});

	it('always lets a participant take dots back, even after the budget and cap were lowered', () => {
		const tight = { budget: 2, cap: 1 };
		expect(checkVote(placed([['a', 3], ['b', 2]]), 'a', 2, tight)).toEqual({ ok: true });
		expect(checkVote(placed([['a', 3], ['b', 2]]), 'b', 2, tight)).toEqual({ ok: true });
		expect(checkVote(placed([['a', 3], ['b', 2]]), 'b', 3, tight)).toMatchObject({ ok: false });
	});

	it('moves dots: lowering one target frees them for another', () => {
		const before = placed([['a', 3], ['b', 2]]);
		expect(checkVote(before, 'c', 2, settings)).toMatchObject({ ok: false });
		const lowered = placed([['a', 1], ['b', 2]]);
		expect(checkVote(lowered, 'c', 2, settings)).toEqual({ ok: true });
	});

	it('always allows taking dots off (count 0)', () => {
		expect(checkVote(placed([['a', 3], ['b', 2]]), 'a', 0, settings)).toEqual({ ok: true });
	});

	it('checks the cap before the budget', () => {
		expect(checkVote(placed([['a', 5]]), 'b', 4, { budget: 5, cap: 3 })).toEqual({ ok: false, reason: 'over_cap' });
	});

	it('follows other settings', () => {
		expect(checkVote(placed([['a', 1]]), 'b', 1, { budget: 1, cap: 1 })).toEqual({ ok: false, reason: 'over_budget' });
		expect(checkVote(placed(), 'a', 10, { budget: 10, cap: 10 })).toEqual({ ok: true });
	});
});

describe('countedDots', () => {
	it('keeps only the dots on targets that can take dots now', () => {
		const counted = countedDots(placed([['a', 3], ['hidden', 2], ['b', 1]]), (id) => id !== 'hidden');
		expect(Object.fromEntries(counted)).toEqual({ a: 3, b: 1 });
		expect(checkVote(counted, 'c', 1, settings)).toEqual({ ok: true });
	});
});

describe('dotsLeft', () => {
	it('is the budget less what is placed', () => {
		expect(dotsLeft(placed(), 5)).toBe(5);
		expect(dotsLeft(placed([['a', 3], ['b', 1]]), 5)).toBe(1);
		expect(dotsLeft(placed([['a', 3], ['b', 2]]), 5)).toBe(0);
	});

	it('never goes below zero when the budget was lowered after voting', () => {
		expect(dotsLeft(placed([['a', 3], ['b', 2]]), 3)).toBe(0);
	});
});

describe('tally', () => {
	const groups: Record<string, string> = { siti: 'akademisi', budi: 'pemerintah', ani: 'akademisi' };
	const groupOf = (id: string) => groups[id];

	it('totals dots per target and per stakeholder group', () => {
		const result = tally(
			[
				{ participantId: 'siti', targetId: 'a', count: 2 },
				{ participantId: 'budi', targetId: 'a', count: 3 },
				{ participantId: 'ani', targetId: 'a', count: 1 },
				{ participantId: 'budi', targetId: 'b', count: 2 }
			],
			groupOf
		);
		expect(result.get('a')?.total).toBe(6);
		expect(Object.fromEntries(result.get('a')!.byGroup)).toEqual({ akademisi: 3, pemerintah: 3 });
		expect(result.get('b')?.total).toBe(2);
		expect(Object.fromEntries(result.get('b')!.byGroup)).toEqual({ pemerintah: 2 });
	});

	it('leaves out targets nobody voted for', () => {
		expect(tally([], groupOf).size).toBe(0);
		expect(tally([{ participantId: 'siti', targetId: 'a', count: 1 }], groupOf).has('b')).toBe(false);
	});
});

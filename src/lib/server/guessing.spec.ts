/** The slow-down on guesses: free misses, then one look-up per interval, per address and for all. */
import { describe, expect, it } from 'vitest';
import { createGuessing, GUESSING } from './guessing';

const live = new Map([['ABC234', { id: 's1' }]]);
const find = (code: string) => () => live.get(code);
/** Small figures so the test runs in real time: 3 free misses, then one every 40 ms. */
const options = { ...GUESSING, freeMisses: 3, missEveryMs: 40, globalMisses: 100, globalEveryMs: 1, maxWaitMs: 200 };

describe('guessing', () => {
	it('answers the free misses at once, then makes the next guess wait its turn', async () => {
		const guessing = createGuessing(options);
		for (let i = 0; i < 3; i++) expect(await guessing.lookUp('a', `WRONG${i}`, find(`WRONG${i}`))).toEqual({ ok: true, found: undefined });
		const started = Date.now();
		expect(await guessing.lookUp('a', 'WRONG3', find('WRONG3'))).toEqual({ ok: true, found: undefined });
		expect(Date.now() - started).toBeGreaterThanOrEqual(30);
	});

	it('tells a caller to come back when its turn is too far away, and only that address', async () => {
		const guessing = createGuessing(options);
		const guesses = Array.from({ length: 20 }, (_, i) => guessing.lookUp('a', `W${i}`, find(`W${i}`)));
		const answers = await Promise.all(guesses);
		const refused = answers.filter((a) => !a.ok);
		expect(refused.length).toBeGreaterThan(0);
		expect(refused[0]).toMatchObject({ ok: false, retryAfterS: expect.any(Number) });
		// Sending many at once bought no extra look-ups: the free ones and those that fit the wait.
		expect(answers.filter((a) => a.ok).length).toBeLessThanOrEqual(3 + options.maxWaitMs / options.missEveryMs + 1);
		expect(await guessing.lookUp('b', 'ABC234', find('ABC234'))).toEqual({ ok: true, found: { id: 's1' } });
	});

	it('gives a burst of look-ups on the store (an async find) no more free misses than synchronous ones', async () => {
		const guessing = createGuessing(options);
		const slow = (code: string) => () => new Promise<{ id: string } | undefined>((resolve) => setTimeout(() => resolve(live.get(code)), 5));
		const started = Date.now();
		const burst = await Promise.all(Array.from({ length: 6 }, (_, i) => guessing.lookUp('a', `W${i}`, slow(`W${i}`))));
		expect(burst.every((a) => a.ok)).toBe(true);
		// 3 free, then one each 40 ms: the sixth answers no sooner than 3 turns later.
		expect(Date.now() - started).toBeGreaterThanOrEqual(3 * 40 - 5);
		// A code found gives its reserved miss back: the next free look-up of another address is not affected, and this one may find again.
		expect(await guessing.lookUp('b', 'ABC234', slow('ABC234'))).toEqual({ ok: true, found: { id: 's1' } });
		const again = Date.now();
		for (let i = 0; i < 3; i++) await guessing.lookUp('b', `X${i}`, slow(`X${i}`));
		expect(Date.now() - again).toBeLessThan(40);
	});

	it('lets a room behind one address send the right code all at once while the store answers slowly', async () => {
		const guessing = createGuessing(options);
		const slow = (code: string) => () => new Promise<{ id: string } | undefined>((resolve) => setTimeout(() => resolve(live.get(code)), 5));
		const room = await Promise.all(Array.from({ length: 150 }, () => guessing.lookUp('venue', 'ABC234', slow('ABC234'))));
		expect(room.filter((a) => a.ok && a.found?.id === 's1')).toHaveLength(150);
		// The same wrong code sent at once is still a miss each time it is tried past the free ones.
		const wrong = await Promise.all(Array.from({ length: 20 }, () => guessing.lookUp('other', 'WRONG0', slow('WRONG0'))));
		expect(wrong.filter((a) => !a.ok).length).toBeGreaterThan(0);
	});

	it('does not spend a miss on a code that opens a session', async () => {
		const guessing = createGuessing(options);
		for (let i = 0; i < 50; i++) expect((await guessing.lookUp('a', 'ABC234', find('ABC234'))).ok).toBe(true);
		const started = Date.now();
		await guessing.lookUp('a', 'WRONG0', find('WRONG0'));
		expect(Date.now() - started).toBeLessThan(30);
	});

	it('lets an address look up again, at once, a code it already found, however much it guessed since', async () => {
		const guessing = createGuessing(options);
		await guessing.lookUp('a', 'ABC234', find('ABC234'));
		await Promise.all(Array.from({ length: 10 }, (_, i) => guessing.lookUp('a', `W${i}`, find(`W${i}`))));
		const started = Date.now();
		expect(await guessing.lookUp('a', 'ABC234', find('ABC234'))).toEqual({ ok: true, found: { id: 's1' } });
		expect(Date.now() - started).toBeLessThan(30);
	});

	it('counts a wrong secret as a miss', async () => {
		const guessing = createGuessing(options);
		for (let i = 0; i < 3; i++) await guessing.missed('a');
		const answers = await Promise.all(Array.from({ length: 10 }, () => guessing.missed('a')));
		expect(answers.some((a) => !a.ok)).toBe(true);
	});

	it('bounds the misses of all addresses together', async () => {
		const guessing = createGuessing({ ...options, globalMisses: 5, globalEveryMs: 1000, maxWaitMs: 100 });
		const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => guessing.lookUp(`10.0.0.${i}`, `W${i}`, find(`W${i}`))));
		expect(answers.filter((a) => a.ok)).toHaveLength(5);
	});
});

describe('guessing across nodes', () => {
	it("spends a miss told by another node from the same address's allowance", async () => {
		const a = createGuessing(options);
		const b = createGuessing(options);
		a.share(b.heardMiss);
		for (let i = 0; i < 3; i++) await a.lookUp('10.0.0.1', `W${i}`, find(`W${i}`));
		// The address spent its free misses on node A: on node B its next wrong guess waits its turn.
		const started = Date.now();
		expect(await b.lookUp('10.0.0.1', 'W3', find('W3'))).toEqual({ ok: true, found: undefined });
		expect(Date.now() - started).toBeGreaterThanOrEqual(30);
	});

	it('spends it from the cap across all addresses too', async () => {
		const bounded = { ...options, globalMisses: 5, globalEveryMs: 1000, maxWaitMs: 100 };
		const a = createGuessing(bounded);
		const b = createGuessing(bounded);
		a.share(b.heardMiss);
		for (let i = 0; i < 3; i++) await a.missed(`10.0.1.${i}`);
		const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => b.lookUp(`10.0.2.${i}`, `W${i}`, find(`W${i}`))));
		expect(answers.filter((answer) => answer.ok)).toHaveLength(2);
	});

	it('tells nothing of a code that was found', async () => {
		const a = createGuessing(options);
		const told: string[] = [];
		a.share((address) => told.push(address));
		await a.lookUp('10.0.0.1', 'ABC234', find('ABC234'));
		await a.missed('10.0.0.1');
		expect(told).toEqual(['10.0.0.1']);
	});
});

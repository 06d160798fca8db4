/** Joins from one address past the pace wait for their turn instead of being turned away. */
import { describe, expect, it } from 'vitest';
import { JOIN_PACE, waitTurn } from './joining';

const settledSoon = async (promise: Promise<unknown>) =>
	Promise.race([promise.then(() => true), new Promise((resolve) => setTimeout(() => resolve(false), 50))]);

describe('the join pace', () => {
	it(`lets ${JOIN_PACE.perMinute} phones of one address in at once, then makes the next wait, and only that address`, async () => {
		const address = '192.0.2.10';
		const answers = await Promise.all(Array.from({ length: JOIN_PACE.perMinute }, () => waitTurn(address)));
		expect(answers.every(Boolean)).toBe(true);
		const next = waitTurn(address);
		expect(await settledSoon(next)).toBe(false);
		expect(await waitTurn('192.0.2.11')).toBe(true);
	});
});

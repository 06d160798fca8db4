/**
 * Keys are compared in constant time: whatever is presented is hashed first, and the two
 * 32-byte hashes go through crypto.timingSafeEqual, so neither the length of a guess nor the
 * position of its first wrong character changes how long the comparison takes.
 */
import { describe, expect, it, vi } from 'vitest';

const spy = vi.hoisted(() => ({ calls: [] as [Buffer, Buffer][] }));
vi.mock('node:crypto', async (importOriginal) => {
	const actual = await importOriginal<typeof import('node:crypto')>();
	return {
		...actual,
		timingSafeEqual: (a: Buffer, b: Buffer) => {
			spy.calls.push([a, b]);
			return actual.timingSafeEqual(a, b);
		}
	};
});

const { hashSecret, newSecret, secretMatches } = await import('./secrets');

describe('secretMatches', () => {
	const key = newSecret();
	const stored = hashSecret(key);
	const guesses = {
		right: key,
		'wrong in the first character': `${key[0] === 'A' ? 'B' : 'A'}${key.slice(1)}`,
		'wrong in the last character': `${key.slice(0, -1)}${key.at(-1) === 'A' ? 'B' : 'A'}`,
		empty: '',
		'10 KB long': 'x'.repeat(10_240),
		'not base64 at all': '🙂 <script>'
	};

	it.each(Object.entries(guesses))('compares two 32-byte hashes with timingSafeEqual for a %s key', (name, guess) => {
		spy.calls.length = 0;
		expect(secretMatches(guess, stored)).toBe(name === 'right');
		expect(spy.calls).toHaveLength(1);
		const [a, b] = spy.calls[0];
		expect([a.length, b.length]).toEqual([32, 32]);
	});
});

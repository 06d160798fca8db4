/**
 * The hot paths on 500 cards, the size of a big session, return well-formed results. How long
 * they take is the bench's business (`npm run bench -- --only similarity`): the machine is shared
 * and noisy, so a timed assertion here would fail for reasons unrelated to the code.
 */
import { expect, it } from 'vitest';
import { DRAFT, manyCards } from '$lib/testing/cards';
import { suggestGroups } from './groups';
import { createIndex, duplicatePairs, similarTo } from './search';

it('indexes, matches, pairs and groups 500 cards', () => {
	const index = createIndex(manyCards(500));
	const found = similarTo(index, DRAFT);
	const pairs = duplicatePairs(index);
	const groups = suggestGroups(index);

	expect(index.items.size).toBe(500);
	expect(found.length).toBeGreaterThan(0);
	expect(found.length).toBeLessThanOrEqual(3);
	expect(pairs.length).toBeGreaterThan(0);
	for (const { a, b, score } of pairs) {
		expect(index.items.has(a) && index.items.has(b) && a !== b).toBe(true);
		expect(score).toBeLessThanOrEqual(1);
	}
	expect(groups.length).toBeGreaterThan(0);
	expect(groups.flat().every((id) => index.items.has(id))).toBe(true);
	expect(new Set(groups.flat()).size).toBe(groups.flat().length);
});

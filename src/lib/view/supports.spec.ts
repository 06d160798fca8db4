import { describe, expect, it } from 'vitest';
import { supportsItem } from './supports';

describe('supportsItem', () => {
	const supports = [{ itemId: 'a', participantId: 'p1' }];
	it('reads the board, then the taps not yet acknowledged, the last one winning', () => {
		expect(supportsItem('a', 'p1', supports, [])).toBe(true);
		expect(supportsItem('a', 'p2', supports, [])).toBe(false);
		const taps = [
			{ type: 'item.support' as const, itemId: 'a', supported: false },
			{ type: 'item.support' as const, itemId: 'a', supported: true }
		];
		expect(supportsItem('a', 'p2', supports, taps)).toBe(true);
		expect(supportsItem('a', 'p1', supports, taps.slice(0, 1))).toBe(false);
	});
});

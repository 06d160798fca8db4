import { describe, expect, it } from 'vitest';
import { tabFromKey } from './tabs';

describe('tabFromKey', () => {
	it('moves right and left, wrapping at both ends', () => {
		expect(tabFromKey('ArrowRight', 0, 6)).toBe(1);
		expect(tabFromKey('ArrowRight', 5, 6)).toBe(0);
		expect(tabFromKey('ArrowLeft', 3, 6)).toBe(2);
		expect(tabFromKey('ArrowLeft', 0, 6)).toBe(5);
	});

	it('jumps to the first and last tab with Home and End', () => {
		expect(tabFromKey('Home', 4, 6)).toBe(0);
		expect(tabFromKey('End', 1, 6)).toBe(5);
	});

	it('leaves other keys, and an empty row, to the browser', () => {
		for (const key of ['ArrowDown', 'Tab', 'Enter', 'a']) expect(tabFromKey(key, 2, 6)).toBeNull();
		expect(tabFromKey('ArrowRight', 0, 0)).toBeNull();
	});
});

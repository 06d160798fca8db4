import { describe, expect, it } from 'vitest';
import { todayIn } from './dates';

describe('todayIn', () => {
	// 23:30 UTC on 23 October is already 24 October in all three Indonesian zones.
	const lateUtc = new Date('2025-10-23T23:30:00Z');

	it('gives the date in the chosen zone, not the UTC date', () => {
		expect(todayIn('Asia/Makassar', lateUtc)).toBe('2025-10-24');
		expect(todayIn('Asia/Jakarta', lateUtc)).toBe('2025-10-24');
		expect(todayIn('Asia/Jayapura', lateUtc)).toBe('2025-10-24');
		expect(todayIn('UTC', lateUtc)).toBe('2025-10-23');
	});

	it('differs between zones around their midnights', () => {
		// 16:30 UTC is 23:30 WIB, 00:30 WITA and 01:30 WIT.
		const evening = new Date('2025-10-23T16:30:00Z');
		expect(todayIn('Asia/Jakarta', evening)).toBe('2025-10-23');
		expect(todayIn('Asia/Makassar', evening)).toBe('2025-10-24');
		expect(todayIn('Asia/Jayapura', evening)).toBe('2025-10-24');
	});

	it('pads month and day', () => {
		expect(todayIn('Asia/Makassar', new Date('2026-01-04T02:00:00Z'))).toBe('2026-01-04');
	});
});

import { describe, expect, it } from 'vitest';
import { clockText, minutesLeft } from './countdown';

describe('clockText', () => {
	it('reads mm:ss and rounds seconds up', () => {
		expect(clockText(300_000)).toBe('05:00');
		expect(clockText(299_001)).toBe('05:00');
		expect(clockText(59_000)).toBe('00:59');
		expect(clockText(1)).toBe('00:01');
		expect(clockText(0)).toBe('00:00');
		expect(clockText(-5)).toBe('00:00');
	});

	it('adds hours past an hour', () => {
		expect(clockText(3_723_000)).toBe('1:02:03');
	});
});

describe('minutesLeft', () => {
	it('rounds up to whole minutes', () => {
		expect(minutesLeft(300_000)).toBe(5);
		expect(minutesLeft(240_001)).toBe(5);
		expect(minutesLeft(1)).toBe(1);
		expect(minutesLeft(0)).toBe(0);
	});
});

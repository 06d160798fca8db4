import { describe, expect, it } from 'vitest';
import { dueAt, effectiveMonths, isDue, pseudonym, retentionMonthsFromEnv } from './retention';

describe('retention date maths', () => {
	it('adds calendar months to the close, on the last day when the day does not exist', () => {
		expect(dueAt('2025-10-24T04:15:00.000Z', 12)?.toISOString()).toBe('2026-10-24T04:15:00.000Z');
		expect(dueAt('2025-01-31T10:00:00.000Z', 1)?.toISOString()).toBe('2025-02-28T10:00:00.000Z');
		expect(dueAt('2024-01-31T10:00:00.000Z', 1)?.toISOString()).toBe('2024-02-29T10:00:00.000Z');
		expect(dueAt('2025-11-30T23:30:00.000Z', 3)?.toISOString()).toBe('2026-02-28T23:30:00.000Z');
		expect(dueAt('2025-08-31T00:00:00.000Z', 18)?.toISOString()).toBe('2027-02-28T00:00:00.000Z');
	});

	it('an open session is never due', () => {
		expect(dueAt(null, 12)).toBeNull();
		expect(isDue(null, 1, new Date('2999-01-01'))).toBe(false);
	});

	it('is due from the instant the period ends', () => {
		expect(isDue('2025-10-24T04:15:00.000Z', 12, new Date('2026-10-24T04:14:59.999Z'))).toBe(false);
		expect(isDue('2025-10-24T04:15:00.000Z', 12, new Date('2026-10-24T04:15:00.000Z'))).toBe(true);
	});

	it('the session’s period wins, then the next one given, then 12 months', () => {
		expect(effectiveMonths(6, 24)).toBe(6);
		expect(effectiveMonths(null, undefined, 24)).toBe(24);
		expect(effectiveMonths(null, undefined)).toBe(12);
	});

	it('reads RETENTION_MONTHS strictly', () => {
		expect(retentionMonthsFromEnv(undefined)).toBe(12);
		expect(retentionMonthsFromEnv('')).toBe(12);
		expect(retentionMonthsFromEnv('36')).toBe(36);
		for (const bad of ['0', '-1', '1.5', 'dua belas', '121']) expect(() => retentionMonthsFromEnv(bad)).toThrow(/RETENTION_MONTHS/);
	});

	it('numbers pseudonyms as the minutes print them', () => {
		expect(pseudonym(12)).toBe('Peserta 12');
	});
});

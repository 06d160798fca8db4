import { describe, expect, it } from 'vitest';
import { deadlineOf } from './timeframe';

describe('deadlines from the timeframe as offices write it', () => {
	it.each([
		['2026', '2026-12-31'],
		['Triwulan I–II 2026', '2026-06-30'],
		['Triwulan I 2026', '2026-03-31'],
		['TW 3 2026', '2026-09-30'],
		['TW IV 2025', '2025-12-31'],
		['Q2 2026', '2026-06-30'],
		['Semester I 2026', '2026-06-30'],
		['Semester II 2026', '2026-12-31'],
		['Maret–Agustus 2026', '2026-08-31'],
		['Februari 2028', '2028-02-29'],
		['30 Juni 2026', '2026-06-30'],
		['Des 2026', '2026-12-31'],
		['Januari 2026 – Maret 2027', '2027-03-31'],
		['2026-2027', '2027-12-31'],
		['2026-05-15', '2026-05-15'],
		['15/05/2026', '2026-05-15'],
		['Juni 2026 s.d. 31/12/2026', '2026-12-31'],
		['Triwulan I s.d. Triwulan III 2026', '2026-09-30'],
		['June 2026', '2026-06-30']
	])('%s → %s', (timeframe, deadline) => expect(deadlineOf(timeframe)).toBe(deadline));

	it.each(['Belum ditentukan', '', 'segera', 'Triwulan II', '31/02/2026'])('%s names no date', (timeframe) => expect(deadlineOf(timeframe)).toBeNull());
});

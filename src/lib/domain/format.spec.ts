import { afterEach, describe, expect, it } from 'vitest';
import { formatClock, formatDate, formatDay, formatFileSize, formatInstant, formatMoment, formatTime, formatTimeRange, localizeTimes, parseClock } from './format';

const originalTz = process.env.TZ;
afterEach(() => {
	if (originalTz === undefined) delete process.env.TZ;
	else process.env.TZ = originalTz;
});

describe('formatDay', () => {
	it('writes the Indonesian day and date of the minutes', () => {
		expect(formatDay('2025-10-24T09:00', 'id')).toBe('Jumat, 24 Oktober 2025');
		expect(formatDay('2026-01-01T00:00', 'id')).toBe('Kamis, 1 Januari 2026');
	});

	it('writes the English day and date', () => {
		expect(formatDay('2025-10-24T09:00', 'en')).toBe('Friday, 24 October 2025');
	});

	it('accepts a bare date', () => {
		expect(formatDay('2025-08-17', 'id')).toBe('Minggu, 17 Agustus 2025');
	});

	it('gives the same day whatever zone the server runs in', () => {
		for (const tz of ['Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Asia/Makassar']) {
			process.env.TZ = tz;
			expect(formatDay('2025-10-24T23:30', 'id'), tz).toBe('Jumat, 24 Oktober 2025');
			expect(formatDay('2025-10-24T00:10', 'id'), tz).toBe('Jumat, 24 Oktober 2025');
		}
	});
});

describe('formatTime', () => {
	it('uses a dot in Indonesian and a colon in English, with the zone’s short name', () => {
		expect(formatTime('2025-10-24T09:00', 'Asia/Makassar', 'id')).toBe('09.00 WITA');
		expect(formatTime('2025-10-24T09:00', 'Asia/Makassar', 'en')).toBe('09:00 WITA');
		expect(formatTime('2025-10-24T13:45', 'Asia/Jakarta', 'id')).toBe('13.45 WIB');
		expect(formatTime('2025-10-24T07:05', 'Asia/Jayapura', 'id')).toBe('07.05 WIT');
	});

	it('falls back to midnight without a time, and to the zone’s own name outside Indonesia', () => {
		expect(formatTime('2025-10-24', 'Asia/Jakarta', 'id')).toBe('00.00 WIB');
		expect(formatTime('2025-10-24T14:30', 'Asia/Singapore', 'en')).toBe('14:30 Asia/Singapore');
	});
});

describe('formatInstant', () => {
	// ICU versions differ on the comma after the year, so it is optional here.
	it('shows a UTC instant in the session’s zone', () => {
		expect(formatInstant('2025-10-24T02:15:00.000Z', 'Asia/Makassar', 'id')).toMatch(/^24 Okt 2025,? 10\.15 WITA$/);
		expect(formatInstant('2025-10-24T02:15:00.000Z', 'Asia/Jakarta', 'id')).toMatch(/^24 Okt 2025,? 09\.15 WIB$/);
		expect(formatInstant('2025-10-24T02:15:00.000Z', 'Asia/Jayapura', 'en')).toMatch(/^24 Oct 2025,? 11:15 WIT$/);
	});

	it('moves to the next day when the zone has passed midnight', () => {
		expect(formatInstant('2025-12-31T23:30:00.000Z', 'Asia/Jayapura', 'id')).toMatch(/^1 Jan 2026,? 08\.30 WIT$/);
	});

	it('does not depend on the server’s zone', () => {
		process.env.TZ = 'America/New_York';
		expect(formatInstant('2025-10-24T02:15:00.000Z', 'Asia/Makassar', 'id')).toMatch(/^24 Okt 2025,? 10\.15 WITA$/);
	});
});

describe('one time format per language', () => {
	it('joins hours and minutes with a dot in Indonesian and a colon in English', () => {
		expect(formatClock('09:00', 'id')).toBe('09.00');
		expect(formatClock('09.00', 'en')).toBe('09:00');
		expect(formatTime('2025-10-24T09:00', 'Asia/Makassar', 'en')).toBe('09:00 WITA');
	});

	it('reads a typed time of the day, with a dot or a colon, as HH:mm', () => {
		expect(parseClock('9.05')).toBe('09:05');
		expect(parseClock(' 12:30 ')).toBe('12:30');
		for (const text of ['24:00', '12:60', '12', '12:3', 'pukul 12.00', '']) expect(parseClock(text), text).toBeNull();
	});

	it('rewrites the times inside typed text and leaves other numbers alone', () => {
		expect(localizeTimes('08.30', 'en')).toBe('08:30');
		expect(localizeTimes('09:00–09:15', 'id')).toBe('09.00–09.15');
		expect(localizeTimes('9:15 - 10:00', 'id')).toBe('9.15 - 10.00');
		expect(localizeTimes('Rp 1.500.000', 'en')).toBe('Rp 1.500.000');
		expect(localizeTimes('v1.10.3', 'en')).toBe('v1.10.3');
		expect(localizeTimes('25.30', 'en')).toBe('25.30');
	});

	it('gives the time of a meeting as a range, or "until finished" without an end', () => {
		expect(formatTimeRange('09:00', '12:30', 'Asia/Makassar', 'id')).toBe('pukul 09.00 – 12.30 WITA');
		expect(formatTimeRange('09:00', '', 'Asia/Makassar', 'id')).toBe('pukul 09.00 WITA – selesai');
		expect(formatTimeRange('09:00', '12:30', 'Asia/Jakarta', 'en')).toBe('09:00 – 12:30 WIB');
		expect(formatTimeRange('09:00', '', 'Asia/Jakarta', 'en')).toBe('09:00 WIB until close');
	});
});

describe('formatMoment', () => {
	it('writes the date with the month in full, then "pukul" and the time', () => {
		expect(formatDate('2026-12-03T22:01', 'id')).toBe('3 Desember 2026');
		expect(formatMoment('2026-12-03T14:01:00.000Z', 'Asia/Makassar', 'id')).toBe('3 Desember 2026 pukul 22.01 WITA');
		expect(formatMoment('2026-12-03T14:01:00.000Z', 'Asia/Makassar', 'en')).toBe('3 December 2026 at 22:01 WITA');
	});

	it('takes the date in the session’s zone', () => {
		expect(formatMoment('2025-12-31T23:30:00.000Z', 'Asia/Jayapura', 'id')).toBe('1 Januari 2026 pukul 08.30 WIT');
	});
});

describe('formatFileSize', () => {
	it('says KB under a megabyte and MB with one decimal above, in each language', () => {
		expect(formatFileSize(300, 'id')).toBe('1 KB');
		expect(formatFileSize(840 * 1024, 'id')).toBe('840 KB');
		expect(formatFileSize(1.25 * 1024 * 1024, 'id')).toBe('1,3 MB');
		expect(formatFileSize(1.25 * 1024 * 1024, 'en')).toBe('1.3 MB');
	});
});

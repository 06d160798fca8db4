import { zoneShort } from './defaults';
import type { Locale } from './types';

const intlLocale = (locale: Locale) => (locale === 'id' ? 'id-ID' : 'en-GB');

/** "Jumat, 24 Oktober 2025" from a local `YYYY-MM-DD…` string, independent of the viewer's zone. */
export function formatDay(localDateTime: string, locale: Locale): string {
	const [y, m, d] = localDateTime.slice(0, 10).split('-').map(Number);
	const date = new Date(Date.UTC(y, m - 1, d, 12));
	return new Intl.DateTimeFormat(intlLocale(locale), {
		weekday: 'long',
		day: 'numeric',
		month: 'long',
		year: 'numeric',
		timeZone: 'UTC'
	}).format(date);
}

/**
 * A time of the day as the minutes print it: "09.00" in Indonesian (the dot of official texts,
 * PUEBI) and "09:00" in English. The one rule for the separator: generated times and the times
 * people type (agenda slots, start and end) all pass through here or `localizeTimes`.
 */
export function formatClock(hhmm: string, locale: Locale): string {
	return locale === 'id' ? hhmm.replace(':', '.') : hhmm.replace('.', ':');
}

/** A time of the day as people type it ("9.05", "09:05") in the stored form `HH:mm`; null when it is not one. */
export function parseClock(text: string): string | null {
	const match = /^([01]?\d|2[0-3])[:.]([0-5]\d)$/.exec(text.trim());
	return match ? `${match[1].padStart(2, '0')}:${match[2]}` : null;
}

/** A clock time anywhere in a typed text ("08.30", "9:15–10:00"), hours and minutes joined as `formatClock` joins them. */
export function localizeTimes(text: string, locale: Locale): string {
	const separator = locale === 'id' ? '.' : ':';
	return text.replace(/(?<![\w.:])([01]?\d|2[0-3])[.:]([0-5]\d)(?![\d.:])/g, (_, h: string, m: string) => `${h}${separator}${m}`);
}

/** "09.00 WITA" (Indonesian uses a dot between hours and minutes). */
export function formatTime(localDateTime: string, timeZone: string, locale: Locale): string {
	const hhmm = localDateTime.slice(11, 16) || '00:00';
	return `${formatClock(hhmm, locale)} ${zoneShort(timeZone)}`;
}

/**
 * The time of a meeting: "pukul 09.00 – 12.30 WITA", or "pukul 09.00 WITA – selesai" when the
 * end is not known (in English "09:00 – 12:30 WITA" and "09:00 WITA until close"). `start` and
 * `end` are `HH:mm`.
 */
export function formatTimeRange(start: string, end: string, timeZone: string, locale: Locale): string {
	const zone = zoneShort(timeZone);
	const [from, to] = [formatClock(start, locale), end && formatClock(end, locale)];
	if (locale === 'id') return to ? `pukul ${from} – ${to} ${zone}` : `pukul ${from} ${zone} – selesai`;
	return to ? `${from} – ${to} ${zone}` : `${from} ${zone} until close`;
}

/** "24 Oktober 2025" from a local `YYYY-MM-DD…` string: month in full, as official texts write it. */
export function formatDate(localDateTime: string, locale: Locale): string {
	const [y, m, d] = localDateTime.slice(0, 10).split('-').map(Number);
	const options = { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' } as const;
	return new Intl.DateTimeFormat(intlLocale(locale), options).format(new Date(Date.UTC(y, m - 1, d, 12)));
}

/** The wall clock of a UTC instant in `timeZone`, `YYYY-MM-DDTHH:mm`. */
export function localDateTime(iso: string, timeZone: string): string {
	const parts = { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' } as const;
	const text = new Intl.DateTimeFormat('sv-SE', { ...parts, hourCycle: 'h23', timeZone }).format(new Date(iso));
	return text.replace(' ', 'T');
}

/**
 * A UTC instant as the minutes write it: "3 Desember 2026 pukul 22.01 WITA", "3 December 2026
 * at 22:01 WITA". "pukul" introduces the time only, never the date; no short month names.
 */
export function formatMoment(iso: string, timeZone: string, locale: Locale): string {
	const local = localDateTime(iso, timeZone);
	return `${formatDate(local, locale)} ${locale === 'id' ? 'pukul' : 'at'} ${formatTime(local, timeZone, locale)}`;
}

/** A UTC instant shown in the session's zone on screens, e.g. "24 Okt 2025 10.15 WITA" (the minutes use `formatMoment`). */
export function formatInstant(iso: string, timeZone: string, locale: Locale): string {
	const text = new Intl.DateTimeFormat(intlLocale(locale), {
		day: 'numeric',
		month: 'short',
		year: 'numeric',
		hour: '2-digit',
		minute: '2-digit',
		hour12: false,
		timeZone
	}).format(new Date(iso));
	return `${text} ${zoneShort(timeZone)}`;
}

/** A date without a time (`YYYY-MM-DD`, e.g. a deadline), such as "1 Agu 2026" (Indonesian) or "1 Aug 2026". */
export function formatDateOnly(date: string, locale: Locale): string {
	const [y, m, d] = date.split('-').map(Number);
	return new Intl.DateTimeFormat(intlLocale(locale), { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
		new Date(Date.UTC(y, m - 1, d))
	);
}

/** A file's size for people: `840 KB`, `1,2 MB` in Indonesian (`1.2 MB` in English). */
export function formatFileSize(bytes: number, locale: Locale): string {
	const tag = locale === 'en' ? 'en-GB' : 'id-ID';
	if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024)).toLocaleString(tag)} KB`;
	return `${(bytes / 1024 / 1024).toLocaleString(tag, { maximumFractionDigits: 1 })} MB`;
}

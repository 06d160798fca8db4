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

/** "09.00 WITA" (Indonesian uses a dot between hours and minutes). */
export function formatTime(localDateTime: string, timeZone: string, locale: Locale): string {
	const hhmm = localDateTime.slice(11, 16) || '00:00';
	return `${locale === 'id' ? hhmm.replace(':', '.') : hhmm} ${zoneShort(timeZone)}`;
}

/** A UTC instant shown in the session's zone, e.g. "24 Okt 2025 10.15 WITA". */
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

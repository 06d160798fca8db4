/**
 * The frame of the notulen: identitas kegiatan, who ran the meeting, dasar dan tujuan, the
 * agenda, the conclusions, attendance and the place and date of the sign-off.
 */
import { zoneShort } from '../../../domain/defaults';
import { formatDay, formatInstant, formatTime } from '../../../domain/format';
import type { SessionStatus } from '../../../domain/types';
import { maskPhones } from '../mask';
import { sexCountsOf, type MinutesAttendee, type SexCounts } from './attendance';
import { clock, groupCounts, longDate, type GroupCount, type Source } from './source';

/** Identitas kegiatan. */
export interface MinutesSession {
	/** The session's join code. */
	code: string;
	title: string;
	theme: string;
	/** Local wall-clock start, `YYYY-MM-DDTHH:mm`, in `timeZone`. */
	startsAt: string;
	/** IANA zone, e.g. Asia/Makassar. */
	timeZone: string;
	/** WIB, WITA or WIT. */
	zone: string;
	/** Day and date, e.g. "Jumat, 24 Oktober 2025". */
	day: string;
	/** Start time with zone, e.g. "09.00 WITA". */
	time: string;
	venue: string;
	organizers: string[];
	region: string;
	status: SessionStatus;
	/** ISO instant the facilitator closed the session; null while it is open. */
	closedAt: string | null;
	/** `closedAt` in the session's zone, e.g. "24 Okt 2025, 12.15 WITA". */
	closedAtText: string | null;
	/** `closedAt` as a time of the day, e.g. "12.15 WITA" (with the date if it was another day). */
	closedTime: string | null;
}

/** Someone who signs the minutes. Empty strings when not filled in. */
export interface MinutesOfficial {
	name: string;
	position: string;
	/** Civil-servant number (NIP). */
	nip: string;
}

/** What the organizer filled in for the minutes; empty strings and lists when not. */
export interface MinutesDetails {
	/** Pimpinan rapat. */
	chair: MinutesOfficial;
	/** Fasilitator / moderator. */
	facilitator: string;
	/** Narasumber. */
	speakers: string[];
	/** Notulis. */
	minuteTaker: MinutesOfficial;
	/** Dasar: e.g. the invitation letter and its number. */
	basis: string;
	/** Tujuan. */
	aims: string;
	/** Susunan acara; `time` as typed, e.g. "09.00–09.15". */
	agenda: { time: string; activity: string }[];
	/** Kesimpulan / kesepakatan, one point per line. */
	conclusions: string;
}

/** Daftar hadir. */
export interface MinutesAttendance {
	total: number;
	/** Every group of the session in its configured order (zero counts included, so a missing voice shows). */
	byGroup: GroupCount[];
	/** In order of joining, with those staff wrote in by hand. */
	participants: MinutesAttendee[];
	/** Counts by L/P; null when nobody gave it (then the daftar hadir has no L/P column). */
	bySex: SexCounts | null;
}

/** Pengesahan: where and when the minutes are signed. */
export interface MinutesSignOff {
	/** The session's region, or its venue when no region was given. */
	place: string;
	/** The session's date, e.g. "24 Oktober 2025". */
	date: string;
}

export function sessionOf(source: Source): MinutesSession {
	const { session, lang } = source;
	return {
		code: session.code,
		title: session.title,
		theme: session.theme,
		startsAt: session.startsAt,
		timeZone: session.timeZone,
		zone: zoneShort(session.timeZone),
		day: formatDay(session.startsAt, lang),
		time: formatTime(session.startsAt, session.timeZone, lang),
		venue: session.venue,
		organizers: session.organizers,
		region: session.region,
		status: session.status,
		closedAt: session.closedAt,
		closedAtText: session.closedAt && formatInstant(session.closedAt, session.timeZone, lang),
		closedTime: session.closedAt && clock(source, session.closedAt)
	};
}

export function detailsOf(source: Source): MinutesDetails {
	const d = source.session.details;
	const text = (value: string | undefined) => maskPhones(value ?? '');
	return {
		chair: { name: text(d.chair), position: text(d.chairPosition), nip: d.chairNip ?? '' },
		facilitator: text(d.facilitatorName),
		speakers: (d.speakers ?? []).map(text),
		minuteTaker: { name: text(d.minuteTaker), position: text(d.minuteTakerPosition), nip: d.minuteTakerNip ?? '' },
		basis: text(d.basis),
		aims: text(d.aims),
		agenda: (d.agenda ?? []).map((a) => ({ time: a.time, activity: text(a.activity) })),
		conclusions: text(d.conclusions)
	};
}

export function attendanceOf(source: Source): MinutesAttendance {
	const people = source.attendees;
	const counts = new Map<string, number>();
	// A group removed from the session after someone joined under it still counts.
	for (const p of people) counts.set(p.group, (counts.get(p.group) ?? 0) + 1);
	return { total: people.length, byGroup: groupCounts(source, counts), participants: people, bySex: sexCountsOf(people) };
}

export function signOffOf(source: Source): MinutesSignOff {
	const { session, lang } = source;
	return { place: session.region || session.venue, date: longDate(session.startsAt, lang) };
}

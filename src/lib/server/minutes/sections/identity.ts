/**
 * The frame of the notulen: identitas kegiatan, who ran the meeting, dasar dan tujuan, the
 * agenda, the conclusions, attendance and the place and date of the sign-off.
 */
import { zoneShort } from '../../../domain/defaults';
import { formatClock, formatDate, formatDay, formatMoment, formatTimeRange, localizeTimes } from '../../../domain/format';
import type { SessionStatus } from '../../../domain/types';
import { maskPhones } from '../mask';
import { sexCountsOf, type MinutesAttendee, type SexCounts } from './attendance';
import { clock, groupCounts, sameDay, type GroupCount, type Source } from './source';

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
	/** Start time with zone, e.g. "09.00 WITA": the actual start when the minute-taker gave one, else the scheduled one. */
	time: string;
	/** End time with zone, e.g. "12.30 WITA"; null when not given. */
	endTime: string | null;
	/** The time of the meeting as the identitas kegiatan prints it: "pukul 09.00 – 12.30 WITA", "pukul 09.00 WITA – selesai". */
	timeRange: string;
	venue: string;
	organizers: string[];
	region: string;
	status: SessionStatus;
	/** ISO instant the facilitator closed the session; null while it is open. */
	closedAt: string | null;
	/** `closedAt` in the session's zone, e.g. "24 Oktober 2025 pukul 12.15 WITA". */
	closedAtText: string | null;
	/** `closedAt` as a time of the day, e.g. "12.15 WITA" (with the date if it was another day: "3 Desember 2026 pukul 22.01 WITA"). */
	closedTime: string | null;
	/** True when the session was closed on another day than it started (so `closedTime` carries a date). */
	closedOnAnotherDay: boolean;
}

/** Someone who signs the minutes. Empty strings when not filled in. */
export interface MinutesOfficial {
	name: string;
	position: string;
	/** Pangkat/golongan, e.g. "Pembina Tk. I (IV/b)". */
	rank: string;
	/** Civil-servant number (NIP). */
	nip: string;
}

/** What the organizer filled in for the minutes; empty strings and lists when not. */
export interface MinutesDetails {
	/** Nomor: the document number the office gave the minutes. */
	number: string;
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
	/** Tembusan: who receives a copy, in order. */
	copies: string[];
	/** Who initials each page: one paraf box each in the footer of the printed formats. */
	paraf: string[];
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
	/** The place of signing as given; else the session's region when it names a single place; else empty. */
	place: string;
	/** The session's date, e.g. "24 Oktober 2025". */
	date: string;
}

export function sessionOf(source: Source): MinutesSession {
	const { session, lang } = source;
	const zone = zoneShort(session.timeZone);
	const start = session.details.startTime || session.startsAt.slice(11, 16) || '00:00';
	const end = session.details.endTime ?? '';
	return {
		code: session.code,
		title: session.title,
		theme: session.theme,
		startsAt: session.startsAt,
		timeZone: session.timeZone,
		zone,
		day: formatDay(session.startsAt, lang),
		time: `${formatClock(start, lang)} ${zone}`,
		endTime: end ? `${formatClock(end, lang)} ${zone}` : null,
		timeRange: formatTimeRange(start, end, session.timeZone, lang),
		venue: session.venue,
		organizers: session.organizers,
		region: session.region,
		status: session.status,
		closedAt: session.closedAt,
		closedAtText: session.closedAt && formatMoment(session.closedAt, session.timeZone, lang),
		closedTime: session.closedAt && clock(source, session.closedAt),
		closedOnAnotherDay: Boolean(session.closedAt && !sameDay(source, session.closedAt))
	};
}

export function detailsOf(source: Source): MinutesDetails {
	const d = source.session.details;
	const text = (value: string | undefined) => maskPhones(value ?? '');
	return {
		number: text(d.number),
		chair: { name: text(d.chair), position: text(d.chairPosition), rank: text(d.chairRank), nip: d.chairNip ?? '' },
		facilitator: text(d.facilitatorName),
		speakers: (d.speakers ?? []).map(text),
		minuteTaker: {
			name: text(d.minuteTaker),
			position: text(d.minuteTakerPosition),
			rank: text(d.minuteTakerRank),
			nip: d.minuteTakerNip ?? ''
		},
		basis: text(d.basis),
		aims: text(d.aims),
		// Typed times follow the minutes' one format ("08.30" in Indonesian, "08:30" in English).
		agenda: (d.agenda ?? []).map((a) => ({ time: localizeTimes(a.time, source.lang), activity: text(a.activity) })),
		conclusions: text(d.conclusions),
		copies: (d.copies ?? []).map(text),
		paraf: (d.paraf ?? []).map(text)
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
	return { place: maskPhones(session.details.signingPlace || singlePlace(session.region)), date: formatDate(session.startsAt, lang) };
}

/**
 * The region when it names one place. A list ("Kutai Kartanegara, Paser, Samarinda") is not where
 * anyone signs, and neither is a venue ("Hotel …, Samarinda"): the sign-off then leaves the place
 * as a line to write on.
 */
function singlePlace(region: string): string {
	return /[,;/&]| dan | and /i.test(region) ? '' : region;
}

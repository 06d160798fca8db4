/**
 * The minutes as data: everything a renderer prints, already chosen, labelled in the minutes'
 * language and cleared for sharing (phones masked, anonymous authors absent). Renderers only
 * arrange it, so Markdown, JSON and later formats cannot disagree about what the minutes say.
 *
 * Each section of the notulen is one field; later sections (phases, themes, votes, action plan)
 * are new fields here and a new section in each renderer.
 */
import { groupLabel, kindLabel, zoneShort } from '../../domain/defaults';
import { formatDay, formatInstant, formatTime } from '../../domain/format';
import type { Kind, Locale, SessionStatus, StakeholderGroup } from '../../domain/types';
import type { Db } from '../db/database';
import * as items from '../items';
import * as participants from '../participants';
import * as sessions from '../sessions';
import { maskPhones } from './mask';

/** A person as the minutes name them. */
export interface MinutesPerson {
	name: string;
	institution: string;
	/** Stakeholder group key, e.g. `pemerintah`. */
	group: string;
	/** The group's label in the minutes' language. */
	groupLabel: string;
}

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
}

export interface GroupCount {
	group: string;
	label: string;
	count: number;
}

/** Daftar hadir. */
export interface MinutesAttendance {
	total: number;
	/** Every group of the session in its configured order (zero counts included, so a missing voice shows). */
	byGroup: GroupCount[];
	/** In order of joining. */
	participants: MinutesPerson[];
}

export interface MinutesItem {
	id: string;
	text: string;
	anonymous: boolean;
	/** Null for an anonymous item: nothing about its author, not even the group, reaches the minutes. */
	author: MinutesPerson | null;
	/** "name – institution – group", or "anonim" / "anonymous". */
	attribution: string;
}

/** The items of one board kind (Kendala, Peluang, Rekomendasi …). */
export interface KindFindings {
	kind: string;
	label: string;
	/** In order of posting; deleted items are gone. */
	items: MinutesItem[];
}

export interface Minutes {
	lang: Locale;
	/** ISO instant the minutes were built. */
	generatedAt: string;
	/** `generatedAt` in the session's zone. */
	generatedAtText: string;
	session: MinutesSession;
	attendance: MinutesAttendance;
	/** Pokok hasil diskusi: one entry per kind, in the board's order. */
	findings: KindFindings[];
}

const ANONYMOUS: Record<Locale, string> = { id: 'anonim', en: 'anonymous' };

export function buildMinutes(db: Db, sessionId: string, lang: Locale, now = new Date()): Minutes {
	return db.transaction((): Minutes => {
		const session = sessions.toView(sessions.byId(db, sessionId));
		const people = new Map(
			participants.listWithConsent(db, sessionId).map((p): [string, MinutesPerson] => [
				p.id,
				{
					name: maskPhones(p.name),
					institution: maskPhones(p.institution),
					group: p.group,
					groupLabel: groupLabel(session.groups, p.group, lang)
				}
			])
		);
		const generatedAt = now.toISOString();
		return {
			lang,
			generatedAt,
			generatedAtText: formatInstant(generatedAt, session.timeZone, lang),
			session: {
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
				closedAtText: session.closedAt && formatInstant(session.closedAt, session.timeZone, lang)
			},
			attendance: attendance([...people.values()], session.groups, lang),
			findings: findings(items.listRows(db, sessionId), session.kinds, people, lang)
		};
	})();
}

function attendance(people: MinutesPerson[], groups: StakeholderGroup[], lang: Locale): MinutesAttendance {
	const counts = new Map(groups.map((g) => [g.key, 0]));
	// A group removed from the session after someone joined under it still counts.
	for (const p of people) counts.set(p.group, (counts.get(p.group) ?? 0) + 1);
	const byGroup = [...counts].map(([group, count]) => ({ group, label: groupLabel(groups, group, lang), count }));
	return { total: people.length, byGroup, participants: people };
}

function findings(rows: items.ItemRow[], kinds: Kind[], people: Map<string, MinutesPerson>, lang: Locale): KindFindings[] {
	const sections: KindFindings[] = kinds.map((k) => ({ kind: k.key, label: kindLabel(k, lang), items: [] }));
	for (const row of rows) {
		let section = sections.find((s) => s.kind === row.kind);
		if (!section) sections.push((section = { kind: row.kind, label: row.kind, items: [] }));
		section.items.push(item(row, people, lang));
	}
	return sections;
}

function item(row: items.ItemRow, people: Map<string, MinutesPerson>, lang: Locale): MinutesItem {
	const text = maskPhones(row.text);
	// Decide on the flag before touching the author: an anonymous row's author_id is never read.
	if (row.anonymous === 1) return { id: row.id, text, anonymous: true, author: null, attribution: ANONYMOUS[lang] };
	const author = people.get(row.author_id) ?? null;
	const attribution = author ? [author.name, author.institution, author.groupLabel].filter(Boolean).join(' – ') : '–';
	return { id: row.id, text, anonymous: false, author, attribution };
}

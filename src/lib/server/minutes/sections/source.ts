/**
 * What every section of the minutes reads, loaded once inside the build's transaction and
 * already cleared for sharing: people with phones masked, and only the items that stay on the
 * board. Sections take what they need from here and never query the database for items again,
 * so no section can let a hidden item or an anonymous author back in.
 */
import { groupLabel } from '../../../domain/defaults';
import { foldCounts, groupFold, MIN_GROUP, OTHER_GROUP } from '../../../domain/privacy';
import { formatMoment, formatTime, localDateTime } from '../../../domain/format';
import type { ActionRow, Link, Locale, Note, Phase, PhotoView, SessionView, StaffSessionView, Theme } from '../../../domain/types';
import { tally } from '../../../domain/votes';
import * as actions from '../../actions';
import type { Database } from '../../db/store';
import * as itemLinks from '../../item-links';
import * as log from '../../log';
import * as notes from '../../notes';
import * as items from '../../items';
import * as participants from '../../participants';
import * as photos from '../../photos';
import { settings, type RetentionSettings } from '../../privacy';
import * as sessions from '../../sessions';
import * as supports from '../../supports';
import * as themes from '../../themes';
import * as votes from '../../votes';
import { maskPhones } from '../mask';
import type { MinutesAttendee } from './attendance';

/** A person as the minutes name them. */
export interface MinutesPerson {
	name: string;
	institution: string;
	/** Stakeholder group key, e.g. `pemerintah`. */
	group: string;
	/** The group's label in the minutes' language. */
	groupLabel: string;
}

export interface GroupCount {
	group: string;
	label: string;
	/** The label up to its first " (" or " / " ("Pemerintah", "Dunia Usaha"): for narrow table columns. */
	shortLabel: string;
	count: number;
}

/** "Pemerintah (OPD / kecamatan / desa)" → "Pemerintah"; "Dunia Usaha / UMKM / Asosiasi" → "Dunia Usaha". */
export const shortLabel = (label: string) => label.split(/ \(| \/ /)[0];

export interface Tally {
	total: number;
	/** Dots by the voter's stakeholder group key. */
	byGroup: Map<string, number>;
}

export interface Source {
	sessionId: string;
	lang: Locale;
	session: StaffSessionView;
	/** Every participant by id, in order of joining. */
	people: Map<string, MinutesPerson>;
	/** Participants whose personal data was deleted at their request. */
	erased: Set<string>;
	/** The daftar hadir: everyone on the list, in order of joining, with jabatan and L/P. */
	attendees: MinutesAttendee[];
	/** The dokumentasi, in upload order (no bytes). */
	photos: PhotoView[];
	/**
	 * The items the minutes report: visible ones, in posting order. Pending items were never
	 * approved, hidden ones were moderated away and merged ones live on in their target.
	 */
	rows: items.ItemRow[];
	/** Merged item id → the item it was merged into (merging keeps this pointing at the final target). */
	mergedInto: Map<string, string>;
	/** Item id → how many items were merged into it. */
	mergedCount: Map<string, number>;
	/** Item id → the items merged into it, in posting order: their authors are contributors too. */
	mergedRows: Map<string, items.ItemRow[]>;
	/** Item id → how many participants support (+1) it. */
	supporters: Map<string, number>;
	themes: Theme[];
	/** Dots per target, for reported items and live themes only. */
	tallies: Map<string, Tally>;
	/** Participants with at least one counted dot. */
	voters: number;
	/** Links whose two ends are both reported. */
	links: Link[];
	/** The action plan's rows, in the plan's order. */
	actions: ActionRow[];
	/** The minute-taker's notes and quotes, in the order taken. */
	notes: Note[];
	/** When each phase began, from the log. */
	phaseChanges: { at: string; phase: Phase }[];
	/** The session's retention of personal data, and whether it was anonymised. */
	retention: RetentionSettings;
}

/**
 * Reads everything the minutes print, once. Sections never query: what they need is here.
 */
export async function loadSource(store: Database, sessionId: string, lang: Locale): Promise<Source> {
	const session = sessions.toView(await sessions.byId(store, sessionId));
	const listed = await participants.listForMinutes(store, sessionId);
	// Someone whose data was deleted at their request keeps a place in the counts, not a name.
	const people = new Map(
		listed.map((p): [string, MinutesPerson] => [
			p.id,
			p.erased ? { ...person(session, lang, '', '', p.group), name: ERASED_NAME[lang] } : person(session, lang, p.name, p.institution, p.group)
		])
	);
	const erased = new Set(listed.filter((p) => p.erased).map((p) => p.id));
	const attendees = listed.map((p) => attendeeOf(people.get(p.id)!, p));
	const all = await items.listRows(store, sessionId);
	const rows = all.filter((r) => r.status === 'visible');
	const mergedInto = new Map<string, string>();
	const mergedCount = new Map<string, number>();
	const mergedRows = new Map<string, items.ItemRow[]>();
	for (const row of all) {
		if (!row.merged_into) continue;
		mergedInto.set(row.id, row.merged_into);
		mergedCount.set(row.merged_into, (mergedCount.get(row.merged_into) ?? 0) + 1);
		mergedRows.set(row.merged_into, [...(mergedRows.get(row.merged_into) ?? []), row]);
	}
	const liveThemes = await themes.list(store, sessionId);
	const reported = new Set([...rows.map((r) => r.id), ...liveThemes.map((t) => t.id)]);
	const counted = (await votes.list(store, sessionId)).filter((v) => reported.has(v.targetId));
	const tallies = tally(counted, (id) => people.get(id)?.group ?? '');
	const voters = new Set(counted.map((v) => v.participantId)).size;
	const links = (await itemLinks.list(store, sessionId)).filter((l) => reported.has(l.recommendationId) && reported.has(l.targetId));
	return {
		sessionId,
		lang,
		session,
		people,
		erased,
		attendees,
		photos: await photos.list(store, sessionId),
		rows,
		mergedInto,
		mergedCount,
		mergedRows,
		supporters: await supports.counts(store, sessionId),
		themes: liveThemes,
		tallies,
		voters,
		links,
		actions: await actions.list(store, sessionId),
		notes: await notes.list(store, sessionId),
		phaseChanges: (await log.recordsOfType(store, sessionId, 'phase.changed')).map(({ at, event }) => ({ at, phase: event.phase })),
		retention: await settings(store, sessionId)
	};
}

/** A line of the daftar hadir: the person as cleared for sharing, with jabatan (masked too) and L/P. */
function attendeeOf(person: MinutesPerson, p: participants.ParticipantRecord & { removedReason: string | null }): MinutesAttendee {
	const attendee: MinutesAttendee = { ...person, position: maskPhones(p.position ?? ''), sex: p.sex ?? '', addedByStaff: Boolean(p.addedBy) };
	return p.removedReason === null ? attendee : { ...attendee, removed: { reason: maskPhones(p.removedReason) } };
}

/** A person cleared for sharing: phones masked, the group labelled in the minutes' language. */
export function person(session: SessionView, lang: Locale, name: string, institution: string, group: string): MinutesPerson {
	return {
		name: maskPhones(name),
		institution: maskPhones(institution),
		group,
		groupLabel: group ? groupLabel(session.groups, group, lang) : ''
	};
}

/** Where an erased participant's name was (UU PDP: deleted at their request). */
export const ERASED_NAME: Record<Locale, string> = { id: 'peserta (dihapus atas permintaan)', en: 'participant (deleted on request)' };

/** "name – institution – group", skipping what is empty. */
export function attribute(p: MinutesPerson): string {
	return [p.name, p.institution, p.groupLabel].filter(Boolean).join(' – ') || '–';
}

/**
 * Counts per stakeholder group: every group of the session in its configured order (zeros
 * included, so a missing voice shows), then any group removed from the session after use.
 */
export function groupCounts(source: Source, counts: ReadonlyMap<string, number>): GroupCount[] {
	// Groups smaller than the facilitator's threshold are combined, as on the projector (domain/privacy).
	const fold = groupFold(source.attendees.map((a) => a.group), source.session.details.minutesMinGroup ?? MIN_GROUP);
	const folded = foldCounts(counts, fold);
	const keys = source.session.groups.map((g) => g.key).filter((key) => fold.shown(key) === key);
	for (const key of folded.keys()) if (!keys.includes(key)) keys.push(key);
	return keys.map((group) => {
		const label = group === OTHER_GROUP ? OTHER_LABEL[source.lang] : groupLabel(source.session.groups, group, source.lang);
		return { group, label, shortLabel: shortLabel(label), count: folded.get(group) ?? 0 };
	});
}

/** The combined small groups' column. */
const OTHER_LABEL: Record<Locale, string> = { id: 'Unsur lain (gabungan)', en: 'Other groups (combined)' };

/** Dots on a target; null when no target of that type received any, so "0" is never printed for a vote that did not happen. */
export function votesOn(source: Source, targetId: string, anyVotes: boolean): number | null {
	return anyVotes ? (source.tallies.get(targetId)?.total ?? 0) : null;
}

/**
 * An instant as the minutes print a time of the day: "10.15 WITA" on the session's own day,
 * with the date in full as well ("25 Oktober 2025 pukul 08.30 WITA") when it fell on another day.
 */
export function clock(source: Source, iso: string): string {
	const { timeZone } = source.session;
	if (!sameDay(source, iso)) return formatMoment(iso, timeZone, source.lang);
	return formatTime(localDateTime(iso, timeZone), timeZone, source.lang);
}

/** Whether an instant falls on the day the session started, in the session's zone. */
export function sameDay(source: Source, iso: string): boolean {
	const { startsAt, timeZone } = source.session;
	return localDateTime(iso, timeZone).slice(0, 10) === startsAt.slice(0, 10);
}

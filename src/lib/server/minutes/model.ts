/**
 * The minutes as data: everything a renderer prints, already chosen, labelled in the minutes'
 * language and cleared for sharing (phones masked, anonymous authors absent, hidden and
 * merged items gone). Renderers only arrange it, so Markdown, JSON and later formats cannot
 * disagree about what the minutes say.
 *
 * Each part of the notulen is one field, built by its own module under ./sections; the fields
 * are listed here in the order of the official sections (shared/domain/fgd-minutes.md).
 */
import { formatMoment } from '../../domain/format';
import type { Link, Locale } from '../../domain/types';
import { readTogether, type Database } from '../db/store';
import { actionPlanOf, type MinutesAction } from './sections/actions';
import { attachmentsOf, documentationOf, type MinutesAttachment, type MinutesPhoto } from './sections/attendance';
import { findingsOf, themesOf, type KindFindings, type MinutesTheme } from './sections/findings';
import { matrixOf, votesOf, type GroupMatrix, type VoteResults } from './sections/groups';
import {
	attendanceOf,
	detailsOf,
	sessionOf,
	signOffOf,
	type MinutesAttendance,
	type MinutesDetails,
	type MinutesSession,
	type MinutesSignOff
} from './sections/identity';
import { listItems, type MinutesItem } from './sections/items';
import { letterheadOf, type MinutesLetterhead } from './sections/letterhead';
import { privacyOf, type MinutesPrivacy } from './sections/privacy';
import { proceedingsOf, type MinutesProceedings } from './sections/proceedings';
import { recommendationsOf, type MinutesRecommendations } from './sections/recommendations';
import { loadSource } from './sections/source';

export type * from './sections/actions';
export type * from './sections/attendance';
export type * from './sections/findings';
export type * from './sections/groups';
export type * from './sections/identity';
export type * from './sections/items';
export type * from './sections/letterhead';
export type * from './sections/privacy';
export type * from './sections/proceedings';
export type * from './sections/recommendations';
export type { GroupCount, MinutesPerson } from './sections/source';

export interface Minutes {
	lang: Locale;
	/** ISO instant the minutes were built. */
	generatedAt: string;
	/** `generatedAt` in the session's zone. */
	generatedAtText: string;
	/** Kop surat; null when the organizer set none. */
	letterhead: MinutesLetterhead | null;
	/** Identitas kegiatan; the closing time too (penutup). */
	session: MinutesSession;
	/** Who ran the meeting, dasar dan tujuan, susunan acara, kesimpulan. */
	details: MinutesDetails;
	/** Count per stakeholder group (identitas kegiatan) and the daftar hadir (lampiran). */
	attendance: MinutesAttendance;
	/** Personal data: anonymised after the retention period, or deleted at participants' request. */
	privacy: MinutesPrivacy;
	/** Jalannya diskusi. */
	proceedings: MinutesProceedings;
	/** The facilitator's themes in order. */
	themes: MinutesTheme[];
	/** Pokok hasil diskusi: every kind but the answering one, by theme. */
	findings: KindFindings[];
	/** Pokok hasil diskusi: contributions by kind and stakeholder group. */
	matrix: GroupMatrix;
	/** Pokok hasil diskusi: dot totals and their split by stakeholder group. */
	votes: VoteResults;
	/** Rekomendasi, ranked; null when the board has a single kind. */
	recommendations: MinutesRecommendations | null;
	/** Which reported item answers which (recommendation → constraint or opportunity). */
	links: Link[];
	/** Rencana tindak lanjut. */
	actionPlan: MinutesAction[];
	/** Pengesahan. */
	signOff: MinutesSignOff;
	/** Lampiran: every reported item of every kind, in posting order. */
	items: MinutesItem[];
	/** Lampiran: the photos of the session (dokumentasi), without their bytes. */
	documentation: MinutesPhoto[];
	/** The lampiran list: what is attached, in order. */
	attachments: MinutesAttachment[];
}

/** A photo's stored JPEG by id, for the formats that print the images (PDF, DOCX); undefined when gone. */
export type PhotoBytes = (photoId: string) => Buffer | undefined;

/** The minutes of a session in a language, read at one moment (readTogether). */
export async function buildMinutes(db: Database, sessionId: string, lang: Locale, now = new Date()): Promise<Minutes> {
	const source = await readTogether(db, (moment) => loadSource(moment, sessionId, lang));
	const items = listItems(source);
	const themes = themesOf(source, items);
	const generatedAt = now.toISOString();
	const attendance = attendanceOf(source);
	const documentation = documentationOf(source.photos);
	return {
		lang,
		generatedAt,
		generatedAtText: formatMoment(generatedAt, source.session.timeZone, lang),
		letterhead: letterheadOf(source),
		session: sessionOf(source),
		details: detailsOf(source),
		attendance,
		privacy: privacyOf(source),
		proceedings: proceedingsOf(source),
		themes,
		findings: findingsOf(source, items, themes),
		matrix: matrixOf(source, items),
		votes: votesOf(source, items, themes),
		recommendations: recommendationsOf(source, items),
		links: source.links,
		actionPlan: actionPlanOf(source, items),
		signOff: signOffOf(source),
		items,
		documentation,
		attachments: attachmentsOf(attendance.total, items.length, documentation.length)
	};
}

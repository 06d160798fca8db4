/**
 * The minutes as JSON, for spreadsheets, archives and dashboards. The field names are a
 * contract documented on the model's types: a renamed, removed or re-meant field bumps
 * `schemaVersion`; a new field alone does not.
 *
 * Version 2 (facilitation): `findings[]` lost its flat `items` (each kind now holds `groups`
 * by theme, and the answering kind moved to `recommendations`), and items gained `kind`,
 * `themeId`, `mergedCount` and `votes`. A reader of version 1 would misread findings, hence
 * the bump. Added: details, proceedings, themes, matrix, votes, recommendations, links,
 * actionPlan, signOff and the flat `items` list. Only aggregates of votes are given, never
 * who placed which dot, and no participant id appears anywhere.
 *
 * Added since, without a bump: attendance lines gained `position`, `sex` and `addedByStaff`,
 * attendance `bySex`, and the document `documentation` (photos, never their bytes) and
 * `attachments` (the lampiran list); items gained `contributors` (a merged item's `attribution`
 * now names all of them) and `votes` is null for a kind not put to a vote; the vote results
 * gained `votedOn` and `notVotedOn`; the document gained `privacy` (anonymisation after the
 * retention period, participants deleted at their request).
 */
import type { Link, Locale } from '../../domain/types';
import type {
	MinutesPrivacy,
	GroupMatrix,
	KindFindings,
	Minutes,
	MinutesAction,
	MinutesAttachment,
	MinutesAttendance,
	MinutesDetails,
	MinutesItem,
	MinutesPhoto,
	MinutesProceedings,
	MinutesRecommendations,
	MinutesSession,
	MinutesSignOff,
	MinutesTheme,
	VoteResults
} from './model';

export const SCHEMA_VERSION = 2;

export interface MinutesDocument {
	schemaVersion: typeof SCHEMA_VERSION;
	/** ISO instant the minutes were built. */
	generatedAt: string;
	/** Language of every label in the document (group, kind, phase, status and date texts). */
	lang: Locale;
	session: MinutesSession;
	details: MinutesDetails;
	attendance: MinutesAttendance;
	privacy: MinutesPrivacy;
	proceedings: MinutesProceedings;
	themes: MinutesTheme[];
	findings: KindFindings[];
	matrix: GroupMatrix;
	votes: VoteResults;
	recommendations: MinutesRecommendations | null;
	links: Link[];
	actionPlan: MinutesAction[];
	signOff: MinutesSignOff;
	items: MinutesItem[];
	/** The photos, listed without their images. */
	documentation: MinutesPhoto[];
	attachments: MinutesAttachment[];
}

/** Fields in the order of the notulen, after the three that say what the document is. */
export function toDocument(minutes: Minutes): MinutesDocument {
	return {
		schemaVersion: SCHEMA_VERSION,
		generatedAt: minutes.generatedAt,
		lang: minutes.lang,
		session: minutes.session,
		details: minutes.details,
		attendance: minutes.attendance,
		privacy: minutes.privacy,
		proceedings: minutes.proceedings,
		themes: minutes.themes,
		findings: minutes.findings,
		matrix: minutes.matrix,
		votes: minutes.votes,
		recommendations: minutes.recommendations,
		links: minutes.links,
		actionPlan: minutes.actionPlan,
		signOff: minutes.signOff,
		items: minutes.items,
		documentation: minutes.documentation,
		attachments: minutes.attachments
	};
}

export function renderJson(minutes: Minutes): string {
	return JSON.stringify(toDocument(minutes), null, 2) + '\n';
}

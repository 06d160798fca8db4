/**
 * A programme's follow-up: every action-plan row of every session of the programme the member may
 * see, in one table. The readers, the sheet and the WhatsApp summary are the per-session ones
 * (../followup, ../../domain/followup*) called with many sessions; who sees which session is
 * decided in ../accounts/access (programmeSessionIds).
 */
import { filterRows, todayIn, type FollowupFilter, type TrackedRow } from '../../domain/followup';
import { whatsappSummary } from '../../domain/followup-summary';
import type { Locale } from '../../domain/types';
import { AccessDenied, programmeSessionIds, type Member } from '../accounts/access';
import * as audit from '../accounts/audit';
import type { Database } from '../db/store';
import * as evidence from '../evidence';
import * as followup from '../followup';
import * as sessions from '../sessions';
import { programmeFor, type Programme } from './programmes';

/** Where the programme's dates are read when it has no session yet. */
const FALLBACK_ZONE = 'Asia/Jakarta';

export interface ProgrammeFollowup {
	programme: Programme;
	rows: TrackedRow[];
	/** Today where the programme's first session is held (`YYYY-MM-DD`). */
	today: string;
}

/** The programme's tracked rows as this member may see them; another organization's programme is refused as unknown. */
export async function programmeRows(db: Database, member: Member, programmeId: string, now = new Date()): Promise<ProgrammeFollowup> {
	const programme = await programmeFor(db, member, programmeId);
	const rows = await followup.loadTracked(db, await programmeSessionIds(db, member, programme.id), now);
	return { programme, rows, today: todayIn(rows[0]?.session.timeZone ?? FALLBACK_ZONE, now) };
}

/**
 * The session (by code) a row update from the programme's table goes to: it must be one of the
 * programme's sessions this member may see. The same refusal for any other code.
 */
export async function sessionForUpdate(db: Database, member: Member, programmeId: string, code: string): Promise<sessions.SessionRow> {
	const programme = await programmeFor(db, member, programmeId);
	const row = await sessions.byCode(db, code.slice(0, 10));
	if (!row || !(await programmeSessionIds(db, member, programme.id)).includes(row.id)) throw new AccessDenied('not_found', 'No session of this programme has this code');
	return row;
}

/** The actor stored with an update made from the programme's table: the account, not a link. */
export const accountActor = (member: Member) => `account:${member.accountId}`;

export type ProgrammeExport = 'sheet' | 'summary';

/** The rows the filter keeps, and an audit entry for the download (who, which programme, what, from where). */
async function exported(db: Database, member: Member, programmeId: string, filter: FollowupFilter, what: string, address: string, now: Date) {
	const found = await programmeRows(db, member, programmeId, now);
	await audit.add(db, {
		organizationId: member.organizationId,
		accountId: member.accountId,
		action: 'report.downloaded',
		subject: found.programme.name,
		detail: `programme followup ${what}`,
		address
	});
	return { ...found, rows: filterRows(found.rows, filter) };
}

/** The monitoring sheet (XLSX) of the filtered rows of the programme, and its file name. */
export async function programmeSheet(
	db: Database,
	member: Member,
	programmeId: string,
	filter: FollowupFilter,
	locale: Locale,
	address = '',
	now = new Date()
): Promise<{ body: Buffer; filename: string }> {
	const { rows, today } = await exported(db, member, programmeId, filter, `sheet ${locale}`, address, now);
	const body = await followup.renderSheet(rows, followup.messagesFor(locale), now);
	return { body, filename: followup.sheetFilename('program', locale, today) };
}

/** The short WhatsApp progress summary of the filtered rows of the programme, titled with its name. */
export async function programmeSummary(
	db: Database,
	member: Member,
	programmeId: string,
	filter: FollowupFilter,
	locale: Locale,
	address = '',
	now = new Date()
): Promise<string> {
	const { programme, rows, today } = await exported(db, member, programmeId, filter, `summary ${locale}`, address, now);
	return whatsappSummary(rows, followup.messagesFor(locale), { title: programme.name, locale, today });
}

/**
 * An evidence file of one of the programme's sessions this member may see (facilitators: their
 * assigned sessions), audited as the member's download; any other file is refused as unknown.
 */
export async function programmeEvidence(db: Database, member: Member, programmeId: string, fileId: string, address = ''): Promise<evidence.Download> {
	const programme = await programmeFor(db, member, programmeId);
	const sessionId = await evidence.sessionOf(db, fileId);
	const file = sessionId && (await programmeSessionIds(db, member, programme.id)).includes(sessionId) ? await evidence.read(db, sessionId, fileId) : null;
	if (!sessionId || !file) throw new AccessDenied('not_found', 'No evidence file of this programme has this id');
	await audit.addForSession(db, sessionId, { accountId: member.accountId, actor: 'account', address }, { action: 'evidence.downloaded', detail: `programme ${programme.name}: ${file.name}` });
	return file;
}

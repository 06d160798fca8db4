/**
 * Personal data of a session (UU PDP No. 27/2022): anonymisation when the retention period has
 * passed, a participant's access to what is held about them, deletion on request, and deleting
 * a whole session. Every function here runs inside the caller's transaction (the write path's
 * commit) except `runRetention` and `deleteSession`, which open their own.
 */
import { dueAt, effectiveMonths, pseudonym, retentionMonthsFromEnv } from '../../domain/retention';
import type { SessionEvent, SessionRecord } from '../../realtime/contract';
import type { Db } from '../db/database';
import { sql } from '../db/statements';
import * as audit from '../accounts/audit';
import { appendEvent } from '../log';
import { hashSecret, newId } from '../secrets';
import { checkpoint } from './deletion';
import { scrubSession, textPairs, type Replacement } from './scrub';

export { checkpoint, deleteSession, deleteSessionRows, deletionCounts, sessionTables } from './deletion';

/** What replaces an erased name in free text (notes, action plan); the minutes print their own language's marker. */
export const ERASED_TEXT = 'peserta (dihapus atas permintaan)';

interface PrivacyRow {
	id: string;
	status: 'open' | 'closed';
	closed_at: string | null;
	/** A sample session's clock offset (null for a real session): its closed_at is on the event day, not the server's clock. */
	sample_offset: number | null;
	retention_months: number | null;
	retention_keeps_institutions: number;
	anonymised_at: string | null;
	organization_id: string | null;
	/** The organization's period (null: the server's default); null for a one-off session. */
	org_months: number | null;
	/** The organization's choice (1 keeps institutions); null for a one-off session. */
	org_keeps: number | null;
}

const PRIVACY_COLUMNS = `s.id, s.status, s.closed_at, s.sample_clock_offset_ms AS sample_offset, s.retention_months, s.retention_keeps_institutions, s.anonymised_at, s.organization_id,
	o.retention_months AS org_months, o.retention_keeps_institutions AS org_keeps
	FROM sessions s LEFT JOIN organizations o ON o.id = s.organization_id`;

/**
 * The period in force for a session. A one-off session: its own, else the server's. A session of
 * an organization: the organization's (else the server's), or the session's own when it is
 * shorter — a session may keep personal data for less time than its organization allows, never more.
 */
function periodOf(row: PrivacyRow, serverDefault: number): { months: number; orgMonths: number | null } {
	if (!row.organization_id) return { months: effectiveMonths(row.retention_months, serverDefault), orgMonths: null };
	const orgMonths = effectiveMonths(row.org_months, serverDefault);
	return { months: row.retention_months !== null ? Math.min(row.retention_months, orgMonths) : orgMonths, orgMonths };
}

/**
 * When the server closed the session. A sample session stamps its close on its own event-day
 * clock (`npm run demo` dates it a year back), which would make its data due the moment it
 * closes; the period runs from when the data was really held.
 */
function closedOnServer(row: PrivacyRow): string | null {
	if (row.closed_at === null || row.sample_offset === null) return row.closed_at;
	return new Date(new Date(row.closed_at).getTime() - row.sample_offset).toISOString();
}

/** Institutions stay on anonymisation only when the session keeps them and, for an organization's session, the organization does too. */
const keepsInstitutions = (row: PrivacyRow) => row.retention_keeps_institutions === 1 && (row.org_keeps === null || row.org_keeps === 1);

interface PersonRow {
	id: string;
	name: string;
	institution: string;
	erased_at: string | null;
}

const sessionRow = (db: Db, sessionId: string) =>
	sql(db, `SELECT ${PRIVACY_COLUMNS} WHERE s.id = ?`).get(sessionId) as PrivacyRow | undefined;

/** The server's default period (RETENTION_MONTHS, else 12); read each time so a test or the script may set it. */
export const serverMonths = () => retentionMonthsFromEnv(process.env.RETENTION_MONTHS);

export interface RetentionSettings {
	/** The session's own period; null: the default applies. */
	months: number | null;
	/** The period in force: the session's, else the organization's, else the server's (see `periodOf`). */
	effectiveMonths: number;
	defaultMonths: number;
	/** The organization's period in force (its own or the server's); null for a one-off session. */
	organizationMonths: number | null;
	/** The session's own choice to keep institutions on anonymisation. */
	keepInstitutions: boolean;
	/** Whether anonymisation will keep them: the session's choice and, for an organization's session, the organization's. */
	institutionsKept: boolean;
	/** The organization removes institutions whatever the session says. */
	organizationDropsInstitutions: boolean;
	/** ISO instant the period ends; null while the session is open. */
	dueAt: string | null;
	anonymisedAt: string | null;
}

export function settings(db: Db, sessionId: string): RetentionSettings {
	const row = sessionRow(db, sessionId);
	if (!row) throw new Error('no such session');
	const defaultMonths = serverMonths();
	const { months, orgMonths } = periodOf(row, defaultMonths);
	return {
		months: row.retention_months,
		effectiveMonths: months,
		defaultMonths,
		organizationMonths: orgMonths,
		keepInstitutions: row.retention_keeps_institutions === 1,
		institutionsKept: keepsInstitutions(row),
		organizationDropsInstitutions: row.org_keeps === 0,
		dueAt: dueAt(closedOnServer(row), months)?.toISOString() ?? null,
		anonymisedAt: row.anonymised_at
	};
}

/** Staff set the session's period (null: back to the default) and whether anonymising keeps institutions. */
export function setSettings(db: Db, sessionId: string, actor: string, months: number | null, keepInstitutions: boolean): SessionRecord {
	sql(db, 'UPDATE sessions SET retention_months = ?, retention_keeps_institutions = ? WHERE id = ?').run(months, keepInstitutions ? 1 : 0, sessionId);
	return appendEvent(db, sessionId, actor, { type: 'privacy.settings', months, keepInstitutions });
}

/**
 * Anonymises the session's personal data: names become "Peserta 1…N" in order of joining (the
 * same numbers however often it runs), institutions go unless the session keeps them, jabatan,
 * sex and the phone's token go; consent keeps its time and version only (the proof the law asks
 * for). Item texts, counts by group and the minutes' content stay. Every copy is rewritten,
 * the log's included. Does nothing (returns null) when already done.
 */
export function anonymise(db: Db, sessionId: string, actor: string, now = new Date()): SessionRecord | null {
	const session = sessionRow(db, sessionId);
	if (!session) throw new Error('no such session');
	if (session.anonymised_at) return null;
	const people = sql(db, 'SELECT id, name, institution, erased_at FROM participants WHERE session_id = ? ORDER BY joined_at, rowid').all(
		sessionId
	) as PersonRow[];
	const keep = keepsInstitutions(session);
	const plan = new Map<string, Replacement>();
	const texts: [string, string][] = [];
	people.forEach((p, index) => {
		if (p.erased_at) return;
		const name = pseudonym(index + 1);
		plan.set(p.id, { name, institution: keep ? null : '' });
		texts.push([p.name, name]);
		if (!keep) texts.push([p.institution, '']);
		sql(
			db,
			`UPDATE participants SET name = ?, institution = CASE WHEN ? THEN institution ELSE '' END, position = '', sex = '',
			 token_hash = ? WHERE id = ?`
		).run(name, keep ? 1 : 0, `anonymised:${p.id}`, p.id);
	});
	scrubSession(db, sessionId, { people: plan, texts: textPairs(texts) });
	const at = now.toISOString();
	sql(db, 'UPDATE sessions SET anonymised_at = ? WHERE id = ?').run(at, sessionId);
	return appendEvent(db, sessionId, actor, { type: 'session.anonymised', at, participants: plan.size, keptInstitutions: keep });
}

export interface PrivacyRequest {
	id: string;
	participantId: string;
	/** The name as held now ('' once erased). */
	name: string;
	group: string;
	requestedAt: string;
	requestedBy: 'participant' | 'facilitator';
	doneAt: string | null;
	hidItems: boolean;
}

export function requests(db: Db, sessionId: string): PrivacyRequest[] {
	const rows = sql(
		db,
		`SELECT r.id, r.participant_id, p.name, p.stakeholder_group, r.requested_at, r.requested_by, r.done_at, r.hid_items
		 FROM privacy_requests r JOIN participants p ON p.id = r.participant_id
		 WHERE r.session_id = ? ORDER BY r.requested_at, r.rowid`
	).all(sessionId) as {
		id: string;
		participant_id: string;
		name: string;
		stakeholder_group: string;
		requested_at: string;
		requested_by: 'participant' | 'facilitator';
		done_at: string | null;
		hid_items: number;
	}[];
	return rows.map((r) => ({
		id: r.id,
		participantId: r.participant_id,
		name: r.name,
		group: r.stakeholder_group,
		requestedAt: r.requested_at,
		requestedBy: r.requested_by,
		doneAt: r.done_at,
		hidItems: r.hid_items === 1
	}));
}

/**
 * A participant asks for their data to be deleted. Asking again while a request is pending
 * returns that request (no second one). Logged; only staff and that phone see the record.
 */
export function requestDeletion(
	db: Db,
	sessionId: string,
	participantId: string,
	by: 'participant' | 'facilitator',
	now = new Date(),
	who?: audit.SessionActor
): { request: PrivacyRequest; records: SessionRecord[] } {
	const pending = requests(db, sessionId).find((r) => r.participantId === participantId && r.doneAt === null);
	if (pending) return { request: pending, records: [] };
	const id = newId();
	const at = now.toISOString();
	sql(db, 'INSERT INTO privacy_requests (id, session_id, participant_id, requested_at, requested_by) VALUES (?, ?, ?, ?, ?)').run(
		id,
		sessionId,
		participantId,
		at,
		by
	);
	const actor = by === 'participant' ? `p:${participantId}` : 'facilitator';
	const record = appendEvent(db, sessionId, actor, { type: 'privacy.requested', requestId: id, participantId, requestedAt: at }, participantId);
	audit.recordForSession(db, sessionId, who ?? { accountId: null, actor: by === 'participant' ? 'participant' : 'facilitator_link', address: '' }, {
		action: 'privacy.deletion_requested',
		detail: `participant=${participantId} by=${by}`
	});
	return { request: requests(db, sessionId).find((r) => r.id === id)!, records: [record] };
}

/**
 * Deletes one participant's personal data: name, institution, jabatan, sex and token go (the
 * minutes print "peserta (dihapus atas permintaan)" where the name was); consent keeps its time
 * and version. Their items stay as anonymous content, or are hidden when staff choose so; their
 * dots and supports still count. Carries out (closes) their pending request, or logs one made
 * by staff on their behalf. Null when the participant was erased already.
 */
export function erase(
	db: Db,
	sessionId: string,
	participantId: string,
	hideItems: boolean,
	now = new Date(),
	who: audit.SessionActor = { accountId: null, actor: 'facilitator_link', address: '' }
): SessionRecord[] | null {
	const person = sql(db, 'SELECT id, name, institution, erased_at FROM participants WHERE session_id = ? AND id = ?').get(
		sessionId,
		participantId
	) as PersonRow | undefined;
	if (!person) throw new Error('no such participant');
	if (person.erased_at) return null;
	const records: SessionRecord[] = [];
	if (!requests(db, sessionId).some((r) => r.participantId === participantId && r.doneAt === null))
		records.push(...requestDeletion(db, sessionId, participantId, 'facilitator', now, who).records);
	const at = now.toISOString();
	sql(
		db,
		`UPDATE participants SET name = '', institution = '', position = '', sex = '', token_hash = ?, erased_at = ? WHERE id = ?`
	).run(`erased:${participantId}`, at, participantId);
	const plan = new Map<string, Replacement>([[participantId, { name: '', institution: '', anonymiseItems: true }]]);
	scrubSession(db, sessionId, { people: plan, texts: textPairs([[person.name, ERASED_TEXT]]) });
	if (hideItems)
		sql(
			db,
			"UPDATE items SET status = 'hidden', hidden_reason = 'deleted on request' WHERE session_id = ? AND author_id = ? AND status IN ('visible', 'pending')"
		).run(sessionId, participantId);
	sql(db, 'UPDATE privacy_requests SET done_at = ?, hid_items = ? WHERE session_id = ? AND participant_id = ? AND done_at IS NULL').run(
		at,
		hideItems ? 1 : 0,
		sessionId,
		participantId
	);
	const event: SessionEvent = { type: 'participant.erased', participantId, hidItems: hideItems };
	records.push(appendEvent(db, sessionId, 'facilitator', event));
	audit.recordForSession(db, sessionId, who, { action: 'privacy.erased', detail: `participant=${participantId}${hideItems ? ' items hidden' : ''}` });
	return records;
}

/** What Rembuk holds about one participant, for their "Data saya" view. */
export interface MyData {
	name: string;
	group: string;
	institution: string;
	position: string;
	sex: string;
	joinedAt: string;
	consentAt: string | null;
	consentVersion: string;
	items: { id: string; kind: string; text: string; anonymous: boolean; createdAt: string }[];
	/** Their pending deletion request, if any. */
	deletionRequestedAt: string | null;
	retention: { months: number; dueAt: string | null };
}

/** By the phone's token; undefined when the token is unknown (or its data was erased or anonymised). */
export function myData(db: Db, sessionId: string, token: string): (MyData & { participantId: string }) | undefined {
	const p = sql(
		db,
		`SELECT id, name, stakeholder_group, institution, position, sex, joined_at, consent_at, consent_version, added_by
		 FROM participants WHERE session_id = ? AND token_hash = ?`
	).get(sessionId, hashSecret(token)) as
		| {
				id: string;
				name: string;
				stakeholder_group: string;
				institution: string;
				position: string;
				sex: string;
				joined_at: string;
				consent_at: string;
				consent_version: string;
				added_by: string | null;
		  }
		| undefined;
	if (!p) return undefined;
	const items = sql(
		db,
		'SELECT id, kind, text, anonymous, created_at FROM items WHERE session_id = ? AND author_id = ? AND deleted_at IS NULL ORDER BY rowid'
	).all(sessionId, p.id) as { id: string; kind: string; text: string; anonymous: number; created_at: string }[];
	const pending = requests(db, sessionId).find((r) => r.participantId === p.id && r.doneAt === null);
	const retention = settings(db, sessionId);
	return {
		participantId: p.id,
		name: p.name,
		group: p.stakeholder_group,
		institution: p.institution,
		position: p.position,
		sex: p.sex,
		joinedAt: p.joined_at,
		consentAt: p.added_by ? null : p.consent_at,
		consentVersion: p.consent_version,
		items: items.map((i) => ({ id: i.id, kind: i.kind, text: i.text, anonymous: i.anonymous === 1, createdAt: i.created_at })),
		deletionRequestedAt: pending?.requestedAt ?? null,
		retention: { months: retention.effectiveMonths, dueAt: retention.dueAt }
	};
}

/** Closed sessions whose period has passed at `now` and are not yet anonymised. */
export function dueSessions(db: Db, now = new Date()): string[] {
	const defaultMonths = serverMonths();
	const rows = db.prepare(`SELECT ${PRIVACY_COLUMNS} WHERE s.closed_at IS NOT NULL AND s.anonymised_at IS NULL`).all() as PrivacyRow[];
	return rows.filter((r) => {
		const due = dueAt(closedOnServer(r), periodOf(r, defaultMonths).months);
		return due !== null && due.getTime() <= now.getTime();
	}).map((r) => r.id);
}

/** The one write path's shape (GroupCommit.commit), or a plain transaction for the command-line run. */
export type Write = <R extends { records: SessionRecord[] }>(sessionId: string, change: (db: Db) => R) => Promise<R>;

export const directWrite =
	(db: Db): Write =>
	(_sessionId, change) =>
		Promise.resolve(db.transaction(() => change(db))());

/**
 * The retention run: anonymises every session whose period has passed. Idempotent: a session
 * done already is not due again, and `anonymise` itself does nothing the second time. Each
 * organization's audit log gets one entry (actor: system) with how many of its sessions and
 * participants this run anonymised; one-off sessions are counted in the result only.
 */
export async function runRetention(
	db: Db,
	write: Write = directWrite(db),
	now = new Date()
): Promise<{ anonymised: string[]; byOrganization: Map<string, { sessions: string[]; participants: number }> }> {
	const anonymised: string[] = [];
	const byOrganization = new Map<string, { sessions: string[]; participants: number }>();
	for (const id of dueSessions(db, now)) {
		const done = await write(id, (db) => {
			const record = anonymise(db, id, 'retention', now);
			return { done: record !== null, record, records: record ? [record] : [] };
		});
		if (!done.done) continue;
		anonymised.push(id);
		const row = sql(db, 'SELECT code, organization_id FROM sessions WHERE id = ?').get(id) as { code: string; organization_id: string | null };
		if (!row.organization_id) continue;
		const tally = byOrganization.get(row.organization_id) ?? { sessions: [], participants: 0 };
		const event = done.record?.event;
		tally.sessions.push(row.code);
		tally.participants += event && event.type === 'session.anonymised' ? event.participants : 0;
		byOrganization.set(row.organization_id, tally);
	}
	if (byOrganization.size > 0)
		db.transaction(() => {
			for (const [organizationId, tally] of byOrganization)
				audit.record(db, {
					organizationId,
					accountId: null,
					actor: 'system',
					action: 'retention.run',
					subject: tally.sessions.join(' '),
					detail: `sessions=${tally.sessions.length} participants=${tally.participants}`
				});
		})();
	if (anonymised.length > 0) checkpoint(db);
	return { anonymised, byOrganization };
}

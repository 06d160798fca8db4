/**
 * Personal data of a session (UU PDP No. 27/2022): anonymisation when the retention period has
 * passed, a participant's access to what is held about them, deletion on request, and deleting
 * a whole session. Every write here runs inside the caller's transaction (the write path's
 * commit, `trx`) except `runRetention` and `deleteSession`, which open their own. All of it runs on
 * the store (`Database`: either engine).
 */
import { dueAt, effectiveMonths, pseudonym, retentionMonthsFromEnv } from '../../domain/retention';
import type { SessionEvent, SessionRecord } from '../../realtime/contract';
import { engineOf, insertionOrder, type Database } from '../db/store';
import * as audit from '../accounts/audit';
import { recordEvent } from '../log';
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

/** THE query of a session's privacy row (with its organization's choices), for one session or the retention run's scan. */
const privacyRows = (db: Database) =>
	db
		.selectFrom('sessions as s')
		.leftJoin('organizations as o', 'o.id', 's.organization_id')
		.select([
			's.id',
			's.status',
			's.closed_at',
			's.sample_clock_offset_ms as sample_offset',
			's.retention_months',
			's.retention_keeps_institutions',
			's.anonymised_at',
			's.organization_id',
			'o.retention_months as org_months',
			'o.retention_keeps_institutions as org_keeps'
		]);

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

const sessionRow = async (db: Database, sessionId: string) =>
	(await privacyRows(db).where('s.id', '=', sessionId).executeTakeFirst()) as PrivacyRow | undefined;

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

export async function settings(db: Database, sessionId: string): Promise<RetentionSettings> {
	return settingsOf(await sessionRow(db, sessionId));
}

function settingsOf(row: PrivacyRow | undefined): RetentionSettings {
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
export async function setSettings(trx: Database, sessionId: string, actor: string, months: number | null, keepInstitutions: boolean): Promise<SessionRecord> {
	await trx.updateTable('sessions').set({ retention_months: months, retention_keeps_institutions: keepInstitutions ? 1 : 0 }).where('id', '=', sessionId).execute();
	return recordEvent(trx, sessionId, actor, { type: 'privacy.settings', months, keepInstitutions });
}

/**
 * Anonymises the session's personal data: names become "Peserta 1…N" in order of joining (the
 * same numbers however often it runs), institutions go unless the session keeps them, jabatan,
 * sex and the phone's token go; consent keeps its time and version only (the proof the law asks
 * for). Item texts, counts by group and the minutes' content stay. Every copy is rewritten,
 * the log's included. Does nothing (returns null) when already done.
 */
export async function anonymise(trx: Database, sessionId: string, actor: string, now = new Date()): Promise<SessionRecord | null> {
	const session = await sessionRow(trx, sessionId);
	if (!session) throw new Error('no such session');
	if (session.anonymised_at) return null;
	const people: PersonRow[] = await trx
		.selectFrom('participants')
		.select(['id', 'name', 'institution', 'erased_at'])
		.where('session_id', '=', sessionId)
		.orderBy('joined_at')
		.orderBy(insertionOrder(engineOf(trx)))
		.execute();
	const keep = keepsInstitutions(session);
	const plan = new Map<string, Replacement>();
	const texts: [string, string][] = [];
	for (const [index, p] of people.entries()) {
		if (p.erased_at) continue;
		const name = pseudonym(index + 1);
		plan.set(p.id, { name, institution: keep ? null : '' });
		texts.push([p.name, name]);
		if (!keep) texts.push([p.institution, '']);
		await trx
			.updateTable('participants')
			.set({ name, ...(keep ? {} : { institution: '' }), position: '', sex: '', token_hash: `anonymised:${p.id}` })
			.where('id', '=', p.id)
			.execute();
	}
	await scrubSession(trx, sessionId, { people: plan, texts: textPairs(texts) });
	const at = now.toISOString();
	await trx.updateTable('sessions').set({ anonymised_at: at }).where('id', '=', sessionId).execute();
	return recordEvent(trx, sessionId, actor, { type: 'session.anonymised', at, participants: plan.size, keptInstitutions: keep });
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

export async function requests(db: Database, sessionId: string): Promise<PrivacyRequest[]> {
	const rows = await db
		.selectFrom('privacy_requests as r')
		.innerJoin('participants as p', 'p.id', 'r.participant_id')
		.select(['r.id', 'r.participant_id', 'p.name', 'p.stakeholder_group', 'r.requested_at', 'r.requested_by', 'r.done_at', 'r.hid_items'])
		.where('r.session_id', '=', sessionId)
		.orderBy('r.requested_at')
		.orderBy(insertionOrder(engineOf(db), 'r'))
		.execute();
	return rows.map((r) => ({
		id: r.id,
		participantId: r.participant_id,
		name: r.name,
		group: r.stakeholder_group,
		requestedAt: r.requested_at,
		requestedBy: r.requested_by as PrivacyRequest['requestedBy'],
		doneAt: r.done_at,
		hidItems: r.hid_items === 1
	}));
}

/**
 * A participant asks for their data to be deleted. Asking again while a request is pending
 * returns that request (no second one). Logged; only staff and that phone see the record.
 */
export async function requestDeletion(
	trx: Database,
	sessionId: string,
	participantId: string,
	by: 'participant' | 'facilitator',
	now = new Date(),
	who?: audit.SessionActor
): Promise<{ request: PrivacyRequest; records: SessionRecord[] }> {
	const pending = (await requests(trx, sessionId)).find((r) => r.participantId === participantId && r.doneAt === null);
	if (pending) return { request: pending, records: [] };
	const id = newId();
	const at = now.toISOString();
	await trx
		.insertInto('privacy_requests')
		.values({ id, session_id: sessionId, participant_id: participantId, requested_at: at, requested_by: by })
		.execute();
	const actor = by === 'participant' ? `p:${participantId}` : 'facilitator';
	const record = await recordEvent(trx, sessionId, actor, { type: 'privacy.requested', requestId: id, participantId, requestedAt: at }, participantId);
	await audit.addForSession(trx, sessionId, who ?? { accountId: null, actor: by === 'participant' ? 'participant' : 'facilitator_link', address: '' }, {
		action: 'privacy.deletion_requested',
		detail: `participant=${participantId} by=${by}`
	});
	return { request: (await requests(trx, sessionId)).find((r) => r.id === id)!, records: [record] };
}

/**
 * Deletes one participant's personal data: name, institution, jabatan, sex and token go (the
 * minutes print "peserta (dihapus atas permintaan)" where the name was); consent keeps its time
 * and version. Their items stay as anonymous content, or are hidden when staff choose so; their
 * dots and supports still count. Carries out (closes) their pending request, or logs one made
 * by staff on their behalf. Null when the participant was erased already.
 */
export async function erase(
	trx: Database,
	sessionId: string,
	participantId: string,
	hideItems: boolean,
	now = new Date(),
	who: audit.SessionActor = { accountId: null, actor: 'facilitator_link', address: '' }
): Promise<SessionRecord[] | null> {
	const person: PersonRow | undefined = await trx
		.selectFrom('participants')
		.select(['id', 'name', 'institution', 'erased_at'])
		.where('session_id', '=', sessionId)
		.where('id', '=', participantId)
		.executeTakeFirst();
	if (!person) throw new Error('no such participant');
	if (person.erased_at) return null;
	const records: SessionRecord[] = [];
	if (!(await requests(trx, sessionId)).some((r) => r.participantId === participantId && r.doneAt === null))
		records.push(...(await requestDeletion(trx, sessionId, participantId, 'facilitator', now, who)).records);
	const at = now.toISOString();
	await trx
		.updateTable('participants')
		.set({ name: '', institution: '', position: '', sex: '', token_hash: `erased:${participantId}`, erased_at: at })
		.where('id', '=', participantId)
		.execute();
	const plan = new Map<string, Replacement>([[participantId, { name: '', institution: '', anonymiseItems: true }]]);
	await scrubSession(trx, sessionId, { people: plan, texts: textPairs([[person.name, ERASED_TEXT]]) });
	if (hideItems)
		await trx
			.updateTable('items')
			.set({ status: 'hidden', hidden_reason: 'deleted on request' })
			.where('session_id', '=', sessionId)
			.where('author_id', '=', participantId)
			.where('status', 'in', ['visible', 'pending'])
			.execute();
	await trx
		.updateTable('privacy_requests')
		.set({ done_at: at, hid_items: hideItems ? 1 : 0 })
		.where('session_id', '=', sessionId)
		.where('participant_id', '=', participantId)
		.where('done_at', 'is', null)
		.execute();
	const event: SessionEvent = { type: 'participant.erased', participantId, hidItems: hideItems };
	records.push(await recordEvent(trx, sessionId, 'facilitator', event));
	await audit.addForSession(trx, sessionId, who, { action: 'privacy.erased', detail: `participant=${participantId}${hideItems ? ' items hidden' : ''}` });
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
export async function myData(db: Database, sessionId: string, token: string): Promise<(MyData & { participantId: string }) | undefined> {
	const tokenHash = hashSecret(token);
	const p = await db
		.selectFrom('participants')
		.select(['id', 'name', 'stakeholder_group', 'institution', 'position', 'sex', 'joined_at', 'consent_at', 'consent_version', 'added_by'])
		.where('session_id', '=', sessionId)
		.where('token_hash', '=', tokenHash)
		.executeTakeFirst();
	if (!p) return undefined;
	const items = await db
		.selectFrom('items')
		.select(['id', 'kind', 'text', 'anonymous', 'created_at'])
		.where('session_id', '=', sessionId)
		.where('author_id', '=', p.id)
		.where('deleted_at', 'is', null)
		.orderBy(insertionOrder(engineOf(db)))
		.execute();
	const pending = (await requests(db, sessionId)).find((r) => r.participantId === p.id && r.doneAt === null);
	const retention = await settings(db, sessionId);
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
export async function dueSessions(db: Database, now = new Date()): Promise<string[]> {
	const defaultMonths = serverMonths();
	const rows = (await privacyRows(db).where('s.closed_at', 'is not', null).where('s.anonymised_at', 'is', null).execute()) as PrivacyRow[];
	return rows.filter((r) => {
		const due = dueAt(closedOnServer(r), periodOf(r, defaultMonths).months);
		return due !== null && due.getTime() <= now.getTime();
	}).map((r) => r.id);
}

/**
 * The one write path's shape (GroupCommit.commit, its change given the group's transaction), or a
 * store transaction of its own for the command-line run.
 */
export type Write = <R extends { records: SessionRecord[] }>(sessionId: string, change: (trx: Database) => Promise<R>) => Promise<R>;

export const directWrite =
	(db: Database): Write =>
	(_sessionId, change) =>
		db.transaction().execute((trx) => change(trx));

/**
 * The retention run: anonymises every session whose period has passed. Idempotent: a session
 * done already is not due again, and `anonymise` itself does nothing the second time. Each
 * organization's audit log gets one entry (actor: system) with how many of its sessions and
 * participants this run anonymised; one-off sessions are counted in the result only.
 */
export async function runRetention(
	db: Database,
	write: Write = directWrite(db),
	now = new Date()
): Promise<{ anonymised: string[]; byOrganization: Map<string, { sessions: string[]; participants: number }> }> {
	const anonymised: string[] = [];
	const byOrganization = new Map<string, { sessions: string[]; participants: number }>();
	for (const id of await dueSessions(db, now)) {
		const done = await write(id, async (trx) => {
			const record = await anonymise(trx, id, 'retention', now);
			return { done: record !== null, record, records: record ? [record] : [] };
		});
		if (!done.done) continue;
		anonymised.push(id);
		const row = await db.selectFrom('sessions').select(['code', 'organization_id']).where('id', '=', id).executeTakeFirstOrThrow();
		if (!row.organization_id) continue;
		const tally = byOrganization.get(row.organization_id) ?? { sessions: [], participants: 0 };
		const event = done.record?.event;
		tally.sessions.push(row.code);
		tally.participants += event && event.type === 'session.anonymised' ? event.participants : 0;
		byOrganization.set(row.organization_id, tally);
	}
	if (byOrganization.size > 0)
		await db.transaction().execute(async (trx) => {
			for (const [organizationId, tally] of byOrganization)
				await audit.add(trx, {
					organizationId,
					accountId: null,
					actor: 'system',
					action: 'retention.run',
					subject: tally.sessions.join(' '),
					detail: `sessions=${tally.sessions.length} participants=${tally.participants}`
				});
		});
	if (anonymised.length > 0) await checkpoint(db);
	return { anonymised, byOrganization };
}

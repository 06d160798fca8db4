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
import { appendEvent } from '../log';
import { hashSecret, newId } from '../secrets';
import { scrubSession, textPairs, type Replacement } from './scrub';

/** What replaces an erased name in free text (notes, action plan); the minutes print their own language's marker. */
export const ERASED_TEXT = 'peserta (dihapus atas permintaan)';

interface PrivacyRow {
	id: string;
	status: 'open' | 'closed';
	closed_at: string | null;
	retention_months: number | null;
	retention_keeps_institutions: number;
	anonymised_at: string | null;
}

interface PersonRow {
	id: string;
	name: string;
	institution: string;
	erased_at: string | null;
}

const sessionRow = (db: Db, sessionId: string) =>
	sql(
		db,
		'SELECT id, status, closed_at, retention_months, retention_keeps_institutions, anonymised_at FROM sessions WHERE id = ?'
	).get(sessionId) as PrivacyRow | undefined;

/** The server's default period (RETENTION_MONTHS, else 12); read each time so a test or the script may set it. */
export const serverMonths = () => retentionMonthsFromEnv(process.env.RETENTION_MONTHS);

export interface RetentionSettings {
	/** The session's own period; null: the default applies. */
	months: number | null;
	/** The period in force: the session's, else (later) the organization's, else the server's. */
	effectiveMonths: number;
	defaultMonths: number;
	keepInstitutions: boolean;
	/** ISO instant the period ends; null while the session is open. */
	dueAt: string | null;
	anonymisedAt: string | null;
}

export function settings(db: Db, sessionId: string): RetentionSettings {
	const row = sessionRow(db, sessionId);
	if (!row) throw new Error('no such session');
	const defaultMonths = serverMonths();
	const months = effectiveMonths(row.retention_months, defaultMonths);
	return {
		months: row.retention_months,
		effectiveMonths: months,
		defaultMonths,
		keepInstitutions: row.retention_keeps_institutions === 1,
		dueAt: dueAt(row.closed_at, months)?.toISOString() ?? null,
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
	const keep = session.retention_keeps_institutions === 1;
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
	now = new Date()
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
	return { request: requests(db, sessionId).find((r) => r.id === id)!, records: [record] };
}

/**
 * Deletes one participant's personal data: name, institution, jabatan, sex and token go (the
 * minutes print "peserta (dihapus atas permintaan)" where the name was); consent keeps its time
 * and version. Their items stay as anonymous content, or are hidden when staff choose so; their
 * dots and supports still count. Carries out (closes) their pending request, or logs one made
 * by staff on their behalf. Null when the participant was erased already.
 */
export function erase(db: Db, sessionId: string, participantId: string, hideItems: boolean, now = new Date()): SessionRecord[] | null {
	const person = sql(db, 'SELECT id, name, institution, erased_at FROM participants WHERE session_id = ? AND id = ?').get(
		sessionId,
		participantId
	) as PersonRow | undefined;
	if (!person) throw new Error('no such participant');
	if (person.erased_at) return null;
	const records: SessionRecord[] = [];
	if (!requests(db, sessionId).some((r) => r.participantId === participantId && r.doneAt === null))
		records.push(...requestDeletion(db, sessionId, participantId, 'facilitator', now).records);
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

/** What deleting a session loses, for the confirmation. */
export function deletionCounts(db: Db, sessionId: string): { items: number; participants: number; photos: number } {
	const count = (table: string, extra = '') =>
		(sql(db, `SELECT COUNT(*) AS n FROM ${table} WHERE session_id = ?${extra}`).get(sessionId) as { n: number }).n;
	return {
		items: count('items', ' AND deleted_at IS NULL'),
		participants: count('participants', ' AND (removed_at IS NULL OR removed_reason IS NOT NULL)'),
		photos: count('photos')
	};
}

/** Every table holding rows of a session (a `session_id` column), found from the schema so a table added later is not missed. */
export function sessionTables(db: Db): string[] {
	const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[];
	return tables
		.map((t) => t.name)
		.filter((name) => name !== 'sessions' && (db.pragma(`table_info(${JSON.stringify(name)})`) as { name: string }[]).some((c) => c.name === 'session_id'));
}

/**
 * Deletes the session and everything of it: rows in every table (the photos' bytes with their
 * photos), with SQLite's secure delete so the freed pages hold no copy. Rembuk keeps no files
 * outside the database (photos are stored in it, exports are made on request), so nothing is
 * left on disk. Returns false when there was no such session.
 */
export function deleteSession(db: Db, sessionId: string): boolean {
	const done = db.transaction(() => deleteSessionRows(db, sessionId))();
	if (done) checkpoint(db);
	return done;
}

/** `deleteSession` inside the caller's transaction (the write path's commit); checkpoint afterwards. */
export function deleteSessionRows(db: Db, sessionId: string): boolean {
	if (!db.inTransaction) throw new Error('deleteSessionRows must run inside a transaction');
	if (!sessionRow(db, sessionId)) return false;
	db.pragma('defer_foreign_keys = ON');
	sql(db, 'DELETE FROM photo_blobs WHERE photo_id IN (SELECT id FROM photos WHERE session_id = ?)').run(sessionId);
	for (const table of sessionTables(db)) db.prepare(`DELETE FROM "${table}" WHERE session_id = ?`).run(sessionId);
	sql(db, 'DELETE FROM sessions WHERE id = ?').run(sessionId);
	return true;
}

/** Moves the WAL into the database file and empties it, so no old page version keeps removed text. */
export function checkpoint(db: Db): void {
	if (db.memory) return;
	db.pragma('wal_checkpoint(TRUNCATE)');
}

/** Closed sessions whose period has passed at `now` and are not yet anonymised. */
export function dueSessions(db: Db, now = new Date()): string[] {
	const defaultMonths = serverMonths();
	const rows = db
		.prepare("SELECT id, status, closed_at, retention_months, retention_keeps_institutions, anonymised_at FROM sessions WHERE closed_at IS NOT NULL AND anonymised_at IS NULL")
		.all() as PrivacyRow[];
	return rows.filter((r) => {
		const due = dueAt(r.closed_at, effectiveMonths(r.retention_months, defaultMonths));
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
 * done already is not due again, and `anonymise` itself does nothing the second time.
 */
export async function runRetention(db: Db, write: Write = directWrite(db), now = new Date()): Promise<{ anonymised: string[] }> {
	const anonymised: string[] = [];
	for (const id of dueSessions(db, now)) {
		const done = await write(id, (db) => {
			const record = anonymise(db, id, 'retention', now);
			return { done: record !== null, records: record ? [record] : [] };
		});
		if (done.done) anonymised.push(id);
	}
	if (anonymised.length > 0) checkpoint(db);
	return { anonymised };
}

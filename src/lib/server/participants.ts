/** Participants: join with consent, find by token, list for views and minutes. */
import { CONSENT_VERSION } from '../domain/defaults';
import type { ParticipantView } from '../domain/types';
import type { SessionRecord } from '../realtime/contract';
import type { JoinInput } from '../realtime/schemas';
import type { Db } from './db/database';
import { sql } from './db/statements';
import * as clock from './clock';
import { appendEvent } from './log';
import { hashSecret, newId } from './secrets';
import type { SessionRow } from './sessions';

export interface ParticipantRow {
	id: string;
	name: string;
	stakeholder_group: string;
	institution: string;
	joined_at: string;
	consent_at: string;
	position: string;
	sex: '' | 'L' | 'P';
	added_by: 'facilitator' | 'minutetaker' | null;
	removed_at: string | null;
	/** Why the facilitator removed this phone participant (migration 006); null otherwise. */
	removed_reason?: string | null;
	/** When their personal data was deleted at their request (migration 011); null otherwise. */
	erased_at?: string | null;
}

/** `consentAt` is null for someone staff added by hand: they never consented on a phone. */
export type ParticipantRecord = ParticipantView & { consentAt: string | null };

/** Optional fields appear only when given, so a view never shows an empty jabatan or sex. */
export const toView = (r: ParticipantRow): ParticipantRecord => ({
	id: r.id,
	name: r.name,
	group: r.stakeholder_group,
	institution: r.institution,
	joinedAt: r.joined_at,
	...(r.position ? { position: r.position } : {}),
	...(r.sex ? { sex: r.sex } : {}),
	...(r.added_by ? { addedBy: r.added_by } : {}),
	consentAt: r.added_by ? null : r.consent_at
});

export const publicView = ({ consentAt: _, ...view }: ParticipantRecord): ParticipantView => view;

/**
 * The participant this token joined as. A removed participant is not found, unless asked with
 * `removed: true`: then they come back marked, so their phone can be told why it is refused.
 */
export function byToken(db: Db, sessionId: string, token: string): ParticipantView | undefined;
export function byToken(db: Db, sessionId: string, token: string, options: { removed: true }): (ParticipantView & { removed: boolean }) | undefined;
export function byToken(db: Db, sessionId: string, token: string, options?: { removed: true }) {
	const row = sql(db, 'SELECT * FROM participants WHERE session_id = ? AND token_hash = ?').get(
		sessionId,
		hashSecret(token)
	) as ParticipantRow | undefined;
	if (!row) return undefined;
	const removed = row.removed_at !== null;
	if (options?.removed) return { ...publicView(toView(row)), removed };
	return removed ? undefined : publicView(toView(row));
}

/**
 * Joins a session, or returns the participant this token already joined as: the phone makes
 * the token, so a join retried after a lost answer never creates a second participant.
 */
export function join(
	db: Db,
	session: SessionRow,
	input: JoinInput
): { participant: ParticipantView; records: SessionRecord[] } {
	return db.transaction(() => {
		const existing = byToken(db, session.id, input.token);
		if (existing) return { participant: existing, records: [] };
		// Consent is evidence and keeps the real time; the join follows the session's clock (./clock).
		const now = new Date().toISOString();
		const joinedAt = clock.now(db, session.id);
		const row: ParticipantRow = {
			id: newId(),
			name: input.name,
			stakeholder_group: input.group,
			institution: input.institution,
			joined_at: joinedAt,
			consent_at: now,
			position: input.position,
			sex: input.sex,
			added_by: null,
			removed_at: null
		};
		sql(
			db,
			`INSERT INTO participants (id, session_id, token_hash, name, stakeholder_group, institution,
			 consent_at, consent_version, joined_at, position, sex) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
		).run(
			row.id,
			session.id,
			hashSecret(input.token),
			row.name,
			row.stakeholder_group,
			row.institution,
			now,
			CONSENT_VERSION,
			joinedAt,
			row.position,
			row.sex
		);
		const participant = publicView(toView(row));
		// The joiner owns the record: their own phone sees their jabatan and sex, others do not.
		const record = appendEvent(db, session.id, `p:${row.id}`, { type: 'participant.joined', participant }, row.id);
		return { participant, records: [record] };
	})();
}

/** With consent timestamps: for the organizer's minutes, never for broadcast. Removed attendees are left out. */
export function listWithConsent(db: Db, sessionId: string): ParticipantRecord[] {
	const rows = sql(db, 'SELECT * FROM participants WHERE session_id = ? AND removed_at IS NULL ORDER BY joined_at, rowid').all(
		sessionId
	) as ParticipantRow[];
	return rows.map(toView);
}

/**
 * For the minutes' attendance: everyone on the list, and the phone participants the facilitator
 * removed, with the reason (the minutes say so rather than quietly dropping them).
 */
export function listForMinutes(db: Db, sessionId: string): (ParticipantRecord & { removedReason: string | null; erased: boolean })[] {
	const rows = sql(
		db,
		'SELECT * FROM participants WHERE session_id = ? AND (removed_at IS NULL OR removed_reason IS NOT NULL) ORDER BY joined_at, rowid'
	).all(sessionId) as ParticipantRow[];
	return rows.map((r) => ({ ...toView(r), removedReason: r.removed_reason ?? null, erased: Boolean(r.erased_at) }));
}

export function list(db: Db, sessionId: string): ParticipantView[] {
	return listWithConsent(db, sessionId).map(publicView);
}

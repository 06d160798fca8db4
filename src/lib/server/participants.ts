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

interface ParticipantRow {
	id: string;
	name: string;
	stakeholder_group: string;
	institution: string;
	joined_at: string;
	consent_at: string;
}

export type ParticipantRecord = ParticipantView & { consentAt: string };

const toView = (r: ParticipantRow): ParticipantRecord => ({
	id: r.id,
	name: r.name,
	group: r.stakeholder_group,
	institution: r.institution,
	joinedAt: r.joined_at,
	consentAt: r.consent_at
});

const publicView = ({ consentAt: _, ...view }: ParticipantRecord): ParticipantView => view;

export function byToken(db: Db, sessionId: string, token: string): ParticipantView | undefined {
	const row = sql(db, 'SELECT * FROM participants WHERE session_id = ? AND token_hash = ?').get(
		sessionId,
		hashSecret(token)
	) as ParticipantRow | undefined;
	return row && publicView(toView(row));
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
			consent_at: now
		};
		sql(
			db,
			`INSERT INTO participants (id, session_id, token_hash, name, stakeholder_group, institution,
			 consent_at, consent_version, joined_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`
		).run(row.id, session.id, hashSecret(input.token), row.name, row.stakeholder_group, row.institution, now, CONSENT_VERSION, joinedAt);
		const participant = publicView(toView(row));
		const record = appendEvent(db, session.id, `p:${row.id}`, { type: 'participant.joined', participant });
		return { participant, records: [record] };
	})();
}

/** With consent timestamps: for the organizer's minutes, never for broadcast. */
export function listWithConsent(db: Db, sessionId: string): ParticipantRecord[] {
	const rows = sql(db, 'SELECT * FROM participants WHERE session_id = ? ORDER BY joined_at, rowid').all(
		sessionId
	) as ParticipantRow[];
	return rows.map(toView);
}

export function list(db: Db, sessionId: string): ParticipantView[] {
	return listWithConsent(db, sessionId).map(publicView);
}

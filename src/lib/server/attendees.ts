/**
 * People without a phone, written into the daftar hadir by staff. They share the participants
 * table with those who joined, so every count and list (console, projector, minutes) has them
 * at once; what sets them apart is `added_by`: no token, no consent given on a phone, and only
 * these entries may staff change or remove.
 */
import type { AttendeeInput, ParticipantView } from '../domain/types';
import type { SessionRecord } from '../realtime/contract';
import type { Db } from './db/database';
import { sql } from './db/statements';
import * as clock from './clock';
import { appendEvent } from './log';
import { publicView, toView, type ParticipantRow } from './participants';
import { newId } from './secrets';

export type StaffRole = 'facilitator' | 'minutetaker';

/** A staff-added attendee still on the list, or undefined (unknown, removed, or joined by phone). */
export function findAdded(db: Db, sessionId: string, participantId: string): ParticipantView | undefined {
	const row = sql(db, 'SELECT * FROM participants WHERE session_id = ? AND id = ? AND added_by IS NOT NULL AND removed_at IS NULL').get(
		sessionId,
		participantId
	) as ParticipantRow | undefined;
	return row && publicView(toView(row));
}

function saved(db: Db, sessionId: string, actor: string, participantId: string): SessionRecord {
	const participant = findAdded(db, sessionId, participantId)!;
	return appendEvent(db, sessionId, actor, { type: 'attendee.saved', participant });
}

export function add(db: Db, sessionId: string, addedBy: StaffRole, input: AttendeeInput): SessionRecord {
	const id = newId();
	// Listed among the joins, so stamped on the session's clock like them (./clock).
	const now = clock.now(db, sessionId);
	// No phone, so no token: 'staff:<id>' can never equal the SHA-256 hex digest of a token.
	sql(
		db,
		`INSERT INTO participants (id, session_id, token_hash, name, stakeholder_group, institution, consent_at,
		 consent_version, joined_at, position, sex, added_by) VALUES (?, ?, ?, ?, ?, ?, '', '', ?, ?, ?, ?)`
	).run(id, sessionId, `staff:${id}`, input.name, input.group, input.institution, now, input.position, input.sex, addedBy);
	return saved(db, sessionId, addedBy, id);
}

export function edit(db: Db, sessionId: string, actor: StaffRole, participantId: string, input: AttendeeInput): SessionRecord {
	sql(db, 'UPDATE participants SET name = ?, stakeholder_group = ?, institution = ?, position = ?, sex = ? WHERE id = ?').run(
		input.name,
		input.group,
		input.institution,
		input.position,
		input.sex,
		participantId
	);
	return saved(db, sessionId, actor, participantId);
}

export function remove(db: Db, sessionId: string, actor: StaffRole, participantId: string): SessionRecord {
	sql(db, 'UPDATE participants SET removed_at = ? WHERE id = ?').run(new Date().toISOString(), participantId);
	return appendEvent(db, sessionId, actor, { type: 'attendee.removed', participantId });
}

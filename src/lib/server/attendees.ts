/**
 * People without a phone, written into the daftar hadir by staff. They share the participants
 * table with those who joined, so every count and list (console, projector, minutes) has them
 * at once; what sets them apart is `added_by`: no token, no consent given on a phone, and only
 * these entries may staff change or remove.
 */
import type { AttendeeInput, ParticipantView } from '../domain/types';
import type { SessionRecord } from '../realtime/contract';
import type { Database } from './db/store';
import { recordEvent } from './log';
import * as clock from './clock';
import { publicView, toView, type ParticipantRow } from './participants';
import { newId } from './secrets';

export type StaffRole = 'facilitator' | 'minutetaker';

/** A staff-added attendee still on the list, or undefined (unknown, removed, or joined by phone). */
export async function findAdded(db: Database, sessionId: string, participantId: string): Promise<ParticipantView | undefined> {
	const row = (await db
		.selectFrom('participants')
		.selectAll()
		.where('session_id', '=', sessionId)
		.where('id', '=', participantId)
		.where('added_by', 'is not', null)
		.where('removed_at', 'is', null)
		.executeTakeFirst()) as ParticipantRow | undefined;
	return row && publicView(toView(row));
}

async function saved(trx: Database, sessionId: string, actor: string, participantId: string): Promise<SessionRecord> {
	const participant = (await findAdded(trx, sessionId, participantId))!;
	return recordEvent(trx, sessionId, actor, { type: 'attendee.saved', participant });
}

export async function add(trx: Database, sessionId: string, addedBy: StaffRole, input: AttendeeInput): Promise<SessionRecord> {
	const id = newId();
	// Listed among the joins, so stamped on the session's clock like them (./clock).
	const now = await clock.now(trx, sessionId);
	await trx
		.insertInto('participants')
		.values({
			id,
			session_id: sessionId,
			// No phone, so no token: 'staff:<id>' can never equal the SHA-256 hex digest of a token.
			token_hash: `staff:${id}`,
			name: input.name,
			stakeholder_group: input.group,
			institution: input.institution,
			consent_at: '',
			consent_version: '',
			joined_at: now,
			position: input.position,
			sex: input.sex,
			added_by: addedBy
		})
		.execute();
	return saved(trx, sessionId, addedBy, id);
}

export async function edit(trx: Database, sessionId: string, actor: StaffRole, participantId: string, input: AttendeeInput): Promise<SessionRecord> {
	await trx
		.updateTable('participants')
		.set({ name: input.name, stakeholder_group: input.group, institution: input.institution, position: input.position, sex: input.sex })
		.where('id', '=', participantId)
		.execute();
	return saved(trx, sessionId, actor, participantId);
}

export async function remove(trx: Database, sessionId: string, actor: StaffRole, participantId: string): Promise<SessionRecord> {
	await trx.updateTable('participants').set({ removed_at: new Date().toISOString() }).where('id', '=', participantId).execute();
	return recordEvent(trx, sessionId, actor, { type: 'attendee.removed', participantId });
}

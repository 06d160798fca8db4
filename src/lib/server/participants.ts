/** Participants: join with consent, find by token, list for views and minutes. */
import { CONSENT_VERSION } from '../domain/defaults';
import type { ParticipantView } from '../domain/types';
import type { SessionRecord } from '../realtime/contract';
import type { JoinInput } from '../realtime/schemas';
import { engineOf, insertionOrder, type Database } from './db/store';
import * as clock from './clock';
import { recordEvent } from './log';
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
export async function byToken(db: Database, sessionId: string, token: string): Promise<ParticipantView | undefined>;
export async function byToken(
	db: Database,
	sessionId: string,
	token: string,
	options: { removed: true }
): Promise<(ParticipantView & { removed: boolean }) | undefined>;
export async function byToken(db: Database, sessionId: string, token: string, options?: { removed: true }) {
	const row = (await db
		.selectFrom('participants')
		.selectAll()
		.where('session_id', '=', sessionId)
		.where('token_hash', '=', hashSecret(token))
		.executeTakeFirst()) as ParticipantRow | undefined;
	if (!row) return undefined;
	const removed = row.removed_at !== null;
	if (options?.removed) return { ...publicView(toView(row)), removed };
	return removed ? undefined : publicView(toView(row));
}

/**
 * Joins a session, or returns the participant this token already joined as: the phone makes
 * the token, so a join retried after a lost answer never creates a second participant.
 * Runs in the caller's transaction (a group commit's `trx`), which holds the look-up, the insert
 * and the record together.
 */
export async function join(
	trx: Database,
	session: SessionRow,
	input: JoinInput
): Promise<{ participant: ParticipantView; records: SessionRecord[] }> {
	const existing = await byToken(trx, session.id, input.token);
	if (existing) return { participant: existing, records: [] };
	// Consent is evidence and keeps the real time; the join follows the session's clock (./clock).
	// Both are taken together, after the read, so a real session's are the same instant.
	const offset = await clock.offsetOf(trx, session.id);
	const now = new Date().toISOString();
	const joinedAt = offset === null ? now : clock.stamp(offset);
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
	await trx
		.insertInto('participants')
		.values({
			id: row.id,
			session_id: session.id,
			token_hash: hashSecret(input.token),
			name: row.name,
			stakeholder_group: row.stakeholder_group,
			institution: row.institution,
			consent_at: now,
			consent_version: CONSENT_VERSION,
			joined_at: joinedAt,
			position: row.position,
			sex: row.sex
		})
		.execute();
	const participant = publicView(toView(row));
	// The joiner owns the record: their own phone sees their jabatan and sex, others do not.
	const record = await recordEvent(trx, session.id, `p:${row.id}`, { type: 'participant.joined', participant }, row.id);
	return { participant, records: [record] };
}

/** With consent timestamps: for the organizer's minutes, never for broadcast. Removed attendees are left out. */
export async function listWithConsent(db: Database, sessionId: string): Promise<ParticipantRecord[]> {
	const rows = (await db
		.selectFrom('participants')
		.selectAll()
		.where('session_id', '=', sessionId)
		.where('removed_at', 'is', null)
		.orderBy('joined_at')
		.orderBy(insertionOrder(engineOf(db)))
		.execute()) as ParticipantRow[];
	return rows.map(toView);
}

/**
 * For the minutes' attendance: everyone on the list, and the phone participants the facilitator
 * removed, with the reason (the minutes say so rather than quietly dropping them).
 */
export async function listForMinutes(
	db: Database,
	sessionId: string
): Promise<(ParticipantRecord & { removedReason: string | null; erased: boolean })[]> {
	const rows = (await db
		.selectFrom('participants')
		.selectAll()
		.where('session_id', '=', sessionId)
		.where((eb) => eb.or([eb('removed_at', 'is', null), eb('removed_reason', 'is not', null)]))
		.orderBy('joined_at')
		.orderBy(insertionOrder(engineOf(db)))
		.execute()) as ParticipantRow[];
	return rows.map((r) => ({ ...toView(r), removedReason: r.removed_reason ?? null, erased: Boolean(r.erased_at) }));
}

export async function list(db: Database, sessionId: string): Promise<ParticipantView[]> {
	return (await listWithConsent(db, sessionId)).map(publicView);
}

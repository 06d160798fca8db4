/** Sessions: create, look up, and the view staff see (visibility.publicSession trims it for everyone else). */
import { DEFAULT_GROUPS, DEFAULT_KINDS } from '../domain/defaults';
import { resolvePhaseKinds } from '../domain/phases';
import type { Letterhead, Phase, SessionDetails, SessionView, Spotlight, StaffSessionView, Timer, VotingSettings } from '../domain/types';
import type { CreateSessionInput } from '../realtime/schemas';
import type { Database } from './db/store';
import * as clock from './clock';
import { recordEvent } from './log';
import { hashSecret, newId, newJoinCode, newSecret } from './secrets';

export interface SessionRow {
	id: string;
	code: string;
	facilitator_key_hash: string;
	title: string;
	theme: string;
	starts_at: string;
	time_zone: string;
	venue: string;
	organizers: string;
	region: string;
	minutes_language: 'id' | 'en';
	kinds: string;
	groups: string;
	allow_anonymous: number;
	status: 'open' | 'closed';
	last_seq: number;
	created_at: string;
	closed_at: string | null;
	phase: Phase;
	phase_kinds: string;
	timer: string;
	voting: string;
	pre_moderation: number;
	details: string;
	minutetaker_key_hash: string | null;
	/** Null for a real session; a sample session's clock offset (see ./clock). */
	sample_clock_offset_ms: number | null;
	door: 'open' | 'closed';
	/** The organization that owns the session; null for a one-off session (db/migrations/009). */
	organization_id?: string | null;
	claimed_at?: string | null;
	capacity: number;
	/** JSON of the projector's Spotlight, or NULL for the board. */
	spotlight: string | null;
}

export interface CreatedSession {
	id: string;
	code: string;
	/** Shown once to the facilitator; the server keeps only its hash. */
	facilitatorKey: string;
	/** The minute-taker's own secret, for the notes page. */
	minutetakerKey: string;
}

function insertSession(db: Database, id: string, code: string, input: CreateSessionInput, keys: { facilitator: string; minutetaker: string }, now: string) {
	return db
		.insertInto('sessions')
		.values({
			id,
			code,
			facilitator_key_hash: hashSecret(keys.facilitator),
			title: input.title,
			theme: input.theme,
			starts_at: input.startsAt,
			time_zone: input.timeZone,
			venue: input.venue,
			organizers: JSON.stringify(input.organizers),
			region: input.region,
			minutes_language: input.minutesLanguage,
			kinds: JSON.stringify(input.kinds ?? DEFAULT_KINDS),
			groups: JSON.stringify(DEFAULT_GROUPS),
			allow_anonymous: input.allowAnonymous ? 1 : 0,
			created_at: now,
			minutetaker_key_hash: hashSecret(keys.minutetaker),
			sample_clock_offset_ms: input.sample ? 0 : null
		})
		// A join code already taken inserts nothing, and the next try draws another: no read-then-write race.
		.onConflict((oc) => oc.column('code').doNothing());
}

/**
 * A new session with a join code no other session has. One statement per try, so it needs no
 * transaction of its own and may run inside the caller's (a programme creating its sessions).
 */
export async function create(db: Database, input: CreateSessionInput): Promise<CreatedSession> {
	const id = newId();
	const keys = { facilitator: newSecret(), minutetaker: newSecret() };
	const now = new Date().toISOString();
	const created = (code: string) => ({ id, code, facilitatorKey: keys.facilitator, minutetakerKey: keys.minutetaker });
	for (;;) {
		const code = newJoinCode();
		const { numInsertedOrUpdatedRows } = await insertSession(db, id, code, input, keys, now).executeTakeFirstOrThrow();
		if (Number(numInsertedOrUpdatedRows ?? 0) > 0) return created(code);
	}
}

export function byCode(db: Database, code: string): Promise<SessionRow | undefined> {
	return db.selectFrom('sessions').selectAll().where('code', '=', code).executeTakeFirst() as Promise<SessionRow | undefined>;
}

/** The session with this id, which the caller knows exists (a socket's, a command's). */
export function byId(db: Database, id: string): Promise<SessionRow> {
	return db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst() as Promise<SessionRow>;
}

export function toView(row: SessionRow): StaffSessionView {
	const kinds = JSON.parse(row.kinds);
	return {
		code: row.code,
		title: row.title,
		theme: row.theme,
		startsAt: row.starts_at,
		timeZone: row.time_zone,
		venue: row.venue,
		organizers: JSON.parse(row.organizers),
		region: row.region,
		minutesLanguage: row.minutes_language,
		kinds,
		groups: JSON.parse(row.groups),
		allowAnonymous: row.allow_anonymous === 1,
		status: row.status,
		createdAt: row.created_at,
		closedAt: row.closed_at,
		phase: row.phase,
		phaseKinds: resolvePhaseKinds(kinds, JSON.parse(row.phase_kinds)),
		timer: JSON.parse(row.timer),
		voting: JSON.parse(row.voting),
		preModeration: row.pre_moderation === 1,
		door: row.door,
		capacity: row.capacity,
		details: JSON.parse(row.details),
		spotlight: row.spotlight ? JSON.parse(row.spotlight) : null
	};
}

export async function updateSettings(
	db: Database,
	row: SessionRow,
	settings: { allowAnonymous?: boolean; kinds?: SessionView['kinds']; preModeration?: boolean }
) {
	const allowAnonymous = settings.allowAnonymous ?? row.allow_anonymous === 1;
	const preModeration = settings.preModeration ?? row.pre_moderation === 1;
	const kinds = settings.kinds ?? JSON.parse(row.kinds);
	await db
		.updateTable('sessions')
		.set({ allow_anonymous: allowAnonymous ? 1 : 0, kinds: JSON.stringify(kinds), pre_moderation: preModeration ? 1 : 0 })
		.where('id', '=', row.id)
		.execute();
	return recordEvent(db, row.id, 'facilitator', { type: 'session.settings', allowAnonymous, kinds, preModeration });
}

export async function close(db: Database, row: SessionRow) {
	const closedAt = await clock.now(db, row.id);
	const from = row.phase;
	await db.updateTable('sessions').set({ status: 'closed', phase: 'closed', closed_at: closedAt }).where('id', '=', row.id).execute();
	return [
		await recordEvent(db, row.id, 'facilitator', { type: 'phase.changed', phase: 'closed', from }),
		await recordEvent(db, row.id, 'facilitator', { type: 'session.closed', closedAt })
	];
}

export async function setPhase(db: Database, row: SessionRow, phase: Phase) {
	await db.updateTable('sessions').set({ phase }).where('id', '=', row.id).execute();
	return recordEvent(db, row.id, 'facilitator', { type: 'phase.changed', phase, from: row.phase });
}

/** Stores the overrides only (see resolvePhaseKinds); the event carries the resolved map. */
export async function setPhaseKinds(db: Database, row: SessionRow, overrides: Partial<Record<Phase, string[]>>) {
	await db.updateTable('sessions').set({ phase_kinds: JSON.stringify(overrides) }).where('id', '=', row.id).execute();
	const phaseKinds = resolvePhaseKinds(JSON.parse(row.kinds), overrides);
	return recordEvent(db, row.id, 'facilitator', { type: 'phase.kinds', phaseKinds });
}

export async function setTimer(db: Database, row: SessionRow, timer: Timer) {
	await db.updateTable('sessions').set({ timer: JSON.stringify(timer) }).where('id', '=', row.id).execute();
	return recordEvent(db, row.id, 'facilitator', { type: 'timer.changed', timer });
}

export async function setSpotlight(db: Database, row: SessionRow, spotlight: Spotlight) {
	await db
		.updateTable('sessions')
		.set({ spotlight: spotlight ? JSON.stringify(spotlight) : null })
		.where('id', '=', row.id)
		.execute();
	return recordEvent(db, row.id, 'facilitator', { type: 'spotlight.changed', spotlight });
}

export async function setVoting(db: Database, row: SessionRow, voting: VotingSettings) {
	await db.updateTable('sessions').set({ voting: JSON.stringify(voting) }).where('id', '=', row.id).execute();
	return recordEvent(db, row.id, 'facilitator', { type: 'voting.settings', voting });
}

export async function setDetails(db: Database, row: SessionRow, actor: string, details: SessionDetails) {
	await db.updateTable('sessions').set({ details: JSON.stringify(details) }).where('id', '=', row.id).execute();
	return recordEvent(db, row.id, actor, { type: 'session.details', details: withoutLogo(details) });
}

/**
 * Replaces the letterhead and keeps every other detail as the session holds it now: the row is
 * read here, in the caller's transaction, so an edit committed a moment ago is not overwritten.
 */
export async function setLetterhead(db: Database, sessionId: string, actor: string, letterhead: Letterhead) {
	const row = await byId(db, sessionId);
	const details: SessionDetails = JSON.parse(row.details);
	return setDetails(db, row, actor, { ...details, letterhead });
}

/**
 * The details as screens get them: without the letterhead's logo (up to ~270 KB), which only
 * the minutes print. Phones on 3G would otherwise download it with every snapshot and replay.
 */
export function withoutLogo(details: SessionDetails): SessionDetails {
	if (!details.letterhead?.logo) return details;
	const { logo: _logo, ...letterhead } = details.letterhead;
	return { ...details, letterhead };
}

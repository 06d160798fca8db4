/** Sessions: create, look up, and the view staff see (visibility.publicSession trims it for everyone else). */
import { DEFAULT_GROUPS, DEFAULT_KINDS } from '../domain/defaults';
import { resolvePhaseKinds } from '../domain/phases';
import type { Letterhead, Phase, SessionDetails, SessionView, Spotlight, StaffSessionView, Timer, VotingSettings } from '../domain/types';
import type { CreateSessionInput } from '../realtime/schemas';
import type { Db } from './db/database';
import { sql } from './db/statements';
import * as clock from './clock';
import { appendEvent } from './log';
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

export function create(db: Db, input: CreateSessionInput): CreatedSession {
	const id = newId();
	const facilitatorKey = newSecret();
	const minutetakerKey = newSecret();
	const now = new Date().toISOString();
	return db.transaction(() => {
		const code = unusedCode(db);
		sql(
			db,
			`INSERT INTO sessions (id, code, facilitator_key_hash, title, theme, starts_at, time_zone, venue,
			 organizers, region, minutes_language, kinds, groups, allow_anonymous, created_at, minutetaker_key_hash,
			 sample_clock_offset_ms)
			 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
		).run(
			id,
			code,
			hashSecret(facilitatorKey),
			input.title,
			input.theme,
			input.startsAt,
			input.timeZone,
			input.venue,
			JSON.stringify(input.organizers),
			input.region,
			input.minutesLanguage,
			JSON.stringify(input.kinds ?? DEFAULT_KINDS),
			JSON.stringify(DEFAULT_GROUPS),
			input.allowAnonymous ? 1 : 0,
			now,
			hashSecret(minutetakerKey),
			input.sample ? 0 : null
		);
		return { id, code, facilitatorKey, minutetakerKey };
	})();
}

function unusedCode(db: Db): string {
	for (;;) {
		const code = newJoinCode();
		if (!sql(db, 'SELECT 1 FROM sessions WHERE code = ?').get(code)) return code;
	}
}

export function byCode(db: Db, code: string): SessionRow | undefined {
	return sql(db, 'SELECT * FROM sessions WHERE code = ?').get(code) as SessionRow | undefined;
}

export function byId(db: Db, id: string): SessionRow {
	return sql(db, 'SELECT * FROM sessions WHERE id = ?').get(id) as SessionRow;
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

export function updateSettings(
	db: Db,
	row: SessionRow,
	settings: { allowAnonymous?: boolean; kinds?: SessionView['kinds']; preModeration?: boolean }
) {
	const allowAnonymous = settings.allowAnonymous ?? row.allow_anonymous === 1;
	const preModeration = settings.preModeration ?? row.pre_moderation === 1;
	const kinds = settings.kinds ?? JSON.parse(row.kinds);
	sql(db, 'UPDATE sessions SET allow_anonymous = ?, kinds = ?, pre_moderation = ? WHERE id = ?').run(
		allowAnonymous ? 1 : 0,
		JSON.stringify(kinds),
		preModeration ? 1 : 0,
		row.id
	);
	return appendEvent(db, row.id, 'facilitator', { type: 'session.settings', allowAnonymous, kinds, preModeration });
}

export function close(db: Db, row: SessionRow) {
	const closedAt = clock.now(db, row.id);
	const from = row.phase;
	sql(db, "UPDATE sessions SET status = 'closed', phase = 'closed', closed_at = ? WHERE id = ?").run(closedAt, row.id);
	return [
		appendEvent(db, row.id, 'facilitator', { type: 'phase.changed', phase: 'closed', from }),
		appendEvent(db, row.id, 'facilitator', { type: 'session.closed', closedAt })
	];
}

export function setPhase(db: Db, row: SessionRow, phase: Phase) {
	sql(db, 'UPDATE sessions SET phase = ? WHERE id = ?').run(phase, row.id);
	return appendEvent(db, row.id, 'facilitator', { type: 'phase.changed', phase, from: row.phase });
}

/** Stores the overrides only (see resolvePhaseKinds); the event carries the resolved map. */
export function setPhaseKinds(db: Db, row: SessionRow, overrides: Partial<Record<Phase, string[]>>) {
	sql(db, 'UPDATE sessions SET phase_kinds = ? WHERE id = ?').run(JSON.stringify(overrides), row.id);
	const phaseKinds = resolvePhaseKinds(JSON.parse(row.kinds), overrides);
	return appendEvent(db, row.id, 'facilitator', { type: 'phase.kinds', phaseKinds });
}

export function setTimer(db: Db, row: SessionRow, timer: Timer) {
	sql(db, 'UPDATE sessions SET timer = ? WHERE id = ?').run(JSON.stringify(timer), row.id);
	return appendEvent(db, row.id, 'facilitator', { type: 'timer.changed', timer });
}

export function setSpotlight(db: Db, row: SessionRow, spotlight: Spotlight) {
	sql(db, 'UPDATE sessions SET spotlight = ? WHERE id = ?').run(spotlight ? JSON.stringify(spotlight) : null, row.id);
	return appendEvent(db, row.id, 'facilitator', { type: 'spotlight.changed', spotlight });
}

export function setVoting(db: Db, row: SessionRow, voting: VotingSettings) {
	sql(db, 'UPDATE sessions SET voting = ? WHERE id = ?').run(JSON.stringify(voting), row.id);
	return appendEvent(db, row.id, 'facilitator', { type: 'voting.settings', voting });
}

export function setDetails(db: Db, row: SessionRow, actor: string, details: SessionDetails) {
	sql(db, 'UPDATE sessions SET details = ? WHERE id = ?').run(JSON.stringify(details), row.id);
	return appendEvent(db, row.id, actor, { type: 'session.details', details: withoutLogo(details) });
}

/**
 * Replaces the letterhead and keeps every other detail as the session holds it now: the row is
 * read here, in the caller's transaction, so an edit committed a moment ago is not overwritten.
 */
export function setLetterhead(db: Db, sessionId: string, actor: string, letterhead: Letterhead) {
	const row = byId(db, sessionId);
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

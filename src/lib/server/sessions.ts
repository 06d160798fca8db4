/** Sessions: create, look up, and the public view every role may see. */
import { DEFAULT_GROUPS, DEFAULT_KINDS } from '../domain/defaults';
import type { SessionView } from '../domain/types';
import type { CreateSessionInput } from '../realtime/schemas';
import type { Db } from './db/database';
import { sql } from './db/statements';
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
}

export interface CreatedSession {
	id: string;
	code: string;
	/** Shown once to the facilitator; the server keeps only its hash. */
	facilitatorKey: string;
}

export function create(db: Db, input: CreateSessionInput): CreatedSession {
	const id = newId();
	const facilitatorKey = newSecret();
	const now = new Date().toISOString();
	return db.transaction(() => {
		const code = unusedCode(db);
		sql(
			db,
			`INSERT INTO sessions (id, code, facilitator_key_hash, title, theme, starts_at, time_zone, venue,
			 organizers, region, minutes_language, kinds, groups, allow_anonymous, created_at)
			 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
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
			now
		);
		return { id, code, facilitatorKey };
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

export function toView(row: SessionRow): SessionView {
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
		kinds: JSON.parse(row.kinds),
		groups: JSON.parse(row.groups),
		allowAnonymous: row.allow_anonymous === 1,
		status: row.status,
		createdAt: row.created_at,
		closedAt: row.closed_at
	};
}

export function updateSettings(
	db: Db,
	row: SessionRow,
	settings: { allowAnonymous?: boolean; kinds?: SessionView['kinds'] }
) {
	const allowAnonymous = settings.allowAnonymous ?? row.allow_anonymous === 1;
	const kinds = settings.kinds ?? JSON.parse(row.kinds);
	sql(db, 'UPDATE sessions SET allow_anonymous = ?, kinds = ? WHERE id = ?').run(
		allowAnonymous ? 1 : 0,
		JSON.stringify(kinds),
		row.id
	);
	return appendEvent(db, row.id, 'facilitator', { type: 'session.settings', allowAnonymous, kinds });
}

export function close(db: Db, row: SessionRow) {
	const closedAt = new Date().toISOString();
	sql(db, "UPDATE sessions SET status = 'closed', closed_at = ? WHERE id = ?").run(closedAt, row.id);
	return appendEvent(db, row.id, 'facilitator', { type: 'session.closed', closedAt });
}

/**
 * The sessions a synthesis request names, each opened by its own facilitator key: the same
 * lookup (with its slow-down for guessed codes) and the same authorizing function as every
 * facilitator endpoint, once per session. One wrong key refuses the whole request.
 */
import { z } from 'zod';
import { joinCode } from '../realtime/schemas';
import { MINUTES_LANGUAGES, PAPERS } from '../domain/minutes-formats';
import { synthesisEditSchema } from '../server/synthesis/edits';
import type { Database } from '../server/db/store';
import type * as sessions from '../server/sessions';
import { findSession, requireFacilitator } from './lookup.server';
import { HttpProblem } from './endpoint.server';

/** At most a programme's worth of sessions per report. */
export const MAX_SESSIONS = 60;

const sessionsField = z
	.array(z.object({ code: joinCode, key: z.string().min(1).max(200) }))
	.min(1)
	.max(MAX_SESSIONS);

export const synthesisRequestSchema = z.object({
	sessions: sessionsField,
	format: z.enum(['pdf', 'docx', 'xlsx']),
	lang: z.enum(MINUTES_LANGUAGES).optional(),
	paper: z.enum(PAPERS).optional()
});

export const synthesisEditRequestSchema = z.object({ sessions: sessionsField, edit: synthesisEditSchema });

type Event = { request: Request; url: URL; getClientAddress: () => string };

/** The sessions in the order given, after every key was checked; 400 when one is named twice. */
export async function openSessions(event: Event, list: { code: string; key: string }[]): Promise<{ rows: sessions.SessionRow[]; actor: string }> {
	const rows: sessions.SessionRow[] = [];
	let account: string | null = null;
	for (const { code, key } of list) {
		const request = new Request(event.url, { headers: { authorization: `Bearer ${key}` } });
		const sub = { params: { code }, request, getClientAddress: event.getClientAddress };
		const session = await findSession(sub);
		const opened = await requireFacilitator(sub, session);
		account ??= opened.accountId;
		if (rows.some((r) => r.id === session.id)) throw new HttpProblem(400, 'invalid_input', `sessions: ${code} is named twice`);
		rows.push(session);
	}
	return { rows, actor: account ? `account:${account}` : 'facilitator' };
}

/**
 * Where hand edits of a report over these sessions are kept until programmes exist: the same set
 * of sessions, in any order, finds the same edits. A programme will pass its own id instead.
 */
export const scopeOf = (rows: sessions.SessionRow[]) => `sessions:${rows.map((r) => r.id).sort().join(',')}`;

/** Refuses (400, nothing stored) an edit naming an item that is not one of these sessions'. */
export async function requireItemsOf(db: Database, sessionIds: string[], itemIds: string[]): Promise<void> {
	const wanted = [...new Set(itemIds)];
	const found = wanted.length && sessionIds.length
		? await db.selectFrom('items').select('id').where('session_id', 'in', sessionIds).where('id', 'in', wanted).execute()
		: [];
	const known = new Set(found.map((r) => r.id));
	for (const id of itemIds) if (!known.has(id)) throw new HttpProblem(400, 'invalid_input', `edit.itemIds: ${id} is not an item of these sessions`);
}

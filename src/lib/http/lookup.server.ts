/**
 * Finds the session a route's `[code]` names. A request whose bearer key opens the session is
 * answered at once, by a former code too (downloads keep working after a new code); otherwise the
 * code is a guess: looked up through the slow-down (../server/guessing), unknown codes counted.
 */
import { joinCode } from '../realtime/schemas';
import { getContext } from '../server/context';
import { clientAddress, HttpProblem } from './endpoint.server';
import { guessing, type Turn } from '../server/guessing';
import * as reports from '../server/reports';
import { byAnyCode } from '../server/room';
import { facilitatorKeyOpens } from '../server/accounts/access';
import type { SessionActor } from '../server/accounts/audit';
import { secretMatches } from '../server/secrets';
import * as sessions from '../server/sessions';

type LookupEvent = { params: { code?: string }; getClientAddress: () => string; request?: Request };

/**
 * `formerCodes`: a code the facilitator replaced still finds the session (for the staff and
 * report pages, whose secret travels in the fragment and opens it afterwards), with the code the
 * caller asked for in place of the new one, which it must not learn.
 */
export async function findSession(event: LookupEvent, options: { formerCodes?: boolean } = {}) {
	const code = joinCode.safeParse(event.params.code ?? '');
	if (!code.success) return notFound(await guessing.missed(clientAddress(event)));
	const store = getContext().store.db;
	const key = event.request && bearerOrNull(event.request);
	const known = key ? (await byAnyCode(store, code.data))?.session : undefined;
	if (known && key && (await opensSession(known, key))) return known;
	const find = async () => (options.formerCodes ? asAsked((await byAnyCode(store, code.data))?.session, code.data) : sessions.byCode(store, code.data));
	const turn = await guessing.lookUp(clientAddress(event), code.data, find);
	if (!turn.ok || !turn.found) return notFound(turn);
	return turn.found;
}

/**
 * Why a code found nothing, when it once named a session: `410 code_changed` (the facilitator
 * issued a new one), so a person holding the old code is told to ask for the new one. The miss
 * was counted already; this says only that the code existed, never the new one.
 */
export async function findSessionOrSayReplaced(event: LookupEvent, options: { formerCodes?: boolean } = {}) {
	try {
		return await findSession(event, options);
	} catch (problem) {
		const code = joinCode.safeParse(event.params.code ?? '');
		if (problem instanceof HttpProblem && problem.status === 404 && code.success && (await byAnyCode(getContext().store.db, code.data))?.former)
			throw new HttpProblem(410, 'code_changed', 'This join code was replaced; ask the facilitator for the new one');
		throw problem;
	}
}

const asAsked = (session: sessions.SessionRow | undefined, code: string) => session && { ...session, code };

function notFound(turn: Turn<unknown>): never {
	if (!turn.ok) throw new HttpProblem(429, 'rate_limited', `Too many wrong codes from this address; try again in ${turn.retryAfterS} s`);
	throw new HttpProblem(404, 'not_found', 'No session has this code');
}

async function opensSession(session: sessions.SessionRow, key: string): Promise<boolean> {
	if (await facilitatorKeyOpens(getContext().store.db, session, key)) return true;
	if (session.minutetaker_key_hash && secretMatches(key, session.minutetaker_key_hash)) return true;
	return reports.check(getContext().store.db, session.id, key);
}

function bearerOrNull(request: Request): string | null {
	return /^Bearer\s+(\S+)$/i.exec(request.headers.get('authorization') ?? '')?.[1] ?? null;
}

/** The facilitator's key (or a console grant, ../server/accounts/access) from `Authorization: Bearer …`; 401 without one, 403 with a wrong one. */
export async function requireFacilitator(
	event: { request: Request; getClientAddress: () => string },
	session: sessions.SessionRow
): Promise<{ accountId: string | null }> {
	const key = bearer(event, 'Send the facilitator key as Authorization: Bearer …');
	return (await facilitatorKeyOpens(getContext().store.db, session, key)) ?? refuse(event);
}

/**
 * Staff: the facilitator's key or the minute-taker's, as for the photos of the dokumentasi.
 * 401 without a key, 403 with a wrong one (counted as a bad secret). Returns who it is, and the account behind a console opened from /org.
 */
export async function requireStaff(
	event: { request: Request; getClientAddress: () => string },
	session: sessions.SessionRow
): Promise<{ role: 'facilitator' | 'minutetaker'; accountId: string | null }> {
	const key = bearer(event, 'Send the facilitator or minute-taker key as Authorization: Bearer …');
	const opened = await facilitatorKeyOpens(getContext().store.db, session, key);
	if (opened) return { role: 'facilitator', accountId: opened.accountId };
	if (session.minutetaker_key_hash && secretMatches(key, session.minutetaker_key_hash)) return { role: 'minutetaker', accountId: null };
	return refuse(event);
}

/**
 * Who may read the minutes and the summary: the facilitator, or an organizer holding a live
 * report link. 401 without a key, 403 with a wrong or revoked one (counted as a bad secret).
 * Returns which, and who it is for the organization's audit log.
 */
export async function requireMinutesAccess(
	event: { request: Request; getClientAddress: () => string },
	session: sessions.SessionRow
): Promise<{ via: 'facilitator' | 'report'; who: SessionActor }> {
	const key = bearer(event, 'Send the facilitator key or a report key as Authorization: Bearer …');
	const opened = await facilitatorKeyOpens(getContext().store.db, session, key);
	if (opened) return { via: 'facilitator', who: staffActor(event, opened.accountId) };
	if (await reports.check(getContext().store.db, session.id, key))
		return { via: 'report', who: { accountId: null, actor: 'report_link', address: clientAddress(event) } };
	return refuse(event);
}

/** A facilitator's request as the audit log names it: the account behind a console opened from /org, else the secret link. */
export const staffActor = (event: { getClientAddress: () => string }, accountId: string | null): SessionActor => ({
	accountId,
	actor: accountId ? 'account' : 'facilitator_link',
	address: clientAddress(event)
});

function bearer(event: { request: Request }, message: string): string {
	const match = /^Bearer\s+(\S+)$/i.exec(event.request.headers.get('authorization') ?? '');
	if (!match) throw new HttpProblem(401, 'unauthenticated', message);
	return match[1];
}

async function refuse(event: { getClientAddress: () => string }): Promise<never> {
	const turn = await guessing.missed(clientAddress(event));
	if (!turn.ok) throw new HttpProblem(429, 'rate_limited', `Too many wrong keys from this address; try again in ${turn.retryAfterS} s`);
	throw new HttpProblem(403, 'forbidden', 'This key does not open this session');
}

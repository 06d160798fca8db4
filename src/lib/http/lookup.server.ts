/** Finds the session a route's `[code]` names; unknown codes count against the brute-force limit. */
import { joinCode } from '../realtime/schemas';
import { getContext } from '../server/context';
import { clientAddress, HttpProblem } from './endpoint.server';
import { allow, isBlocked } from '../server/ratelimit';
import * as reports from '../server/reports';
import { secretMatches } from '../server/secrets';
import * as sessions from '../server/sessions';

export async function findSession(event: { params: { code?: string }; getClientAddress: () => string }) {
	const address = clientAddress(event);
	if (await isBlocked('badSecret', address)) throw new HttpProblem(429, 'rate_limited', 'Too many wrong codes; wait a minute');
	const code = joinCode.safeParse(event.params.code ?? '');
	const session = code.success ? sessions.byCode(getContext().db, code.data) : undefined;
	if (!session) {
		await allow('badSecret', address);
		throw new HttpProblem(404, 'not_found', 'No session has this code');
	}
	return session;
}

/** The facilitator's key from `Authorization: Bearer …`; 401 without one, 403 with a wrong one. */
export async function requireFacilitator(
	event: { request: Request; getClientAddress: () => string },
	session: sessions.SessionRow
): Promise<void> {
	const key = bearer(event, 'Send the facilitator key as Authorization: Bearer …');
	if (!secretMatches(key, session.facilitator_key_hash)) await refuse(event);
}

/**
 * Staff: the facilitator's key or the minute-taker's, as for the photos of the dokumentasi.
 * 401 without a key, 403 with a wrong one (counted as a bad secret). Returns who it is.
 */
export async function requireStaff(
	event: { request: Request; getClientAddress: () => string },
	session: sessions.SessionRow
): Promise<'facilitator' | 'minutetaker'> {
	const key = bearer(event, 'Send the facilitator or minute-taker key as Authorization: Bearer …');
	if (secretMatches(key, session.facilitator_key_hash)) return 'facilitator';
	if (session.minutetaker_key_hash && secretMatches(key, session.minutetaker_key_hash)) return 'minutetaker';
	return refuse(event);
}

/**
 * Who may read the minutes and the summary: the facilitator, or an organizer holding a live
 * report link. 401 without a key, 403 with a wrong or revoked one (counted as a bad secret).
 */
export async function requireMinutesAccess(
	event: { request: Request; getClientAddress: () => string },
	session: sessions.SessionRow
): Promise<'facilitator' | 'report'> {
	const key = bearer(event, 'Send the facilitator key or a report key as Authorization: Bearer …');
	if (secretMatches(key, session.facilitator_key_hash)) return 'facilitator';
	if (reports.check(getContext().db, session.id, key)) return 'report';
	return refuse(event);
}

function bearer(event: { request: Request }, message: string): string {
	const match = /^Bearer\s+(\S+)$/i.exec(event.request.headers.get('authorization') ?? '');
	if (!match) throw new HttpProblem(401, 'unauthenticated', message);
	return match[1];
}

async function refuse(event: { getClientAddress: () => string }): Promise<never> {
	await allow('badSecret', clientAddress(event));
	throw new HttpProblem(403, 'forbidden', 'This key does not open this session');
}

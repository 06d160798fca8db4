/** Finds the session a route's `[code]` names; unknown codes count against the brute-force limit. */
import { joinCode } from '../realtime/schemas';
import { getContext } from './context';
import { clientAddress, HttpProblem } from './http';
import { allow, isBlocked } from './ratelimit';
import { secretMatches } from './secrets';
import * as sessions from './sessions';

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
	const header = event.request.headers.get('authorization') ?? '';
	const match = /^Bearer\s+(\S+)$/i.exec(header);
	if (!match) throw new HttpProblem(401, 'unauthenticated', 'Send the facilitator key as Authorization: Bearer …');
	if (!secretMatches(match[1], session.facilitator_key_hash)) {
		await allow('badSecret', clientAddress(event));
		throw new HttpProblem(403, 'forbidden', 'This key does not open this session');
	}
}

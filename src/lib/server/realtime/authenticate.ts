/** Turns a socket's `auth` into an identity, or a reason to refuse it. */
import type { SocketIdentity } from '../../realtime/contract';
import { socketAuthSchema } from '../../realtime/schemas';
import type { Db } from '../db/database';
import * as participants from '../participants';
import { allow, isBlocked } from '../ratelimit';
import { secretMatches } from '../secrets';
import * as sessions from '../sessions';

export type AuthOutcome = { ok: true; identity: SocketIdentity } | { ok: false; code: 'invalid_input' | 'unauthenticated' | 'not_found' | 'rate_limited' };

export async function authenticate(db: Db, auth: unknown, address: string): Promise<AuthOutcome> {
	if (await isBlocked('badSecret', address)) return { ok: false, code: 'rate_limited' };
	const parsed = socketAuthSchema.safeParse(auth);
	if (!parsed.success) return { ok: false, code: 'invalid_input' };
	const request = parsed.data;
	const session = sessions.byCode(db, request.code);
	if (!session) return refuse(address, 'not_found');
	const identity: SocketIdentity = { sessionId: session.id, code: session.code, role: request.role, participantId: null };
	if (request.role === 'facilitator' && !secretMatches(request.key, session.facilitator_key_hash))
		return refuse(address, 'unauthenticated');
	if (request.role === 'minutetaker' && !(session.minutetaker_key_hash && secretMatches(request.key, session.minutetaker_key_hash)))
		return refuse(address, 'unauthenticated');
	if (request.role === 'participant') {
		const participant = participants.byToken(db, session.id, request.token);
		if (!participant) return refuse(address, 'unauthenticated');
		identity.participantId = participant.id;
	}
	return { ok: true, identity };
}

async function refuse(address: string, code: 'not_found' | 'unauthenticated'): Promise<AuthOutcome> {
	const allowed = await allow('badSecret', address);
	return { ok: false, code: allowed ? code : 'rate_limited' };
}

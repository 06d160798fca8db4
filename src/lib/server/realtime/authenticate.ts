/**
 * Turns a socket's `auth` into an identity, or a reason to refuse it. A secret that opens the
 * session (a staff key, a joined phone's token) is checked first and never waits behind anyone's
 * wrong guesses; only the projector's bare code and wrong secrets go through the slow-down.
 */
import type { SocketIdentity } from '../../realtime/contract';
import { socketAuthSchema } from '../../realtime/schemas';
import type { Database } from '../db/store';
import { guessing } from '../guessing';
import * as participants from '../participants';
import { byAnyCode } from '../room';
import { facilitatorKeyOpens, minutetakerKeyOpens } from '../accounts/access';
import * as sessions from '../sessions';

type Refusal = 'invalid_input' | 'unauthenticated' | 'not_found' | 'rate_limited' | 'removed';
export type AuthOutcome = { ok: true; identity: SocketIdentity } | { ok: false; code: Refusal };
type SocketAuthRequest = ReturnType<typeof socketAuthSchema.parse>;

/** `store` is what every look-up reads: sessions, codes, participants, the key checks. */
export async function authenticate(store: Database, auth: unknown, address: string): Promise<AuthOutcome> {
	const parsed = socketAuthSchema.safeParse(auth);
	if (!parsed.success) return { ok: false, code: 'invalid_input' };
	const request = parsed.data;
	if (request.role === 'presenter') return presenter(store, request.code, address);
	// A former code still carries a secret: phones and consoles keep the code they opened with.
	const session = (await byAnyCode(store, request.code))?.session;
	const identity = session && (await opens(store, session, request));
	if (identity === 'removed') return { ok: false, code: 'removed' };
	if (identity) return { ok: true, identity };
	const turn = await guessing.missed(address);
	return { ok: false, code: !turn.ok ? 'rate_limited' : session ? 'unauthenticated' : 'not_found' };
}

/** The identity this secret opens, 'removed' for a phone the facilitator removed, or null. */
async function opens(store: Database, session: sessions.SessionRow, request: SocketAuthRequest): Promise<SocketIdentity | 'removed' | null> {
	const identity: SocketIdentity = { sessionId: session.id, code: session.code, role: request.role, participantId: null };
	if (request.role === 'facilitator') {
		const opened = await facilitatorKeyOpens(store, session, request.key);
		return opened && (opened.accountId ? { ...identity, accountId: opened.accountId } : identity);
	}
	if (request.role === 'minutetaker') return (await minutetakerKeyOpens(store, session, request.key)) ? identity : null;
	if (request.role !== 'participant') return null;
	const participant = await participants.byToken(store, session.id, request.token, { removed: true });
	if (!participant) return null;
	if (participant.removed) return 'removed';
	return { ...identity, participantId: participant.id };
}

/** The projector shows the code itself: the code is its only secret, looked up through the slow-down. */
async function presenter(store: Database, code: string, address: string): Promise<AuthOutcome> {
	const turn = await guessing.lookUp(address, code, () => sessions.byCode(store, code));
	if (!turn.ok) return { ok: false, code: 'rate_limited' };
	if (!turn.found) return { ok: false, code: 'not_found' };
	return { ok: true, identity: { sessionId: turn.found.id, code: turn.found.code, role: 'presenter', participantId: null } };
}

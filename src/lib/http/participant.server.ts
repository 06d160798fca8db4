/** A participant over HTTP: their phone's token as `Authorization: Bearer …` (the token never travels in an address). */
import { participantToken } from '../realtime/schemas';
import { getContext } from '../server/context';
import { guessing } from '../server/guessing';
import * as privacy from '../server/privacy';
import type { SessionRow } from '../server/sessions';
import { clientAddress, HttpProblem } from './endpoint.server';

/** What Rembuk holds about the phone presenting its token; 401 without one, 403 (counted as a guess) with an unknown one. */
export async function requireParticipantData(event: { request: Request; getClientAddress: () => string }, session: SessionRow) {
	const match = /^Bearer\s+(\S+)$/i.exec(event.request.headers.get('authorization') ?? '');
	const token = participantToken.safeParse(match?.[1] ?? '');
	if (!token.success) throw new HttpProblem(401, 'unauthenticated', "Send the phone's participant token as Authorization: Bearer …");
	const data = await privacy.myData(getContext().store.db, session.id, token.data);
	if (data) return data;
	const turn = await guessing.missed(clientAddress(event));
	if (!turn.ok) throw new HttpProblem(429, 'rate_limited', `Too many wrong tokens from this address; try again in ${turn.retryAfterS} s`);
	throw new HttpProblem(403, 'forbidden', 'This token belongs to no participant of this session (or their data was deleted)');
}

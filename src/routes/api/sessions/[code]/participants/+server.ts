import { json } from '@sveltejs/kit';
import { getContext } from '$lib/server/context';
import { clientAddress, handle, problem, readBody } from '$lib/http/endpoint.server';
import { findSessionOrSayReplaced } from '$lib/http/lookup.server';
import { waitTurn } from '$lib/server/joining';
import * as participants from '$lib/server/participants';
import * as room from '$lib/server/room';
import * as sessions from '$lib/server/sessions';
import { joinSchema } from '$lib/realtime/schemas';
import type { RequestHandler } from './$types';

/** Joins with a phone-made token; repeating the same token returns the same participant. */
export const POST: RequestHandler = (event) =>
	handle(async () => {
		const session = await findSessionOrSayReplaced(event);
		if (session.status === 'closed') return problem(409, 'session_closed', 'The session is closed');
		const input = await readBody(event.request, joinSchema);
		if (!sessions.toView(session).groups.some((g) => g.key === input.group)) return problem(400, 'invalid_input', 'group: unknown stakeholder group');
		const store = getContext().store.db;
		const known = await participants.byToken(store, session.id, input.token, { removed: true });
		if (known?.removed) return problem(403, 'removed', 'The facilitator removed this participant');
		if (!known) {
			const refusal = await room.refusesJoin(store, session);
			if (refusal) return refuse(refusal);
			if (!(await waitTurn(clientAddress(event)))) return problem(429, 'rate_limited', 'Too many joins from this address; try again in a minute');
		}
		const joined = await getContext().writes.commit(session.id, async (trx) => {
			// Checked again inside the write: the door may have closed, or the room filled, while this one waited.
			const current = await sessions.byId(trx, session.id);
			const refusal = known ? null : await room.refusesJoin(trx, current);
			return refusal ? { refusal, records: [] } : participants.join(trx, current, input);
		});
		if ('refusal' in joined) return refuse(joined.refusal);
		return json({ participant: joined.participant }, { status: joined.records.length > 0 ? 201 : 200 });
	});

function refuse(refusal: 'door_closed' | 'room_full'): Response {
	if (refusal === 'door_closed') return problem(403, 'door_closed', 'The facilitator has closed the door to new participants');
	return problem(403, 'room_full', 'The session is full; the facilitator can raise the number of places');
}

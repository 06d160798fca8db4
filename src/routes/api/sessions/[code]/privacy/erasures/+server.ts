import { json } from '@sveltejs/kit';
import { getContext } from '$lib/server/context';
import { handle, problem, readBody } from '$lib/http/endpoint.server';
import { findSession, requireFacilitator, staffActor } from '$lib/http/lookup.server';
import * as privacy from '$lib/server/privacy';
import { erasureSchema } from '$lib/realtime/schemas';
import type { RequestHandler } from './$types';

/**
 * Deletes a participant's personal data: carries out their request, or acts on their behalf
 * (logged as a request by the facilitator). Their items stay as anonymous content unless
 * `hideItems`. 409 when it was done already.
 */
export const POST: RequestHandler = (event) =>
	handle(async () => {
		const session = await findSession(event);
		const { accountId } = await requireFacilitator(event, session);
		const input = await readBody(event.request, erasureSchema);
		const db = getContext().store.db;
		if (!(await db.selectFrom('participants').select('id').where('session_id', '=', session.id).where('id', '=', input.participantId).executeTakeFirst()))
			return problem(404, 'not_found', 'No participant of this session has this id');
		const who = staffActor(event, accountId);
		const done = await getContext().writes.commit(session.id, async (trx) => {
			const records = await privacy.erase(trx, session.id, input.participantId, input.hideItems, new Date(), who);
			return { erased: records !== null, records: records ?? [] };
		});
		if (!done.erased) return problem(409, 'invalid_input', "This participant's personal data was deleted already");
		return json({ erased: input.participantId }, { status: 201, headers: { 'cache-control': 'no-store' } });
	});

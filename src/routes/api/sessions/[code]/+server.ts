import { json } from '@sveltejs/kit';
import { getContext } from '$lib/server/context';
import { findSession, requireFacilitator, staffActor } from '$lib/http/lookup.server';
import { handle, problem, readBody } from '$lib/http/endpoint.server';
import * as privacy from '$lib/server/privacy';
import * as sessions from '$lib/server/sessions';
import { publicSession } from '$lib/server/visibility';
import { deleteSessionSchema } from '$lib/realtime/schemas';
import type { RequestHandler } from './$types';

/** The public view of a session: what the join screen needs, without the minutes' details. */
export const GET: RequestHandler = (event) => handle(async () => json(publicSession(sessions.toView(await findSession(event)))));

/**
 * Deletes the session and everything of it (every row, the photos, report links, former codes):
 * the facilitator only, who must type the session's code. Exports are made on request and
 * never kept, so nothing of it is left. Screens still open are told the session is gone.
 */
export const DELETE: RequestHandler = (event) =>
	handle(async () => {
		const session = await findSession(event);
		const { accountId } = await requireFacilitator(event, session);
		const { confirmCode } = await readBody(event.request, deleteSessionSchema);
		if (confirmCode.trim().toUpperCase() !== session.code)
			return problem(400, 'invalid_input', 'confirmCode: type the session code to confirm the deletion');
		// Through the write queue, so no change of this session is half-way when its rows go.
		const who = staffActor(event, accountId);
		await getContext().writes.commit(session.id, async (trx) => ({ deleted: await privacy.deleteSessionRows(trx, session.id, who), records: [] }));
		await privacy.checkpoint(getContext().store.db);
		return new Response(null, { status: 204 });
	});

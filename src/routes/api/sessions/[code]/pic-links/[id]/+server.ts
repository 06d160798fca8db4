import { getContext } from '$lib/server/context';
import { handle, problem } from '$lib/http/endpoint.server';
import { findSession, requireFacilitator } from '$lib/http/lookup.server';
import * as followup from '$lib/server/followup';
import type { RequestHandler } from './$types';

/** Revokes a PIC link at once: its page and its form refuse on the next request. */
export const DELETE: RequestHandler = (event) =>
	handle(async () => {
		const session = await findSession(event);
		await requireFacilitator(event, session);
		const { revoked } = await getContext().writes.commit(session.id, async (trx) => ({ revoked: await followup.revokePicLink(trx, session.id, event.params.id), records: [] }));
		if (!revoked) return problem(404, 'not_found', 'No PIC link has this id');
		return new Response(null, { status: 204 });
	});

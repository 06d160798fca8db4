import * as clock from '$lib/server/clock';
import { getContext } from '$lib/server/context';
import { handle, problem, readBody } from '$lib/http/endpoint.server';
import { findSession, requireFacilitator } from '$lib/http/lookup.server';
import { sampleClockSchema } from '$lib/realtime/schemas';
import type { RequestHandler } from './$types';

/** Sets a sample session's clock (see $lib/server/clock), for `npm run demo`; a real session's clock is the server's. */
export const PUT: RequestHandler = (event) =>
	handle(async () => {
		const session = await findSession(event);
		await requireFacilitator(event, session);
		const { at } = await readBody(event.request, sampleClockSchema);
		// Through the one write path, so the clock moves in turn with the commands it stamps.
		const { refused } = await getContext().writes.commit(session.id, async (trx) => ({ records: [], refused: await clock.setSample(trx, session.id, new Date(at)) }));
		if (refused === 'not_sample') return problem(403, 'forbidden', 'Only a sample session (created with sample: true) has a clock to set');
		if (refused === 'backwards') return problem(400, 'invalid_input', 'at: a sample session’s clock only moves forward');
		return new Response(null, { status: 204 });
	});

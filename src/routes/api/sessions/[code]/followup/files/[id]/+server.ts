import { getContext } from '$lib/server/context';
import { handle, problem } from '$lib/http/endpoint.server';
import { auditDownloaded, fileResponse } from '$lib/http/evidence.server';
import { findSession, requireFacilitator, staffActor } from '$lib/http/lookup.server';
import * as evidence from '$lib/server/evidence';
import type { RequestHandler } from './$types';

/** One evidence file of the session's follow-up, as an attachment, for the facilitator (key or grant) as the tracker itself. */
export const GET: RequestHandler = (event) =>
	handle(async () => {
		const session = await findSession(event);
		const staff = await requireFacilitator(event, session);
		const db = getContext().store.db;
		const file = await evidence.read(db, session.id, event.params.id);
		if (!file) return problem(404, 'not_found', 'No such evidence file');
		await auditDownloaded(db, session.id, staffActor(event, staff.accountId), file);
		return fileResponse(file);
	});

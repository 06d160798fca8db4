import { json } from '@sveltejs/kit';
import { getContext } from '$lib/server/context';
import { handle, HttpProblem, readBody } from '$lib/http/endpoint.server';
import { findSession, requireFacilitator } from '$lib/http/lookup.server';
import * as followup from '$lib/server/followup';
import type { RequestHandler } from './$types';

const noStore = { 'cache-control': 'no-store' };

/** Every action-plan row of the session as tracked (status, deadline, overdue, updates) and the PIC links. */
export const GET: RequestHandler = (event) =>
	handle(async () => {
		const session = await findSession(event);
		await requireFacilitator(event, session);
		const db = getContext().db;
		return json({ rows: followup.loadTracked(db, [session.id]), links: followup.listPicLinks(db, session.id) }, { headers: noStore });
	});

/** The facilitator records a progress update on a row (after the session is closed too). */
export const POST: RequestHandler = (event) =>
	handle(async () => {
		const session = await findSession(event);
		await requireFacilitator(event, session);
		const input = await readBody(event.request, followup.updateInput);
		const { update } = await getContext().writes.commit(session.id, (db) => ({
			update: followup.recordUpdate(db, session.id, 'facilitator', input),
			records: []
		})).catch(refusal);
		return json({ update }, { status: 201, headers: noStore });
	});

function refusal(error: unknown): never {
	if (error instanceof followup.FollowupRefusal) throw new HttpProblem(404, 'not_found', 'No action-plan row has this id');
	throw error;
}

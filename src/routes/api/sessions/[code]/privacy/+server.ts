import { json } from '@sveltejs/kit';
import { getContext } from '$lib/server/context';
import { handle, problem, readBody } from '$lib/http/endpoint.server';
import { findSession, requireFacilitator } from '$lib/http/lookup.server';
import * as participants from '$lib/server/participants';
import * as privacy from '$lib/server/privacy';
import { retentionSettingsSchema } from '$lib/realtime/schemas';
import type { RequestHandler } from './$types';

/** The session's personal data as the facilitator manages it: retention, requests, who can be deleted, what deleting the session loses. */
async function overview(sessionId: string) {
	const db = getContext().store.db;
	const erased = new Set(
		(await db.selectFrom('participants').select('id').where('session_id', '=', sessionId).where('erased_at', 'is not', null).execute()).map((r) => r.id)
	);
	return {
		retention: await privacy.settings(db, sessionId),
		requests: await privacy.requests(db, sessionId),
		participants: (await participants.listWithConsent(db, sessionId)).map((p) => ({ id: p.id, name: p.name, group: p.group, erased: erased.has(p.id) })),
		counts: await privacy.deletionCounts(db, sessionId)
	};
}

export const GET: RequestHandler = (event) =>
	handle(async () => {
		const session = await findSession(event);
		await requireFacilitator(event, session);
		return json(await overview(session.id), { headers: { 'cache-control': 'no-store' } });
	});

/** Sets the session's retention period (null: the server's default) and whether anonymising keeps institutions. */
export const PUT: RequestHandler = (event) =>
	handle(async () => {
		const session = await findSession(event);
		await requireFacilitator(event, session);
		const input = await readBody(event.request, retentionSettingsSchema);
		// An organization's session may keep personal data for less time than the organization allows, never more.
		const orgMonths = (await privacy.settings(getContext().store.db, session.id)).organizationMonths;
		if (orgMonths !== null && input.retentionMonths !== null && input.retentionMonths > orgMonths)
			return problem(400, 'invalid_input', `retentionMonths: the organization keeps personal data at most ${orgMonths} months`);
		await getContext().writes.commit(session.id, async (trx) => ({
			records: [await privacy.setSettings(trx, session.id, 'facilitator', input.retentionMonths, input.keepInstitutions)]
		}));
		return json(await overview(session.id), { headers: { 'cache-control': 'no-store' } });
	});

import { json } from '@sveltejs/kit';
import { handle } from '$lib/http/endpoint.server';
import { findSession } from '$lib/http/lookup.server';
import { requireParticipantData } from '$lib/http/participant.server';
import type { RequestHandler } from './$types';

/** "Data saya": what Rembuk holds about the phone presenting its token (UU PDP right of access). */
export const GET: RequestHandler = (event) =>
	handle(async () => {
		const session = await findSession(event);
		const { participantId: _, ...data } = await requireParticipantData(event, session);
		return json(data, { headers: { 'cache-control': 'no-store' } });
	});

import { json } from '@sveltejs/kit';
import { getContext } from '$lib/server/context';
import { clientAddress, handle } from '$lib/http/endpoint.server';
import { findSession } from '$lib/http/lookup.server';
import { requireParticipantData } from '$lib/http/participant.server';
import * as privacy from '$lib/server/privacy';
import type { RequestHandler } from './$types';

/**
 * The phone asks for its personal data to be deleted: a logged request staff carry out (UU PDP:
 * within 3×24 hours). Asking again while it is pending answers with the same request.
 */
export const POST: RequestHandler = (event) =>
	handle(async () => {
		const session = await findSession(event);
		const me = await requireParticipantData(event, session);
		const who = { accountId: null, actor: 'participant' as const, address: clientAddress(event) };
		const { request, records } = await getContext().writes.commit(session.id, (trx) =>
			privacy.requestDeletion(trx, session.id, me.participantId, 'participant', new Date(), who)
		);
		return json({ requestedAt: request.requestedAt }, { status: records.length > 0 ? 201 : 200, headers: { 'cache-control': 'no-store' } });
	});

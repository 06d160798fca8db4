import { json } from '@sveltejs/kit';
import { getContext } from '$lib/server/context';
import { handle, readBody } from '$lib/http/endpoint.server';
import { asAccount } from '$lib/server/log';
import { findSession, requireFacilitator } from '$lib/http/lookup.server';
import * as sessions from '$lib/server/sessions';
import { letterheadSchema } from '$lib/realtime/schemas';
import type { RequestHandler } from './$types';

/** A logo of ~270 000 characters plus the text fields; the socket's 16 KB cannot carry it. */
const MAX_BODY = 300 * 1024;

/**
 * The kop surat, for the facilitator only. GET gives this session's letterhead, or with
 * `?from=CODE` and that session's key in `X-From-Key` another one's, so an office reuses its
 * letterhead; PUT replaces it (an empty object clears it), logged as a session.details record
 * and published to the open screens, also after the close: the notulen is usually finished and
 * printed after the meeting.
 */
export const GET: RequestHandler = (event) =>
	handle(async () => {
		const session = await findSession(event);
		await requireFacilitator(event, session);
		const from = event.url.searchParams.get('from');
		if (!from) return json(sessions.toView(session).details.letterhead ?? {});
		const other = await findSession({ ...event, params: { code: from } });
		const key = event.request.headers.get('x-from-key') ?? '';
		const headers = new Headers({ authorization: `Bearer ${key}` });
		await requireFacilitator({ ...event, request: new Request(event.request.url, { headers }) }, other);
		return json(sessions.toView(other).details.letterhead ?? {});
	});

export const PUT: RequestHandler = (event) =>
	handle(async () => {
		const session = await findSession(event);
		const { accountId } = await requireFacilitator(event, session);
		const letterhead = await readBody(event.request, letterheadSchema, MAX_BODY);
		await getContext().writes.commit(session.id, async (trx) => ({
			records: [await asAccount(accountId, () => sessions.setLetterhead(trx, session.id, 'facilitator', letterhead))]
		}));
		return new Response(null, { status: 204 });
	});

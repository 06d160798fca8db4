import { memberNow } from '$lib/http/account.server';
import * as access from '$lib/server/accounts/access';
import { getContext } from '$lib/server/context';
import { reportStream, STREAM_HEADERS } from '$lib/server/programmes/live';
import { reportableProgramme } from '$lib/server/programmes/report';
import type { RequestHandler } from './$types';

/**
 * The open report's live line (Server-Sent Events): "changed" when a session of the programme
 * changes. Refused as the report page is (401 signed out, 403 facilitator, 404 another
 * organization's), and asked again before every message.
 */
export const GET: RequestHandler = async (event) => {
	const id = event.params.id.slice(0, 40);
	const { store, programmes } = getContext();
	const allowed = async () => {
		const member = await memberNow(event);
		if (!member) return 401;
		try {
			await reportableProgramme(store.db, member, id);
			return 200;
		} catch (e) {
			if (e instanceof access.AccessDenied) return e.code === 'forbidden' ? 403 : 404;
			throw e;
		}
	};
	const status = await allowed();
	if (status !== 200) return new Response(null, { status });
	const body = reportStream({ watch: programmes, programmeId: id, stillAllowed: async () => (await allowed()) === 200, signal: event.request.signal });
	return new Response(body, { headers: STREAM_HEADERS });
};

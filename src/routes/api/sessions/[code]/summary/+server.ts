import { getContext } from '$lib/server/context';
import { handle, problem } from '$lib/http/endpoint.server';
import { findSession, requireMinutesAccess } from '$lib/http/lookup.server';
import * as audit from '$lib/server/accounts/audit';
import * as minutes from '$lib/server/minutes';
import { minutesQuerySchema } from '$lib/realtime/schemas';
import type { RequestHandler } from './$types';

/** The top-line summary as plain text, for whoever may read the minutes. */
export const GET: RequestHandler = (event) =>
	handle(async () => {
		const session = await findSession(event);
		const { via, who } = await requireMinutesAccess(event, session);
		const query = minutesQuerySchema.pick({ lang: true }).safeParse(Object.fromEntries(event.url.searchParams));
		if (!query.success) return problem(400, 'invalid_input', 'Use ?lang=id|en');
		const text = await minutes.summary(getContext().store.db, session.id, query.data.lang ?? session.minutes_language);
		// The report page (/r/…) opens with the summary: a report link's use. The console's own summary card is not logged.
		if (via === 'report') await audit.addForSession(getContext().store.db, session.id, who, { action: 'report_link.used', detail: 'summary' });
		return new Response(text, { headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } });
	});

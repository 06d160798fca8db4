import { getContext } from '$lib/server/context';
import { handle, problem } from '$lib/server/http';
import { findSession, requireMinutesAccess } from '$lib/server/lookup';
import * as minutes from '$lib/server/minutes';
import { minutesQuerySchema } from '$lib/realtime/schemas';
import type { RequestHandler } from './$types';

/** The minutes as a download, for the facilitator and report links only: they name people and institutions. */
export const GET: RequestHandler = (event) =>
	handle(async () => {
		const session = await findSession(event);
		await requireMinutesAccess(event, session);
		const query = minutesQuerySchema.safeParse(Object.fromEntries(event.url.searchParams));
		if (!query.success) return problem(400, 'invalid_input', 'Use ?format=md|json|pdf|docx|xlsx|csv, ?lang=id|en, ?paper=a4|f4 and ?csv=excel|rfc4180');
		const { format, lang = session.minutes_language, paper, csv } = query.data;
		const file = await minutes.render(getContext().db, session.id, format, lang, { paper, csv });
		const body = typeof file.body === 'string' ? file.body : new Uint8Array(file.body);
		return new Response(body, {
			headers: {
				'content-type': file.contentType,
				'content-disposition': `attachment; filename="${file.filename}"`,
				'cache-control': 'no-store'
			}
		});
	});

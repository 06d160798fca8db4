import { getContext } from '$lib/server/context';
import { handle, problem } from '$lib/http/endpoint.server';
import { findSession, requireMinutesAccess } from '$lib/http/lookup.server';
import * as audit from '$lib/server/accounts/audit';
import * as minutes from '$lib/server/minutes';
import { minutesQuerySchema } from '$lib/realtime/schemas';
import { CSV_DIALECTS, MINUTES_FORMAT_NAMES, MINUTES_LANGUAGES, PAPERS } from '$lib/domain/minutes-formats';
import type { RequestHandler } from './$types';

const QUERY_HELP = `Use ?format=${MINUTES_FORMAT_NAMES.join('|')}, ?lang=${MINUTES_LANGUAGES.join('|')}, ?paper=${PAPERS.join('|')} and ?csv=${CSV_DIALECTS.join('|')}`;

/** The minutes as a download, for the facilitator and report links only: they name people and institutions. */
export const GET: RequestHandler = (event) =>
	handle(async () => {
		const session = await findSession(event);
		const { who } = await requireMinutesAccess(event, session);
		const query = minutesQuerySchema.safeParse(Object.fromEntries(event.url.searchParams));
		if (!query.success) return problem(400, 'invalid_input', QUERY_HELP);
		const { format, lang = session.minutes_language, paper, csv } = query.data;
		const file = await minutes.render(getContext().store.db, session.id, format, lang, { paper, csv });
		await audit.addForSession(getContext().store.db, session.id, who, { action: 'minutes.downloaded', detail: `${format} ${lang}` });
		const body = typeof file.body === 'string' ? file.body : new Uint8Array(file.body);
		return new Response(body, {
			headers: {
				'content-type': file.contentType,
				'content-disposition': `attachment; filename="${file.filename}"`,
				'cache-control': 'no-store'
			}
		});
	});

import { getContext } from '$lib/server/context';
import { handle, readBody } from '$lib/http/endpoint.server';
import { openSessions, scopeOf, synthesisRequestSchema } from '$lib/http/synthesis.server';
import * as synthesis from '$lib/server/synthesis';
import type { RequestHandler } from './$types';

/**
 * The Laporan Hasil FGD of several sessions, for whoever holds every one's facilitator key:
 * POST { sessions: [{ code, key }], format: pdf|docx|xlsx, lang?: id|en, paper?: a4|f4 }.
 * The language defaults to the first session's minutes language.
 */
export const POST: RequestHandler = (event) =>
	handle(async () => {
		const body = await readBody(event.request, synthesisRequestSchema);
		const { rows } = await openSessions(event, body.sessions);
		const { store } = getContext();
		const lang = body.lang ?? rows[0].minutes_language;
		const ids = rows.map((r) => r.id);
		const file = await synthesis.render(store.db, ids, await synthesis.listEdits(store.db, scopeOf(rows)), body.format, lang, body.paper ?? 'a4');
		return new Response(new Uint8Array(file.body), {
			headers: {
				'content-type': file.contentType,
				'content-disposition': `attachment; filename="${file.filename}"`,
				'cache-control': 'no-store'
			}
		});
	});

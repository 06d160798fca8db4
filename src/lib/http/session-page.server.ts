/**
 * Server load shared by the session pages: the public view, or a 404/429 page. The page is
 * loaded before any key is shown (it travels in the fragment), so staff pages get the details
 * from their socket's snapshot.
 */
import { error } from '@sveltejs/kit';
import type { SessionView } from '../domain/types';
import { HttpProblem } from './endpoint.server';
import { publicOrigin, sessionLinks, type SessionLinks } from '../server/links';
import { findSessionOrSayReplaced } from './lookup.server';
import * as sessions from '../server/sessions';
import { publicSession } from '../server/visibility';

export async function loadSessionPage(
	event: {
		params: { code?: string };
		url: URL;
		getClientAddress: () => string;
	},
	/** Staff and report pages open at a replaced code too: their key, in the fragment, opens the session and they move on. */
	options: { formerCodes?: boolean } = {}
): Promise<{ session: SessionView; links: SessionLinks }> {
	try {
		const row = await findSessionOrSayReplaced(event, options);
		return { session: publicSession(sessions.toView(row)), links: sessionLinks(publicOrigin(event.url), row.code, row.title) };
	} catch (problem) {
		if (problem instanceof HttpProblem) error(problem.status, { message: problem.code });
		throw problem;
	}
}

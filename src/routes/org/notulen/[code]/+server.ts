import { error } from '@sveltejs/kit';
import { addressOf, signedIn } from '$lib/http/account.server';
import { AccessDenied, membership, minutesFor } from '$lib/server/accounts/access';
import { getContext } from '$lib/server/context';
import * as minutes from '$lib/server/minutes';
import { minutesQuerySchema } from '$lib/realtime/schemas';
import type { RequestHandler } from './$types';

/** The minutes for a signed-in member who may run the session: no facilitator key needed. */
export const GET: RequestHandler = async (event) => {
	const who = await signedIn(event);
	const member = who && (await membership(getContext().store.db, who.account.id));
	if (!member) error(401, 'Sign in first');
	const query = minutesQuerySchema.safeParse(Object.fromEntries(event.url.searchParams));
	if (!query.success) error(400, 'Bad format, language, paper or CSV dialect');
	let session;
	try {
		session = await minutesFor(getContext().store.db, member, event.params.code.slice(0, 10), query.data.format, addressOf(event));
	} catch (e) {
		if (e instanceof AccessDenied) error(404, 'No session of your organization has this code');
		throw e;
	}
	const { format, lang = session.minutes_language, paper, csv } = query.data;
	const file = await minutes.render(getContext().store.db, session.id, format, lang, { paper, csv });
	const body = typeof file.body === 'string' ? file.body : new Uint8Array(file.body);
	return new Response(body, {
		headers: { 'content-type': file.contentType, 'content-disposition': `attachment; filename="${file.filename}"`, 'cache-control': 'no-store' }
	});
};

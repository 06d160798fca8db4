import { json } from '@sveltejs/kit';
import { getContext } from '$lib/server/context';
import { handle } from '$lib/http/endpoint.server';
import { findSession, requireFacilitator } from '$lib/http/lookup.server';
import * as reports from '$lib/server/reports';
import type { RequestHandler } from './$types';

/** The session's report links, revoked ones included, without their keys. */
export const GET: RequestHandler = (event) =>
	handle(async () => {
		const session = await findSession(event);
		await requireFacilitator(event, session);
		return json({ links: await reports.list(getContext().store.db, session.id) }, { headers: { 'cache-control': 'no-store' } });
	});

/** A new read-only link; the key is in the URL's fragment, so it never reaches a server log. */
export const POST: RequestHandler = (event) =>
	handle(async () => {
		const session = await findSession(event);
		await requireFacilitator(event, session);
		// Through the one write path like every write, though a report link puts nothing on a screen.
		const created = await getContext().writes.commit(session.id, async (trx) => ({ link: await reports.create(trx, session.id), records: [] }));
		const { key, ...link } = created.link;
		const url = `${event.url.origin}/r/${session.code}#key=${key}`;
		return json({ link, key, url }, { status: 201, headers: { 'cache-control': 'no-store' } });
	});

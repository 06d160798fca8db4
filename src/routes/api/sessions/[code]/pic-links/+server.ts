import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { getContext } from '$lib/server/context';
import { handle, HttpProblem, readBody } from '$lib/http/endpoint.server';
import { findSession, requireFacilitator } from '$lib/http/lookup.server';
import { publicOrigin } from '$lib/server/links';
import * as followup from '$lib/server/followup';
import type { RequestHandler } from './$types';

const body = z.object({ institution: z.string().trim().min(1).max(200) });

/** The session's PIC update links, revoked ones included, without their keys. */
export const GET: RequestHandler = (event) =>
	handle(async () => {
		const session = await findSession(event);
		await requireFacilitator(event, session);
		return json({ links: await followup.listPicLinks(getContext().store.db, session.id) }, { headers: { 'cache-control': 'no-store' } });
	});

/**
 * A new link for one PIC institution of the plan. The key is in the link's path, not its fragment:
 * the PIC's page works as plain forms on a phone before (or without) its script. It never leaves
 * for another site (Referrer-Policy: same-origin) and is revocable.
 */
export const POST: RequestHandler = (event) =>
	handle(async () => {
		const session = await findSession(event);
		await requireFacilitator(event, session);
		const { institution } = await readBody(event.request, body);
		const created = await getContext()
			.writes.commit(session.id, async (trx) => ({ link: await followup.createPicLink(trx, session.id, institution), records: [] }))
			.catch((error) => {
				if (error instanceof followup.FollowupRefusal) throw new HttpProblem(400, 'invalid_input', 'institution: no action-plan row names this institution');
				throw error;
			});
		const { key, ...link } = created.link;
		const url = `${publicOrigin(event.url)}/t/${session.code}/${key}`;
		return json({ link, url }, { status: 201, headers: { 'cache-control': 'no-store' } });
	});

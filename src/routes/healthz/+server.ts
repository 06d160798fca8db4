import { json, type RequestHandler } from '@sveltejs/kit';
import { sql } from 'kysely';
import { getContext } from '$lib/server/context';

/** Names the node when it was given a name (REMBUK_NODE), so a load balancer's spread can be seen. */
const node = process.env.REMBUK_NODE || undefined;

export const GET: RequestHandler = async ({ url }) => {
	// One query through the store: the engine answers (either one), not only this process. A load
	// balancer asks `?node` instead: with the database away every node would fail alike, and marking
	// them all down would cut the phones that are waiting for it to come back.
	if (!url.searchParams.has('node')) await sql`SELECT 1`.execute(getContext().store.db);
	return json({ ok: true, service: 'rembuk', time: new Date().toISOString(), node });
};

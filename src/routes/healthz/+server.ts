import { json } from '@sveltejs/kit';
import { sql } from 'kysely';
import { getContext } from '$lib/server/context';

/** Names the node when it was given a name (REMBUK_NODE), so a load balancer's spread can be seen. */
const node = process.env.REMBUK_NODE || undefined;

export async function GET() {
	// One query through the store: the engine answers (either one), not only this process.
	await sql`SELECT 1`.execute(getContext().store.db);
	return json({ ok: true, service: 'rembuk', time: new Date().toISOString(), node });
}

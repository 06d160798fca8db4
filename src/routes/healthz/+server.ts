import { json } from '@sveltejs/kit';
import { getContext } from '$lib/server/context';

/** Names the node when it was given a name (REMBUK_NODE), so a load balancer's spread can be seen. */
const node = process.env.REMBUK_NODE || undefined;

export function GET() {
	const { db } = getContext();
	db.prepare('SELECT 1').get();
	return json({ ok: true, service: 'rembuk', time: new Date().toISOString(), node });
}

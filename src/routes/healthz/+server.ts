import { json } from '@sveltejs/kit';
import { getContext } from '$lib/server/context';

export function GET() {
	const { db } = getContext();
	db.prepare('SELECT 1').get();
	return json({ ok: true, service: 'rembuk', time: new Date().toISOString() });
}

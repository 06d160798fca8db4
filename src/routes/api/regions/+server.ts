import { json } from '@sveltejs/kit';
import { handle, problem } from '$lib/http/endpoint.server';
import { signedIn } from '$lib/http/account.server';
import * as regions from '$lib/server/regions';
import type { RequestHandler } from './$types';

/** `GET /api/regions?parent=64.02`: one level of the official list below a code ('' or absent: the provinces). For signed-in members. */
export const GET: RequestHandler = (event) =>
	handle(async () => {
		if (!(await signedIn(event))) return problem(401, 'unauthenticated', 'Sign in first');
		const parent = (event.url.searchParams.get('parent') ?? '').slice(0, 20);
		if (parent !== '' && !regions.levelOf(parent)) return problem(400, 'invalid_input', 'parent: not a region code');
		return json({ regions: await regions.children(parent) }, { headers: { 'cache-control': 'private, max-age=3600' } });
	});

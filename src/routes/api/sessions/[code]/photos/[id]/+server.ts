import { getContext } from '$lib/server/context';
import { handle, problem } from '$lib/http/endpoint.server';
import { findSession, requireStaff } from '$lib/http/lookup.server';
import * as photos from '$lib/server/photos';
import type { RequestHandler } from './$types';

/** One stored photo as JPEG, for staff screens (the minutes embed it themselves). */
export const GET: RequestHandler = (event) =>
	handle(async () => {
		const session = await findSession(event);
		await requireStaff(event, session);
		const jpeg = await photos.jpeg(getContext().store.db, session.id, event.params.id);
		if (!jpeg) return problem(404, 'not_found', 'No such photo');
		// Pictures of people: kept out of shared caches, as the minutes are.
		return new Response(new Uint8Array(jpeg), { headers: { 'content-type': 'image/jpeg', 'cache-control': 'private, no-store' } });
	});

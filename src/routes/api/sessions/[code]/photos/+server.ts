import { json } from '@sveltejs/kit';
import { handle } from '$lib/http/endpoint.server';
import { findSession, requireStaff } from '$lib/http/lookup.server';
import { uploadPhoto } from '$lib/http/photo-upload.server';
import type { RequestHandler } from './$types';

/**
 * Uploads a photo for the dokumentasi (facilitator or minute-taker): multipart/form-data with
 * `photo` (JPEG or PNG, at most 8 MB) and `caption`. Stored re-encoded, without EXIF, at most
 * 1600 px on its long edge; logged and, once committed, published so open staff screens show it
 * at once. Also after the close: photos are often sorted out after the meeting.
 */
export const POST: RequestHandler = (event) =>
	handle(async () => {
		const session = await findSession(event);
		const staff = await requireStaff(event, session);
		const photo = await uploadPhoto(session.id, staff.role, event.request, staff.accountId);
		return json({ photo }, { status: 201 });
	});

import { json } from '@sveltejs/kit';
import { getContext } from '$lib/server/context';
import { handle } from '$lib/server/http';
import { findSession, requireStaff } from '$lib/server/lookup';
import * as photoUpload from '$lib/server/photo-upload';
import type { RequestHandler } from './$types';

/**
 * Uploads a photo for the dokumentasi (facilitator or minute-taker): multipart/form-data with
 * `photo` (JPEG or PNG, at most 8 MB) and `caption`. Stored re-encoded, without EXIF, at most
 * 1600 px on its long edge; logged and published so open staff screens show it at once. Also
 * after the close: photos are often sorted out after the meeting.
 */
export const POST: RequestHandler = (event) =>
	handle(async () => {
		const session = await findSession(event);
		const role = await requireStaff(event, session);
		const context = getContext();
		const { photo, record } = await photoUpload.upload(context.db, session.id, role, event.request);
		context.publish(session.id, [record]);
		return json({ photo }, { status: 201 });
	});

/**
 * photos.upload: a staff upload as it arrives over HTTP (multipart/form-data with a `photo` file
 * and an optional `caption`), checked, re-encoded and stored. Kept apart from ./photos so the
 * realtime server, which lists and removes photos, never loads the image library.
 */
import { photoCaption } from '../realtime/schemas';
import type { PhotoView } from '../domain/types';
import type { SessionRecord } from '../realtime/contract';
import type { Db } from './db/database';
import { HttpProblem } from './http';
import { MAX_UPLOAD_BYTES, normalise } from './photo-image';
import * as photos from './photos';

/** Room for the multipart framing and the caption around the largest photo taken. */
const MAX_BODY = MAX_UPLOAD_BYTES + 64 * 1024;

const tooLarge = () => new HttpProblem(413, 'invalid_input', `The photo is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB`);

/** The photo's bytes and caption from a multipart body; HttpProblem when they are missing or too large. */
export async function readUpload(request: Request): Promise<{ bytes: Uint8Array; caption: string }> {
	if (!(request.headers.get('content-type') ?? '').startsWith('multipart/form-data'))
		throw new HttpProblem(415, 'invalid_input', 'Send multipart/form-data with a photo field');
	if (Number(request.headers.get('content-length') ?? 0) > MAX_BODY) throw tooLarge();
	let form: FormData;
	try {
		form = await request.formData();
	} catch (error) {
		// adapter-node stops reading past BODY_SIZE_LIMIT with its own error shape; answer in ours.
		if ((error as { status?: number } | null)?.status === 413) throw tooLarge();
		throw new HttpProblem(400, 'invalid_input', 'The form could not be read');
	}
	const file = form.get('photo');
	if (!(file instanceof Blob)) throw new HttpProblem(400, 'invalid_input', 'photo: a file is required');
	if (file.size > MAX_UPLOAD_BYTES) throw tooLarge();
	const caption = photoCaption.safeParse(form.get('caption') ?? '');
	if (!caption.success) throw new HttpProblem(400, 'invalid_input', `caption: ${caption.error.issues[0]?.message ?? 'invalid'}`);
	return { bytes: new Uint8Array(await file.arrayBuffer()), caption: caption.data };
}

/** Reads, re-encodes and stores one upload; the record is the caller's to publish. */
export async function upload(db: Db, sessionId: string, actor: string, request: Request): Promise<{ photo: PhotoView; record: SessionRecord }> {
	const full = () => new HttpProblem(409, 'invalid_input', `A session holds at most ${photos.MAX_PHOTOS} photos`);
	// Checked before the decoding too, so a full session costs no image work.
	if (!photos.hasRoom(db, sessionId)) throw full();
	const { bytes, caption } = await readUpload(request);
	const stored = photos.store(db, sessionId, actor, await normalise(bytes), caption);
	if (!stored) throw full();
	return stored;
}

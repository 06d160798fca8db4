/**
 * A staff upload as it arrives over HTTP (multipart/form-data with a `photo` file and an
 * optional `caption`): read, re-encoded (src/lib/server/photo-image) and stored through the one
 * write path, so the record is committed with the photo and then published. Kept apart from
 * src/lib/server/photos so the realtime server, which lists and removes photos, never loads the
 * image library.
 */
import type { PhotoView } from '../domain/types';
import { photoCaption } from '../realtime/schemas';
import { asAccount } from '../server/log';
import { getContext } from '../server/context';
import { MAX_UPLOAD_BYTES, normalise, PhotoRefused, tooLarge, type NormalisedPhoto, type PhotoRefusal } from '../server/photo-image';
import * as photos from '../server/photos';
import { HttpProblem } from './endpoint.server';

/** Room for the multipart framing and the caption around the largest photo taken. */
const MAX_BODY = MAX_UPLOAD_BYTES + 64 * 1024;

const STATUS: Record<PhotoRefusal, number> = { too_large: 413, not_an_image: 415, unreadable: 400 };

const asProblem = (refused: PhotoRefused) => new HttpProblem(STATUS[refused.reason], 'invalid_input', refused.message);
const full = () => new HttpProblem(409, 'invalid_input', `A session holds at most ${photos.MAX_PHOTOS} photos`);

/** The photo's bytes and caption from a multipart body; HttpProblem when they are missing or too large. */
export async function readUpload(request: Request): Promise<{ bytes: Uint8Array; caption: string }> {
	if (!(request.headers.get('content-type') ?? '').startsWith('multipart/form-data'))
		throw new HttpProblem(415, 'invalid_input', 'Send multipart/form-data with a photo field');
	if (Number(request.headers.get('content-length') ?? 0) > MAX_BODY) throw asProblem(tooLarge());
	let form: FormData;
	try {
		form = await request.formData();
	} catch (error) {
		// adapter-node stops reading past BODY_SIZE_LIMIT with its own error shape; answer in ours.
		if ((error as { status?: number } | null)?.status === 413) throw asProblem(tooLarge());
		throw new HttpProblem(400, 'invalid_input', 'The form could not be read');
	}
	const file = form.get('photo');
	if (!(file instanceof Blob)) throw new HttpProblem(400, 'invalid_input', 'photo: a file is required');
	if (file.size > MAX_UPLOAD_BYTES) throw asProblem(tooLarge());
	const caption = photoCaption.safeParse(form.get('caption') ?? '');
	if (!caption.success) throw new HttpProblem(400, 'invalid_input', `caption: ${caption.error.issues[0]?.message ?? 'invalid'}`);
	return { bytes: new Uint8Array(await file.arrayBuffer()), caption: caption.data };
}

async function reencoded(bytes: Uint8Array): Promise<NormalisedPhoto> {
	try {
		return await normalise(bytes);
	} catch (error) {
		throw error instanceof PhotoRefused ? asProblem(error) : error;
	}
}

/** Reads, re-encodes and stores one upload; its record is published after the commit. */
export async function uploadPhoto(sessionId: string, actor: string, request: Request, accountId: string | null = null): Promise<PhotoView> {
	const { store, writes } = getContext();
	// Checked before the decoding too, so a full session costs no image work.
	if (!(await photos.hasRoom(store.db, sessionId))) throw full();
	const { bytes, caption } = await readUpload(request);
	const image = await reencoded(bytes);
	// The decoding ran outside the write: only the insert waits for the turn's transaction,
	// where the room is checked again (two uploads decoded side by side cannot both pass).
	const { photo } = await writes.commit(sessionId, async (trx) => {
		const stored = await asAccount(accountId, () => photos.store(trx, sessionId, actor, image, caption));
		if (!stored) throw full();
		return { records: [stored.record], photo: stored.photo };
	});
	return photo;
}

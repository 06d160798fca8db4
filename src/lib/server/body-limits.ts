/**
 * How large a request body each route may send, checked by the HTTP server (server/main.ts) from
 * Content-Length before any route runs: uploads only where files are taken, adapter-node's usual
 * 512 KB everywhere else. Pure, so the rule is tested without a server.
 */
import { MAX_EVIDENCE_BYTES, MAX_FILES_PER_UPDATE } from '../domain/followup';

// Constants only: the HTTP server imports this module, and must not load the image library
// (./photo-image) that the upload routes use.
export const SMALL_BODY = 512 * 1024;
/** The session's photos: the largest photo (8 MB, ./photo-image MAX_UPLOAD_BYTES) and its caption's framing. */
export const PHOTO_BODY = 9 * 1024 * 1024;
/** An update with evidence: every file it may carry, and the multipart framing and text fields around them. */
export const MAX_EVIDENCE_BODY = MAX_FILES_PER_UPDATE * MAX_EVIDENCE_BYTES + 256 * 1024;
/** adapter-node's own ceiling (BODY_SIZE_LIMIT), the largest of the above. */
export const LARGEST_BODY = Math.max(PHOTO_BODY, MAX_EVIDENCE_BODY);

const PHOTOS = /^\/api\/sessions\/[^/?]+\/photos\/?(\?|$)/;
const EVIDENCE_API = /^\/api\/sessions\/[^/?]+\/followup\/?(\?|$)/;
/** The PIC's page and the programme's table post their forms to themselves (`?/update`). */
const PIC_PAGE = /^\/t\/[^/?]+\/[^/?]+\/?(\?|$)/;
const PROGRAMME_TABLE = /^\/org\/program\/[^/?]+\/tindak-lanjut\/?(\?|$)/;

export interface BodyLimit {
	max: number;
	/**
	 * Where a refused plain form is sent back to (303), so a phone without JavaScript sees its page
	 * with the error instead of a bare 413; null answers with the API's JSON error.
	 */
	backTo: string | null;
}

export function bodyLimit(url = ''): BodyLimit {
	if (PHOTOS.test(url)) return { max: PHOTO_BODY, backTo: null };
	if (EVIDENCE_API.test(url)) return { max: MAX_EVIDENCE_BODY, backTo: null };
	if (PIC_PAGE.test(url) || PROGRAMME_TABLE.test(url)) return { max: MAX_EVIDENCE_BODY, backTo: `${url.split('?')[0]}?error=file_too_large` };
	return { max: SMALL_BODY, backTo: null };
}

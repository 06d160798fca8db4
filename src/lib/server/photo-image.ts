/**
 * What an uploaded photo becomes before it is stored: its type read from its first bytes (never
 * from what the browser claims), decoded, turned upright by its EXIF orientation, shrunk to at
 * most LONG_EDGE pixels and written again as a plain JPEG. Writing it again is what drops every
 * piece of metadata a phone camera puts in (GPS position, device, time): only pixels remain.
 *
 * sharp (libvips) does the work on libuv's thread pool, so a 12-megapixel photo does not hold
 * up the event loop that carries every phone's posts; a pure-JS decoder would, for seconds.
 */
import sharp from 'sharp';

/** The largest upload taken: a phone camera's JPEG is 2–6 MB. */
export const MAX_UPLOAD_BYTES = 8 * 1024 * 1024;
/** Long edge of the stored photo: sharp on an A4 page at 2 per page, small enough for the database. */
export const LONG_EDGE = 1600;
const QUALITY = 82;
/**
 * Refuse images of more pixels than this before decoding them: a few kilobytes of crafted JPEG
 * can claim 65 535 × 65 535 pixels. 100 MP is above any phone camera's full-resolution mode.
 */
const MAX_PIXELS = 100_000_000;

export type ImageType = 'jpeg' | 'png';

/** The type by magic bytes: JPEG starts FF D8 FF, PNG with its eight-byte signature. */
export function sniff(bytes: Uint8Array): ImageType | null {
	if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
	const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
	if (bytes.length >= 8 && png.every((b, i) => bytes[i] === b)) return 'png';
	return null;
}

export interface NormalisedPhoto {
	jpeg: Buffer;
	width: number;
	height: number;
}

/** Why an upload was refused; the HTTP adapter (src/lib/http/photo-upload.server.ts) answers each with its status. */
export type PhotoRefusal = 'too_large' | 'not_an_image' | 'unreadable';

export class PhotoRefused extends Error {
	constructor(
		readonly reason: PhotoRefusal,
		message: string
	) {
		super(message);
	}
}

export const tooLarge = () => new PhotoRefused('too_large', `The photo is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB`);

/**
 * Checks and re-encodes an upload; PhotoRefused when it is too large, not a JPEG or PNG, or
 * unreadable. `maxBytes` lets a caller with its own limit (follow-up evidence, ./evidence-file)
 * take larger originals; what comes out is the same small JPEG either way.
 */
export async function normalise(bytes: Uint8Array, maxBytes = MAX_UPLOAD_BYTES): Promise<NormalisedPhoto> {
	if (bytes.length > maxBytes) throw tooLarge();
	if (!sniff(bytes)) throw new PhotoRefused('not_an_image', 'Send a JPEG or PNG photo');
	try {
		const { data, info } = await sharp(bytes, { autoOrient: true, limitInputPixels: MAX_PIXELS, failOn: 'error' })
			.resize({ width: LONG_EDGE, height: LONG_EDGE, fit: 'inside', withoutEnlargement: true })
			// A transparent PNG would turn black in a JPEG; paper is white.
			.flatten({ background: '#ffffff' })
			.jpeg({ quality: QUALITY })
			.toBuffer({ resolveWithObject: true });
		return { jpeg: data, width: info.width, height: info.height };
	} catch (error) {
		throw new PhotoRefused('unreadable', `The photo could not be read (${(error as Error).message})`);
	}
}

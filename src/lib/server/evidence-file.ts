/**
 * What an evidence file of a follow-up update becomes before it is stored: its type read from its
 * first bytes (never from its name or what the browser claims), a PDF kept byte for byte, a photo
 * re-encoded by the dokumentasi's pipeline (./photo-image: upright, at most 1600 px, EXIF and GPS
 * gone). Anything else is refused with a reason the pages translate.
 */
import { MAX_EVIDENCE_BYTES, MAX_FILES_PER_UPDATE } from '../domain/followup';
import { normalise, PhotoRefused, sniff } from './photo-image';

export { MAX_EVIDENCE_BYTES, MAX_FILES_PER_UPDATE };
const NAME_MAX = 120;

export type EvidenceType = 'pdf' | 'jpeg';

export const CONTENT_TYPES: Record<EvidenceType, string> = { pdf: 'application/pdf', jpeg: 'image/jpeg' };

/** Why a file was refused: too big, not a PDF/JPEG/PNG, a photo that does not decode, too many files. */
export type EvidenceRefusal = 'too_large' | 'wrong_type' | 'unreadable' | 'too_many';

export class EvidenceRefused extends Error {
	constructor(
		readonly reason: EvidenceRefusal,
		message: string
	) {
		super(message);
	}
}

/** A file ready to store. */
export interface ReadyEvidence {
	name: string;
	type: EvidenceType;
	data: Buffer;
}

/** `%PDF-` at the very start, as every PDF writer puts it. */
export function isPdf(bytes: Uint8Array): boolean {
	return bytes.length >= 5 && bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46 && bytes[4] === 0x2d;
}

/** The type by magic bytes, or null: PDF, or a JPEG or PNG photo. */
export function sniffEvidence(bytes: Uint8Array): 'pdf' | 'jpeg' | 'png' | null {
	return isPdf(bytes) ? 'pdf' : sniff(bytes);
}

/**
 * The name to store and serve: the sender's base name without path, control or quoting
 * characters, shortened, ending in the stored type's extension (a PNG is stored as a JPEG).
 */
export function cleanName(raw: string, type: EvidenceType): string {
	const base = raw.split(/[\\/]/).pop() ?? '';
	const stem = base
		.replace(/\p{Cc}/gu, ' ')
		.replace(/[\p{Cf}"<>|*?:]/gu, '')
		.replace(/\.(pdf|jpe?g|png)$/i, '')
		.replace(/\s+/g, ' ')
		.trim()
		.slice(0, NAME_MAX - 5);
	return `${stem || 'bukti'}.${type === 'pdf' ? 'pdf' : 'jpg'}`;
}

export const tooLarge = () => new EvidenceRefused('too_large', `A file is larger than ${MAX_EVIDENCE_BYTES / 1024 / 1024} MB`);

/** Checks one upload and prepares it for storing; EvidenceRefused when it may not be kept. */
export async function prepare(name: string, bytes: Uint8Array): Promise<ReadyEvidence> {
	if (bytes.length > MAX_EVIDENCE_BYTES) throw tooLarge();
	const kind = sniffEvidence(bytes);
	if (kind === null) throw new EvidenceRefused('wrong_type', 'Send a PDF, JPEG or PNG file');
	if (kind === 'pdf') return { name: cleanName(name, 'pdf'), type: 'pdf', data: Buffer.from(bytes) };
	try {
		const photo = await normalise(bytes, MAX_EVIDENCE_BYTES);
		return { name: cleanName(name, 'jpeg'), type: 'jpeg', data: photo.jpeg };
	} catch (error) {
		if (error instanceof PhotoRefused) throw new EvidenceRefused(error.reason === 'too_large' ? 'too_large' : 'unreadable', error.message);
		throw error;
	}
}

/**
 * The files of one form (empty file inputs, which a browser sends as a nameless empty part, are
 * skipped); checked all before any is kept, so a refused file leaves the update unsaved.
 */
export async function prepareAll(files: readonly { name: string; size: number; bytes: () => Promise<Uint8Array> }[]): Promise<ReadyEvidence[]> {
	const sent = files.filter((f) => f.size > 0 || f.name !== '');
	if (sent.length > MAX_FILES_PER_UPDATE) throw new EvidenceRefused('too_many', `At most ${MAX_FILES_PER_UPDATE} files an update`);
	if (sent.some((f) => f.size > MAX_EVIDENCE_BYTES)) throw tooLarge();
	const ready: ReadyEvidence[] = [];
	for (const file of sent) ready.push(await prepare(file.name, await file.bytes()));
	return ready;
}

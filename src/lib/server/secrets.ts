import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { customAlphabet } from 'nanoid';

/** No 0/O, 1/I/L, 2/Z, 5/S, 8/B: read off a projector and typed on a phone without doubt. */
export const JOIN_CODE_ALPHABET = '34679ACDEFGHJKMNPQRTUVWXY';
export const newJoinCode = customAlphabet(JOIN_CODE_ALPHABET, 6);
export const newId = customAlphabet('0123456789abcdefghijkmnpqrstuvwxyz', 16);

/** 256 random bits; only its hash is stored. */
export function newSecret(): string {
	return randomBytes(32).toString('base64url');
}

export function hashSecret(secret: string): string {
	return createHash('sha256').update(secret).digest('hex');
}

/** Constant-time comparison of a presented secret with a stored hash. */
export function secretMatches(secret: string, storedHash: string): boolean {
	const a = Buffer.from(hashSecret(secret), 'hex');
	const b = Buffer.from(storedHash, 'hex');
	return a.length === b.length && timingSafeEqual(a, b);
}

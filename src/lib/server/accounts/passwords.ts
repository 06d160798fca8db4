/**
 * Passwords: Argon2id hashes (@node-rs/argon2) and a strength check with Indonesian word lists
 * (@zxcvbn-ts with language-id). Server-only: neither library ever reaches a page.
 */
import { hash, verify } from '@node-rs/argon2';
import zx from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as indonesian from '@zxcvbn-ts/language-id';

/** Argon2id (algorithm 2), OWASP's second profile: 19 MiB, 2 passes, 1 lane (~30 ms here). */
const ARGON2 = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;
/** zxcvbn score 0–4; 3 ("safely unguessable", ~10^8 guesses and up) is required. */
export const MIN_SCORE = 3;

export function hashPassword(password: string): Promise<string> {
	return hash(password, ARGON2);
}

/** False for a wrong password or a malformed hash, never a throw. */
export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
	try {
		return await verify(storedHash, password);
	} catch {
		return false;
	}
}

let factory: InstanceType<typeof zx.ZxcvbnFactory> | null = null;
function estimator() {
	factory ??= new zx.ZxcvbnFactory({
		dictionary: { ...common.dictionary, ...indonesian.dictionary },
		graphs: common.adjacencyGraphs,
		translations: indonesian.translations
	});
	return factory;
}

export interface Strength {
	ok: boolean;
	score: number;
	/** Indonesian advice from the estimator's language-id translations, plus our own length rule. */
	feedback: string[];
}

/**
 * `related`: words of this person and place (name, e-mail, organization) that a guesser tries first.
 */
export function checkStrength(password: string, related: string[] = []): Strength {
	if (password.length < PASSWORD_MIN_LENGTH)
		return { ok: false, score: 0, feedback: [`Kata sandi minimal ${PASSWORD_MIN_LENGTH} karakter.`] };
	if (password.length > PASSWORD_MAX_LENGTH)
		return { ok: false, score: 0, feedback: [`Kata sandi paling banyak ${PASSWORD_MAX_LENGTH} karakter.`] };
	const words = related.flatMap((r) => r.toLowerCase().split(/[^\p{L}\p{N}]+/u)).filter((w) => w.length >= 3);
	const result = estimator().check(password, words);
	const feedback = [result.feedback.warning, ...result.feedback.suggestions].filter((s): s is string => !!s);
	const ok = result.score >= MIN_SCORE;
	if (!ok && feedback.length === 0) feedback.push('Kata sandi ini mudah ditebak. Tambahkan beberapa kata yang tidak umum.');
	return { ok, score: result.score, feedback };
}

import { describe, expect, it } from 'vitest';
import { JOIN_CODE_ALPHABET, hashSecret, newId, newJoinCode, newSecret, secretMatches } from './secrets';

describe('join codes', () => {
	it('avoid characters that look alike on a projector', () => {
		for (const c of '0O1IL2Z5S8B') expect(JOIN_CODE_ALPHABET).not.toContain(c);
	});

	it('use only upper-case letters and digits, each once', () => {
		expect(JOIN_CODE_ALPHABET).toMatch(/^[A-Z0-9]+$/);
		expect(new Set(JOIN_CODE_ALPHABET).size).toBe(JOIN_CODE_ALPHABET.length);
	});

	it('are six characters from that alphabet', () => {
		const allowed = new RegExp(`^[${JOIN_CODE_ALPHABET}]{6}$`);
		const codes = Array.from({ length: 2000 }, () => newJoinCode());
		for (const code of codes) expect(code).toMatch(allowed);
		expect(new Set(codes).size).toBeGreaterThan(1990); // 25^6 ≈ 2.4e8 codes: collisions are rare
	});
});

describe('secrets', () => {
	it('are 256 random bits in base64url', () => {
		const a = newSecret();
		expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
		expect(newSecret()).not.toBe(a);
	});

	it('are stored as a SHA-256 hash, never as themselves', () => {
		const secret = newSecret();
		const hash = hashSecret(secret);
		expect(hash).toMatch(/^[0-9a-f]{64}$/);
		expect(hash).toBe(hashSecret(secret));
		expect(hash).not.toBe(hashSecret(`${secret}x`));
		expect(hash).not.toContain(secret);
		// A known vector, so the scheme cannot change silently and strand stored hashes.
		expect(hashSecret('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
	});

	it('match their own hash and nothing else', () => {
		const secret = newSecret();
		const stored = hashSecret(secret);
		expect(secretMatches(secret, stored)).toBe(true);
		expect(secretMatches(newSecret(), stored)).toBe(false);
		expect(secretMatches('', stored)).toBe(false);
		expect(secretMatches(secret.slice(0, -1), stored)).toBe(false);
	});

	it('do not throw on a malformed stored hash', () => {
		expect(secretMatches('anything', '')).toBe(false);
		expect(secretMatches('anything', 'abc')).toBe(false);
		expect(secretMatches('anything', 'not hex at all')).toBe(false);
	});
});

describe('ids', () => {
	it('are 16 lower-case characters and unique', () => {
		const ids = Array.from({ length: 1000 }, () => newId());
		for (const id of ids) expect(id).toMatch(/^[0-9a-z]{16}$/);
		expect(new Set(ids).size).toBe(ids.length);
	});
});

/**
 * Passkeys (WebAuthn) for organization accounts, beside the password: a signed-in member registers
 * some, and signs in with one without typing a login (discoverable credentials). The checks are
 * SimpleWebAuthn's; this module decides where passkeys work (the relying party), keeps the
 * challenges single-use, stores the credentials and their counters, and signs in through the same
 * sign-in sessions, limits and audit entries as the password (./auth.ts).
 */
import {
	generateAuthenticationOptions,
	generateRegistrationOptions,
	verifyAuthenticationResponse,
	verifyRegistrationResponse,
	type AuthenticationResponseJSON,
	type PublicKeyCredentialCreationOptionsJSON,
	type PublicKeyCredentialRequestOptionsJSON,
	type RegistrationResponseJSON
} from '@simplewebauthn/server';
import { decodeClientDataJSON, isoBase64URL } from '@simplewebauthn/server/helpers';
import type { Db } from '../db/database';
import { sql } from '../db/statements';
import * as accounts from './accounts';
import * as audit from './audit';
import { organizationsOf, startSession, type SignedIn, type SignInResult } from './auth';
import { challenges as defaultChallenges, TIMEOUT_MS, type ChallengeStore, type PendingChallenge } from './passkey-challenges';
import { signInLimiter, type SignInLimiter } from './signin-limits';

/** Where passkeys work: the host name is the RP ID, the page's origin the expected origin. */
export interface RelyingParty {
	id: string;
	origin: string;
}

export const MAX_PASSKEYS = 10;
export const NAME_MAX = 60;

export class PasskeyError extends Error {
	constructor(
		readonly code: 'unavailable' | 'invalid_name' | 'too_many' | 'expired' | 'unverified' | 'duplicate' | 'not_found',
		message: string
	) {
		super(message);
	}
}

export interface PasskeyView {
	id: string;
	name: string;
	createdAt: string;
	lastUsedAt: string | null;
}

interface PasskeyRow {
	id: string;
	account_id: string;
	name: string;
	public_key: Buffer;
	counter: number;
	transports: string;
	rp_id: string;
}

const IP = /^(\d{1,3}\.){3}\d{1,3}$|^\[/;

/**
 * The relying party of a request's URL, or null where browsers offer no WebAuthn: an HTTPS host
 * name, or localhost over plain http (a secure context). Never an IP address (not a valid RP ID),
 * never plain http on a LAN address.
 */
export function relyingParty(url: URL): RelyingParty | null {
	const host = url.hostname.toLowerCase();
	if (!host || IP.test(host)) return null;
	const local = host === 'localhost' || host.endsWith('.localhost');
	if (url.protocol === 'https:' || (url.protocol === 'http:' && local)) return { id: host, origin: url.origin };
	return null;
}

export function list(db: Db, accountId: string): PasskeyView[] {
	return sql(
		db,
		'SELECT id, name, created_at AS createdAt, last_used_at AS lastUsedAt FROM passkeys WHERE account_id = ? ORDER BY created_at, id'
	).all(accountId) as PasskeyView[];
}

export function cleanName(name: string): string {
	const value = name.trim().replace(/\s+/g, ' ');
	if (value.length < 1 || value.length > NAME_MAX) throw new PasskeyError('invalid_name', `A passkey's name has 1–${NAME_MAX} characters`);
	return value;
}

/** The challenge an answer signed, from its client data; '' when it cannot be read. */
function challengeOf(clientDataJSON: string): string {
	try {
		return String(decodeClientDataJSON(clientDataJSON).challenge ?? '');
	} catch {
		return '';
	}
}

function sameCeremony(pending: PendingChallenge | undefined, purpose: PendingChallenge['purpose'], rp: RelyingParty): pending is PendingChallenge {
	return !!pending && pending.purpose === purpose && pending.rpId === rp.id && pending.origin === rp.origin;
}

/** Options for the browser to make a passkey for the signed-in account; the challenge is kept. */
export async function registrationOptions(
	db: Db,
	who: SignedIn,
	rp: RelyingParty,
	store: ChallengeStore = defaultChallenges,
	now = Date.now()
): Promise<PublicKeyCredentialCreationOptionsJSON> {
	const existing = sql(db, 'SELECT id, transports FROM passkeys WHERE account_id = ?').all(who.account.id) as { id: string; transports: string }[];
	if (existing.length >= MAX_PASSKEYS) throw new PasskeyError('too_many', `An account has at most ${MAX_PASSKEYS} passkeys`);
	const options = await generateRegistrationOptions({
		rpName: 'Rembuk',
		rpID: rp.id,
		userName: accounts.loginOf(who.account),
		userDisplayName: who.account.name || accounts.loginOf(who.account),
		// The user handle is the account's random id: no personal data goes to the authenticator in it.
		userID: new TextEncoder().encode(who.account.id),
		timeout: TIMEOUT_MS,
		attestationType: 'none',
		excludeCredentials: existing.map((p) => ({ id: p.id, transports: JSON.parse(p.transports) as string[] })),
		// Discoverable (sign-in without typing a login) and verified (fingerprint, face or PIN):
		// the passkey alone stands in for the password, so it must be two factors in one.
		authenticatorSelection: { residentKey: 'required', userVerification: 'required' }
	});
	store.issue(options.challenge, { purpose: 'register', rpId: rp.id, origin: rp.origin, accountId: who.account.id, authSessionId: who.authSessionId }, now);
	return options;
}

/** Verifies the browser's new passkey against its challenge and stores it under `name`. */
export async function register(
	db: Db,
	who: SignedIn,
	rp: RelyingParty,
	input: { name: string; response: RegistrationResponseJSON },
	address = '',
	store: ChallengeStore = defaultChallenges,
	now = Date.now()
): Promise<PasskeyView> {
	const name = cleanName(input.name);
	const challenge = challengeOf(input.response.response.clientDataJSON);
	const pending = challenge ? store.take(challenge, now) : undefined;
	if (!sameCeremony(pending, 'register', rp) || pending.accountId !== who.account.id || pending.authSessionId !== who.authSessionId)
		throw new PasskeyError('expired', 'This passkey request expired or was used already; start again');
	let info;
	try {
		const verified = await verifyRegistrationResponse({
			response: input.response,
			expectedChallenge: challenge,
			expectedOrigin: rp.origin,
			expectedRPID: rp.id,
			requireUserVerification: true
		});
		if (!verified.verified) throw new Error('not verified');
		info = verified.registrationInfo;
	} catch {
		throw new PasskeyError('unverified', 'The passkey could not be verified');
	}
	const at = new Date(now).toISOString();
	const { credential } = info;
	return db.transaction(() => {
		if (sql(db, 'SELECT 1 FROM passkeys WHERE id = ?').get(credential.id)) throw new PasskeyError('duplicate', 'This passkey is registered already');
		const count = (sql(db, 'SELECT count(*) AS n FROM passkeys WHERE account_id = ?').get(who.account.id) as { n: number }).n;
		if (count >= MAX_PASSKEYS) throw new PasskeyError('too_many', `An account has at most ${MAX_PASSKEYS} passkeys`);
		sql(
			db,
			'INSERT INTO passkeys (id, account_id, name, public_key, counter, transports, rp_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'
		).run(credential.id, who.account.id, name, Buffer.from(credential.publicKey), credential.counter, JSON.stringify(credential.transports ?? []), rp.id, at);
		for (const organizationId of organizationsOf(db, who.account.id))
			audit.record(db, { organizationId, accountId: who.account.id, action: 'passkey.added', subject: accounts.loginOf(who.account), detail: name, address });
		return { id: credential.id, name, createdAt: at, lastUsedAt: null };
	})();
}

/**
 * Removes one of the account's passkeys and ends the sign-ins made with it (a lost phone's),
 * except the one doing the removing. Returns the removed passkey's name.
 */
export function remove(db: Db, who: SignedIn, passkeyId: string, address = '', now = Date.now()): string {
	return db.transaction(() => {
		const row = sql(db, 'SELECT name FROM passkeys WHERE id = ? AND account_id = ?').get(passkeyId, who.account.id) as { name: string } | undefined;
		if (!row) throw new PasskeyError('not_found', 'No such passkey on this account');
		sql(db, 'DELETE FROM passkeys WHERE id = ?').run(passkeyId);
		const ended = sql(db, 'UPDATE auth_sessions SET revoked_at = ? WHERE passkey_id = ? AND id != ? AND revoked_at IS NULL').run(
			new Date(now).toISOString(),
			passkeyId,
			who.authSessionId
		).changes;
		for (const organizationId of organizationsOf(db, who.account.id))
			audit.record(db, { organizationId, accountId: who.account.id, action: 'passkey.removed', subject: accounts.loginOf(who.account), detail: `${row.name} (${ended})`, address });
		return row.name;
	})();
}

/** Options for signing in with any passkey of this host (the browser lists them); the challenge is kept. */
export async function signInOptions(rp: RelyingParty, store: ChallengeStore = defaultChallenges, now = Date.now()): Promise<PublicKeyCredentialRequestOptionsJSON> {
	const options = await generateAuthenticationOptions({ rpID: rp.id, userVerification: 'required', timeout: TIMEOUT_MS });
	store.issue(options.challenge, { purpose: 'signin', rpId: rp.id, origin: rp.origin }, now);
	return options;
}

/**
 * Signs in with a passkey's answer: the same sign-in session, audit entry (`signin.ok` /
 * `signin.failed`, detail "passkey") and failure limits as the password. The limits count against
 * the passkey's account, or against the unknown credential's id, and always against the address.
 */
export async function signIn(
	db: Db,
	input: { response: AuthenticationResponseJSON; rp: RelyingParty; address: string; userAgent?: string },
	limiter: SignInLimiter = signInLimiter,
	store: ChallengeStore = defaultChallenges,
	now = Date.now()
): Promise<SignInResult> {
	const { response, rp } = input;
	const row = sql(db, 'SELECT * FROM passkeys WHERE id = ?').get(response.id) as PasskeyRow | undefined;
	const account = row ? accounts.byId(db, row.account_id) : undefined;
	const limitKey = account ? accounts.loginOf(account) : `passkey:${response.id.slice(0, 100)}`;
	const retryAfterS = limiter.retryAfterS(limitKey, input.address, now);
	if (retryAfterS > 0) return { ok: false, reason: 'rate_limited', retryAfterS };

	const challenge = challengeOf(response.response.clientDataJSON);
	// Taken before anything else is checked: a challenge answers once, right or wrong.
	const pending = challenge ? store.take(challenge, now) : undefined;
	let newCounter = -1;
	if (sameCeremony(pending, 'signin', rp) && row && account?.password_hash && row.rp_id === rp.id && handleMatches(response, account.id)) {
		try {
			const verified = await verifyAuthenticationResponse({
				response,
				expectedChallenge: challenge,
				expectedOrigin: rp.origin,
				expectedRPID: rp.id,
				credential: { id: row.id, publicKey: new Uint8Array(row.public_key), counter: row.counter, transports: JSON.parse(row.transports) as string[] },
				requireUserVerification: true
			});
			if (verified.verified) newCounter = verified.authenticationInfo.newCounter;
		} catch {
			// A wrong origin, signature, counter or user verification: the same refusal as a wrong password.
		}
	}
	const at = new Date(now).toISOString();
	// Compare-and-set on the counter: of two answers racing with the same count, one wins.
	const stored =
		newCounter >= 0 && row && sql(db, 'UPDATE passkeys SET counter = ?, last_used_at = ? WHERE id = ? AND counter = ?').run(newCounter, at, row.id, row.counter).changes === 1;
	const orgs = account ? organizationsOf(db, account.id) : [];
	if (!stored || !account || !row) {
		limiter.failed(limitKey, input.address, now);
		const subject = account ? accounts.loginOf(account) : '';
		for (const organizationId of orgs.length ? orgs : [null])
			audit.record(db, { organizationId, accountId: account?.id ?? null, action: 'signin.failed', subject, detail: 'passkey', address: input.address });
		return { ok: false, reason: 'invalid' };
	}
	const token = startSession(db, account.id, input.address, input.userAgent ?? '', now, row.id);
	for (const organizationId of orgs)
		audit.record(db, { organizationId, accountId: account.id, action: 'signin.ok', subject: accounts.loginOf(account), detail: 'passkey', address: input.address });
	return { ok: true, token, account };
}

/** A discoverable passkey names its account (the user handle): it must be the credential's owner. */
function handleMatches(response: AuthenticationResponseJSON, accountId: string): boolean {
	const handle = response.response.userHandle;
	if (!handle) return true;
	try {
		return new TextDecoder().decode(isoBase64URL.toBuffer(handle)) === accountId;
	} catch {
		return false;
	}
}

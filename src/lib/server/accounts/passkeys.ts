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
import type { Database } from '../db/store';
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

export function list(db: Database, accountId: string): Promise<PasskeyView[]> {
	return db
		.selectFrom('passkeys')
		.select(['id', 'name', 'created_at as createdAt', 'last_used_at as lastUsedAt'])
		.where('account_id', '=', accountId)
		.orderBy('created_at')
		.orderBy('id')
		.execute();
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
	db: Database,
	who: SignedIn,
	rp: RelyingParty,
	store: ChallengeStore = defaultChallenges,
	now = Date.now()
): Promise<PublicKeyCredentialCreationOptionsJSON> {
	const existing = await db.selectFrom('passkeys').select(['id', 'transports']).where('account_id', '=', who.account.id).execute();
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
	db: Database,
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
	return db.transaction().execute(async (trx) => {
		if (await trx.selectFrom('passkeys').select('id').where('id', '=', credential.id).executeTakeFirst())
			throw new PasskeyError('duplicate', 'This passkey is registered already');
		const { n } = await trx
			.selectFrom('passkeys')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.where('account_id', '=', who.account.id)
			.executeTakeFirstOrThrow();
		if (Number(n) >= MAX_PASSKEYS) throw new PasskeyError('too_many', `An account has at most ${MAX_PASSKEYS} passkeys`);
		await trx
			.insertInto('passkeys')
			.values({
				id: credential.id,
				account_id: who.account.id,
				name,
				public_key: Buffer.from(credential.publicKey),
				counter: credential.counter,
				transports: JSON.stringify(credential.transports ?? []),
				rp_id: rp.id,
				created_at: at
			})
			.execute();
		for (const organizationId of await organizationsOf(trx, who.account.id))
			await audit.add(trx, { organizationId, accountId: who.account.id, action: 'passkey.added', subject: accounts.loginOf(who.account), detail: name, address });
		return { id: credential.id, name, createdAt: at, lastUsedAt: null };
	});
}

/**
 * Removes one of the account's passkeys and ends the sign-ins made with it (a lost phone's),
 * except the one doing the removing. Returns the removed passkey's name.
 */
export async function remove(db: Database, who: SignedIn, passkeyId: string, address = '', now = Date.now()): Promise<string> {
	return db.transaction().execute(async (trx) => {
		const row = await trx.selectFrom('passkeys').select('name').where('id', '=', passkeyId).where('account_id', '=', who.account.id).executeTakeFirst();
		if (!row) throw new PasskeyError('not_found', 'No such passkey on this account');
		await trx.deleteFrom('passkeys').where('id', '=', passkeyId).execute();
		const result = await trx
			.updateTable('auth_sessions')
			.set({ revoked_at: new Date(now).toISOString() })
			.where('passkey_id', '=', passkeyId)
			.where('id', '!=', who.authSessionId)
			.where('revoked_at', 'is', null)
			.executeTakeFirst();
		const ended = Number(result.numUpdatedRows);
		for (const organizationId of await organizationsOf(trx, who.account.id))
			await audit.add(trx, { organizationId, accountId: who.account.id, action: 'passkey.removed', subject: accounts.loginOf(who.account), detail: `${row.name} (${ended})`, address });
		return row.name;
	});
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
	db: Database,
	input: { response: AuthenticationResponseJSON; rp: RelyingParty; address: string; userAgent?: string },
	limiter: SignInLimiter = signInLimiter,
	store: ChallengeStore = defaultChallenges,
	now = Date.now()
): Promise<SignInResult> {
	const { response, rp } = input;
	const row = await db.selectFrom('passkeys').selectAll().where('id', '=', response.id).executeTakeFirst();
	const account = row ? await accounts.byId(db, row.account_id) : undefined;
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
	const stored = newCounter >= 0 && row && (await compareAndSetCounter(db, row, newCounter, at));
	const orgs = account ? await organizationsOf(db, account.id) : [];
	if (!stored || !account || !row) {
		limiter.failed(limitKey, input.address, now);
		const subject = account ? accounts.loginOf(account) : '';
		for (const organizationId of orgs.length ? orgs : [null])
			await audit.add(db, { organizationId, accountId: account?.id ?? null, action: 'signin.failed', subject, detail: 'passkey', address: input.address });
		return { ok: false, reason: 'invalid' };
	}
	const token = await startSession(db, account.id, input.address, input.userAgent ?? '', now, row.id);
	for (const organizationId of orgs)
		await audit.add(db, { organizationId, accountId: account.id, action: 'signin.ok', subject: accounts.loginOf(account), detail: 'passkey', address: input.address });
	return { ok: true, token, account };
}

async function compareAndSetCounter(db: Database, row: { id: string; counter: number }, counter: number, at: string): Promise<boolean> {
	const result = await db
		.updateTable('passkeys')
		.set({ counter, last_used_at: at })
		.where('id', '=', row.id)
		.where('counter', '=', row.counter)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
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

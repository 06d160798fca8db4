/**
 * Server-side sign-in sessions. The cookie carries a random token; the table keeps its hash, when
 * it was made and last used, and whether it was revoked. Every sign-in makes a new one (no session
 * fixation); "sign out everywhere" revokes them all, with the consoles opened from them.
 */
import type { Db } from '../db/database';
import { sql } from '../db/statements';
import { hashSecret, newId, newSecret } from '../secrets';
import * as accounts from './accounts';
import * as audit from './audit';
import { verifyPassword } from './passwords';
import { signInLimiter, type SignInLimiter } from './signin-limits';

export const AUTH_COOKIE = 'rembuk_auth';
/** A sign-in lasts 30 days at most, and ends after 7 days unused. */
export const ABSOLUTE_TTL_MS = 30 * 24 * 3600_000;
export const IDLE_TTL_MS = 7 * 24 * 3600_000;
/** last_seen_at is written at most once a minute per session, not on every request. */
const TOUCH_EVERY_MS = 60_000;

/** Verifying against this when the login is unknown costs the same time as a real account. */
let dummyHash: Promise<string> | null = null;

export type SignInResult =
	| { ok: true; token: string; account: accounts.AccountRow }
	| { ok: false; reason: 'invalid' }
	| { ok: false; reason: 'rate_limited'; retryAfterS: number };

export async function signIn(
	db: Db,
	input: { login: string; password: string; address: string; userAgent?: string },
	limiter: SignInLimiter = signInLimiter,
	now = Date.now()
): Promise<SignInResult> {
	const retryAfterS = limiter.retryAfterS(input.login, input.address, now);
	if (retryAfterS > 0) return { ok: false, reason: 'rate_limited', retryAfterS };
	const account = accounts.byLogin(db, input.login);
	const password = input.password.slice(0, 200);
	let ok: boolean;
	if (account?.password_hash) ok = await verifyPassword(account.password_hash, password);
	else {
		dummyHash ??= import('./passwords').then((p) => p.hashPassword('rembuk-no-such-account'));
		await verifyPassword(await dummyHash, password);
		ok = false;
	}
	const orgs = account ? organizationsOf(db, account.id) : [];
	if (!ok || !account) {
		limiter.failed(input.login, input.address, now);
		// A login nobody has is kept too (organization NULL), for whoever runs the server.
		const subject = account ? accounts.loginOf(account) : input.login.trim().slice(0, 100);
		for (const organizationId of orgs.length ? orgs : [null])
			audit.record(db, { organizationId, accountId: account?.id ?? null, action: 'signin.failed', subject, address: input.address });
		return { ok: false, reason: 'invalid' };
	}
	const token = startSession(db, account.id, input.address, input.userAgent ?? '', now);
	for (const organizationId of orgs)
		audit.record(db, { organizationId, accountId: account.id, action: 'signin.ok', subject: accounts.loginOf(account), address: input.address });
	return { ok: true, token, account };
}

/**
 * A fresh sign-in session for an account (after sign-in, or after a setup/invite/reset link).
 * `passkeyId`: the passkey it was made with, whose removal ends it.
 */
export function startSession(db: Db, accountId: string, address = '', userAgent = '', now = Date.now(), passkeyId: string | null = null): string {
	const token = newSecret();
	const at = new Date(now).toISOString();
	sql(
		db,
		'INSERT INTO auth_sessions (id, token_hash, account_id, created_at, last_seen_at, address, user_agent, passkey_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'
	).run(newId(), hashSecret(token), accountId, at, at, address.slice(0, 100), userAgent.slice(0, 300), passkeyId);
	return token;
}

export interface SignedIn {
	authSessionId: string;
	account: accounts.AccountRow;
}

/**
 * Who a cookie's token signs in, or null (unknown, revoked, expired or idle too long). `touch`
 * false: a check that is not the member's own doing (an open page's heartbeat) leaves the idle clock alone.
 */
export function resolve(db: Db, token: string | undefined, now = Date.now(), touch = true): SignedIn | null {
	if (!token || token.length > 100) return null;
	const row = sql(db, 'SELECT id, account_id, created_at, last_seen_at, revoked_at FROM auth_sessions WHERE token_hash = ?').get(hashSecret(token)) as
		| { id: string; account_id: string; created_at: string; last_seen_at: string; revoked_at: string | null }
		| undefined;
	if (!row || row.revoked_at) return null;
	if (now - Date.parse(row.created_at) > ABSOLUTE_TTL_MS || now - Date.parse(row.last_seen_at) > IDLE_TTL_MS) return null;
	const account = accounts.byId(db, row.account_id);
	if (!account?.password_hash) return null;
	if (touch && now - Date.parse(row.last_seen_at) > TOUCH_EVERY_MS)
		sql(db, 'UPDATE auth_sessions SET last_seen_at = ? WHERE id = ?').run(new Date(now).toISOString(), row.id);
	return { authSessionId: row.id, account };
}

export function signOut(db: Db, signedIn: SignedIn, address = ''): void {
	sql(db, 'UPDATE auth_sessions SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(new Date().toISOString(), signedIn.authSessionId);
	for (const organizationId of organizationsOf(db, signedIn.account.id))
		audit.record(db, { organizationId, accountId: signedIn.account.id, action: 'signout', subject: accounts.loginOf(signedIn.account), address });
}

/** Revokes every sign-in of the account, this one included; returns how many were live. */
export function signOutEverywhere(db: Db, account: accounts.AccountRow, address = ''): number {
	const { changes } = sql(db, 'UPDATE auth_sessions SET revoked_at = ? WHERE account_id = ? AND revoked_at IS NULL').run(new Date().toISOString(), account.id);
	for (const organizationId of organizationsOf(db, account.id))
		audit.record(db, { organizationId, accountId: account.id, action: 'signout.everywhere', subject: accounts.loginOf(account), detail: `${changes}`, address });
	return changes;
}

/** The organizations whose audit log records this account's sign-ins. */
export function organizationsOf(db: Db, accountId: string): string[] {
	return (sql(db, 'SELECT organization_id FROM memberships WHERE account_id = ?').all(accountId) as { organization_id: string }[]).map((r) => r.organization_id);
}

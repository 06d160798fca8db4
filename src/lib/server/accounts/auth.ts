/**
 * Server-side sign-in sessions. The cookie carries a random token; the table keeps its hash, when
 * it was made and last used, and whether it was revoked. Every sign-in makes a new one (no session
 * fixation); "sign out everywhere" revokes them all, with the consoles opened from them.
 */
import type { Database } from '../db/store';
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
	db: Database,
	input: { login: string; password: string; address: string; userAgent?: string },
	limiter: SignInLimiter = signInLimiter,
	now = Date.now()
): Promise<SignInResult> {
	const retryAfterS = limiter.retryAfterS(input.login, input.address, now);
	if (retryAfterS > 0) return { ok: false, reason: 'rate_limited', retryAfterS };
	const account = await accounts.byLogin(db, input.login);
	const password = input.password.slice(0, 200);
	let ok: boolean;
	if (account?.password_hash) ok = await verifyPassword(account.password_hash, password);
	else {
		dummyHash ??= import('./passwords').then((p) => p.hashPassword('rembuk-no-such-account'));
		await verifyPassword(await dummyHash, password);
		ok = false;
	}
	const orgs = account ? await organizationsOf(db, account.id) : [];
	if (!ok || !account) {
		limiter.failed(input.login, input.address, now);
		// A login nobody has is kept too (organization NULL), for whoever runs the server.
		const subject = account ? accounts.loginOf(account) : input.login.trim().slice(0, 100);
		for (const organizationId of orgs.length ? orgs : [null])
			await audit.add(db, { organizationId, accountId: account?.id ?? null, action: 'signin.failed', subject, address: input.address });
		return { ok: false, reason: 'invalid' };
	}
	const token = await startSession(db, account.id, input.address, input.userAgent ?? '', now);
	for (const organizationId of orgs)
		await audit.add(db, { organizationId, accountId: account.id, action: 'signin.ok', subject: accounts.loginOf(account), address: input.address });
	return { ok: true, token, account };
}

/**
 * A fresh sign-in session for an account (after sign-in, or after a setup/invite/reset link).
 * `passkeyId`: the passkey it was made with, whose removal ends it.
 */
export async function startSession(
	db: Database,
	accountId: string,
	address = '',
	userAgent = '',
	now = Date.now(),
	passkeyId: string | null = null
): Promise<string> {
	const token = newSecret();
	const at = new Date(now).toISOString();
	await db
		.insertInto('auth_sessions')
		.values({
			id: newId(),
			token_hash: hashSecret(token),
			account_id: accountId,
			created_at: at,
			last_seen_at: at,
			address: address.slice(0, 100),
			user_agent: userAgent.slice(0, 300),
			passkey_id: passkeyId
		})
		.execute();
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
export async function resolve(db: Database, token: string | undefined, now = Date.now(), touch = true): Promise<SignedIn | null> {
	if (!token || token.length > 100) return null;
	const row = await db
		.selectFrom('auth_sessions')
		.select(['id', 'account_id', 'created_at', 'last_seen_at', 'revoked_at'])
		.where('token_hash', '=', hashSecret(token))
		.executeTakeFirst();
	if (!row || row.revoked_at) return null;
	if (now - Date.parse(row.created_at) > ABSOLUTE_TTL_MS || now - Date.parse(row.last_seen_at) > IDLE_TTL_MS) return null;
	const account = await accounts.byId(db, row.account_id);
	if (!account?.password_hash) return null;
	if (touch && now - Date.parse(row.last_seen_at) > TOUCH_EVERY_MS)
		await db.updateTable('auth_sessions').set({ last_seen_at: new Date(now).toISOString() }).where('id', '=', row.id).execute();
	return { authSessionId: row.id, account };
}

export async function signOut(db: Database, signedIn: SignedIn, address = ''): Promise<void> {
	await db
		.updateTable('auth_sessions')
		.set({ revoked_at: new Date().toISOString() })
		.where('id', '=', signedIn.authSessionId)
		.where('revoked_at', 'is', null)
		.execute();
	for (const organizationId of await organizationsOf(db, signedIn.account.id))
		await audit.add(db, { organizationId, accountId: signedIn.account.id, action: 'signout', subject: accounts.loginOf(signedIn.account), address });
}

/** Revokes every sign-in of the account, this one included; returns how many were live. */
export async function signOutEverywhere(db: Database, account: accounts.AccountRow, address = ''): Promise<number> {
	const result = await db
		.updateTable('auth_sessions')
		.set({ revoked_at: new Date().toISOString() })
		.where('account_id', '=', account.id)
		.where('revoked_at', 'is', null)
		.executeTakeFirst();
	const changes = Number(result.numUpdatedRows);
	for (const organizationId of await organizationsOf(db, account.id))
		await audit.add(db, { organizationId, accountId: account.id, action: 'signout.everywhere', subject: accounts.loginOf(account), detail: `${changes}`, address });
	return changes;
}

/** The organizations whose audit log records this account's sign-ins. */
export async function organizationsOf(db: Database, accountId: string): Promise<string[]> {
	const rows = await db.selectFrom('memberships').select('organization_id').where('account_id', '=', accountId).execute();
	return rows.map((r) => r.organization_id);
}

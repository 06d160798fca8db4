/**
 * Organizations, accounts, memberships and the one-time links (setup, invite, password reset)
 * through which a person chooses their password. No e-mail server is assumed: a link is printed
 * or shown to the admin, who shares it (WhatsApp). Only the links' hashes are stored.
 */
import type { Db } from '../db/database';
import { sql } from '../db/statements';
import { hashSecret, newId, newSecret } from '../secrets';
import * as audit from './audit';
import { checkStrength, hashPassword, type Strength } from './passwords';

export const ROLES = ['admin', 'organizer', 'facilitator'] as const;
export type OrgRole = (typeof ROLES)[number];
export type LinkPurpose = 'bootstrap' | 'setup' | 'invite' | 'reset';

/** Every link lives 7 days: long enough to reach someone over WhatsApp, short enough to go stale. */
export const LINK_TTL_MS = 7 * 24 * 3600_000;
/** Where each link is opened (relative to the server's origin). */
export const LINK_PATH = '/akun/tautan';

export class AccountError extends Error {
	constructor(
		readonly code:
			| 'invalid_login'
			| 'login_taken'
			| 'invalid_name'
			| 'weak_password'
			| 'link_invalid'
			| 'not_member'
			| 'last_admin'
			| 'already_set_up',
		message: string,
		readonly strength?: Strength
	) {
		super(message);
	}
}

export interface AccountRow {
	id: string;
	email: string | null;
	username: string | null;
	name: string;
	password_hash: string | null;
	created_at: string;
}

export interface Organization {
	id: string;
	name: string;
}

const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,190}\.[^\s@]{2,}$/;
const USERNAME = /^[a-z0-9][a-z0-9._-]{2,39}$/i;

/** An e-mail address (has an @) or a username (3–40 letters, digits, dot, dash, underscore). */
export function parseLogin(login: string): { email: string } | { username: string } {
	const value = login.trim();
	if (value.includes('@')) {
		if (!EMAIL.test(value)) throw new AccountError('invalid_login', 'Not a valid e-mail address');
		return { email: value.toLowerCase() };
	}
	if (!USERNAME.test(value)) throw new AccountError('invalid_login', 'A username has 3–40 letters, digits, dots, dashes or underscores');
	return { username: value.toLowerCase() };
}

export function cleanName(name: string): string {
	const value = name.trim().replace(/\s+/g, ' ');
	if (value.length < 2 || value.length > 100) throw new AccountError('invalid_name', 'A name has 2–100 characters');
	return value;
}

export const loginOf = (account: Pick<AccountRow, 'email' | 'username'>) => account.email ?? account.username ?? '';

export function byLogin(db: Db, login: string): AccountRow | undefined {
	let parsed: ReturnType<typeof parseLogin>;
	try {
		parsed = parseLogin(login);
	} catch {
		return undefined;
	}
	if ('email' in parsed) return sql(db, 'SELECT * FROM accounts WHERE email = ?').get(parsed.email) as AccountRow | undefined;
	return sql(db, 'SELECT * FROM accounts WHERE username = ?').get(parsed.username) as AccountRow | undefined;
}

export function byId(db: Db, id: string): AccountRow | undefined {
	return sql(db, 'SELECT * FROM accounts WHERE id = ?').get(id) as AccountRow | undefined;
}

export function countAccounts(db: Db): number {
	return (sql(db, 'SELECT count(*) AS n FROM accounts').get() as { n: number }).n;
}

export function organization(db: Db, id: string): Organization | undefined {
	return sql(db, 'SELECT id, name FROM organizations WHERE id = ?').get(id) as Organization | undefined;
}

export function findOrCreateOrganization(db: Db, name: string): Organization {
	const clean = name.trim().replace(/\s+/g, ' ');
	if (clean.length < 2 || clean.length > 150) throw new AccountError('invalid_name', 'An organization name has 2–150 characters');
	const found = sql(db, 'SELECT id, name FROM organizations WHERE name = ? COLLATE NOCASE').get(clean) as Organization | undefined;
	if (found) return found;
	const org = { id: newId(), name: clean };
	sql(db, 'INSERT INTO organizations (id, name, created_at) VALUES (?, ?, ?)').run(org.id, org.name, new Date().toISOString());
	return org;
}

/** A new account without a password (it gets one through a link); the login must be free. */
export function createAccount(db: Db, login: string, name = ''): AccountRow {
	const parsed = parseLogin(login);
	if (byLogin(db, login)) throw new AccountError('login_taken', 'This e-mail address or username already has an account');
	const row: AccountRow = {
		id: newId(),
		email: 'email' in parsed ? parsed.email : null,
		username: 'username' in parsed ? parsed.username : null,
		name: name ? cleanName(name) : '',
		password_hash: null,
		created_at: new Date().toISOString()
	};
	sql(db, 'INSERT INTO accounts (id, email, username, name, password_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(
		row.id,
		row.email,
		row.username,
		row.name,
		null,
		row.created_at
	);
	return row;
}

export function addMembership(db: Db, organizationId: string, accountId: string, role: OrgRole): void {
	sql(db, 'INSERT INTO memberships (organization_id, account_id, role, created_at) VALUES (?, ?, ?, ?)').run(
		organizationId,
		accountId,
		role,
		new Date().toISOString()
	);
}

/** A new one-time link; earlier unused links of the same account and purpose stop working. */
export function issueLink(
	db: Db,
	input: { purpose: LinkPurpose; accountId: string | null; organizationId: string | null; createdBy: string | null },
	now = Date.now()
): string {
	const token = newSecret();
	const at = new Date(now).toISOString();
	if (input.accountId)
		sql(db, 'UPDATE one_time_links SET expires_at = ? WHERE account_id = ? AND used_at IS NULL AND expires_at > ?').run(at, input.accountId, at);
	if (input.purpose === 'bootstrap')
		sql(db, "UPDATE one_time_links SET expires_at = ? WHERE purpose = 'bootstrap' AND used_at IS NULL AND expires_at > ?").run(at, at);
	sql(
		db,
		`INSERT INTO one_time_links (id, token_hash, purpose, account_id, organization_id, created_by, created_at, expires_at)
		 VALUES (?, ?, ?, ?, ?, ?, ?, ?)`
	).run(newId(), hashSecret(token), input.purpose, input.accountId, input.organizationId, input.createdBy, at, new Date(now + LINK_TTL_MS).toISOString());
	return token;
}

export interface LinkView {
	id: string;
	purpose: LinkPurpose;
	account: AccountRow | null;
	organization: Organization | null;
	expiresAt: string;
}

/** The link a token opens, while unused and unexpired; undefined otherwise. */
export function openLink(db: Db, token: string, now = Date.now()): LinkView | undefined {
	if (!token || token.length > 100) return undefined;
	const row = sql(db, 'SELECT * FROM one_time_links WHERE token_hash = ?').get(hashSecret(token)) as
		| { id: string; purpose: LinkPurpose; account_id: string | null; organization_id: string | null; expires_at: string; used_at: string | null }
		| undefined;
	if (!row || row.used_at || Date.parse(row.expires_at) <= now) return undefined;
	if (row.purpose === 'bootstrap' && countAccounts(db) > 0) return undefined;
	return {
		id: row.id,
		purpose: row.purpose,
		account: row.account_id ? (byId(db, row.account_id) ?? null) : null,
		organization: row.organization_id ? (organization(db, row.organization_id) ?? null) : null,
		expiresAt: row.expires_at
	};
}

export interface CompleteInput {
	name: string;
	password: string;
	/** Only for the bootstrap link: the first organization and the first admin's login. */
	organizationName?: string;
	login?: string;
}

/**
 * Uses a link: sets the name and password (strength-checked), marks the link used, and for a
 * reset signs the account out everywhere and removes its passkeys. Returns the account, ready to be signed in.
 */
export async function completeLink(db: Db, token: string, input: CompleteInput, address = '', now = Date.now()): Promise<AccountRow> {
	const link = openLink(db, token, now);
	if (!link) throw new AccountError('link_invalid', 'This link was used already, has expired or does not exist');
	const name = cleanName(input.name);
	if (link.purpose === 'bootstrap') {
		parseLogin(input.login ?? '');
		const orgName = (input.organizationName ?? '').trim();
		if (orgName.length < 2 || orgName.length > 150) throw new AccountError('invalid_name', 'An organization name has 2–150 characters');
	}
	const login = link.account ? loginOf(link.account) : (input.login ?? '');
	const strength = checkStrength(input.password, [name, login, link.organization?.name ?? input.organizationName ?? '']);
	if (!strength.ok) throw new AccountError('weak_password', strength.feedback.join(' '), strength);
	const passwordHash = await hashPassword(input.password);
	return db.transaction(() => {
		const used = sql(db, 'UPDATE one_time_links SET used_at = ? WHERE id = ? AND used_at IS NULL').run(new Date(now).toISOString(), link.id);
		if (used.changes !== 1) throw new AccountError('link_invalid', 'This link was used already');
		let account = link.account;
		let organizationId = link.organization?.id ?? null;
		if (link.purpose === 'bootstrap') {
			if (countAccounts(db) > 0) throw new AccountError('already_set_up', 'The first account exists already');
			const org = findOrCreateOrganization(db, input.organizationName ?? '');
			account = createAccount(db, login, name);
			addMembership(db, org.id, account.id, 'admin');
			organizationId = org.id;
		}
		if (!account) throw new AccountError('link_invalid', 'This link has no account');
		sql(db, 'UPDATE accounts SET name = ?, password_hash = ? WHERE id = ?').run(name, passwordHash, account.id);
		let detail = '';
		if (link.purpose === 'reset') {
			sql(db, 'UPDATE auth_sessions SET revoked_at = ? WHERE account_id = ? AND revoked_at IS NULL').run(new Date(now).toISOString(), account.id);
			// A reset is how an account is taken back: a passkey someone else added must not outlive it.
			const removed = sql(db, 'DELETE FROM passkeys WHERE account_id = ?').run(account.id).changes;
			if (removed) detail = `passkeys removed: ${removed}`;
		}
		const action = link.purpose === 'invite' ? 'member.joined' : link.purpose === 'reset' ? 'password.reset_done' : 'account.setup';
		audit.record(db, { organizationId, accountId: account.id, action, subject: loginOf(account), detail, address });
		return byId(db, account.id)!;
	})();
}

/**
 * `npm run admin -- create-user`: the organization (found by name or created), an admin account
 * without a password, and the setup link through which its owner chooses one.
 */
export function createAdminWithSetupLink(db: Db, input: { organization: string; login: string; name: string }) {
	return db.transaction(() => {
		const org = findOrCreateOrganization(db, input.organization);
		const account = createAccount(db, input.login, input.name);
		addMembership(db, org.id, account.id, 'admin');
		const token = issueLink(db, { purpose: 'setup', accountId: account.id, organizationId: org.id, createdBy: null });
		audit.record(db, { organizationId: org.id, accountId: null, action: 'member.invited', subject: loginOf(account), detail: 'admin (command line)' });
		return { organization: org, account, token };
	})();
}

/** On a start with no account at all: a bootstrap link for the server log, or null. */
export function bootstrapLinkIfEmpty(db: Db): string | null {
	if (countAccounts(db) > 0) return null;
	return issueLink(db, { purpose: 'bootstrap', accountId: null, organizationId: null, createdBy: null });
}

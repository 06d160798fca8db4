/**
 * Organizations, accounts, memberships and the one-time links (setup, invite, password reset)
 * through which a person chooses their password. No e-mail server is assumed: a link is printed
 * or shown to the admin, who shares it (WhatsApp). Only the links' hashes are stored.
 */
import { sql } from 'kysely';
import { isUniqueViolation, type Database } from '../db/store';
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

export async function byLogin(db: Database, login: string): Promise<AccountRow | undefined> {
	let parsed: ReturnType<typeof parseLogin>;
	try {
		parsed = parseLogin(login);
	} catch {
		return undefined;
	}
	const query = db.selectFrom('accounts').selectAll();
	if ('email' in parsed) return query.where('email', '=', parsed.email).executeTakeFirst();
	return query.where('username', '=', parsed.username).executeTakeFirst();
}

const byIdQuery = (db: Database, id: string) => db.selectFrom('accounts').selectAll().where('id', '=', id);

export function byId(db: Database, id: string): Promise<AccountRow | undefined> {
	return byIdQuery(db, id).executeTakeFirst();
}

export async function countAccounts(db: Database): Promise<number> {
	const { n } = await db.selectFrom('accounts').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
	return Number(n);
}

export function organization(db: Database, id: string): Promise<Organization | undefined> {
	return db.selectFrom('organizations').select(['id', 'name']).where('id', '=', id).executeTakeFirst();
}

export async function findOrCreateOrganization(db: Database, name: string): Promise<Organization> {
	const clean = name.trim().replace(/\s+/g, ' ');
	if (clean.length < 2 || clean.length > 150) throw new AccountError('invalid_name', 'An organization name has 2–150 characters');
	// lower() on both sides, by the engine: the same names match as under SQLite's former COLLATE NOCASE.
	const found = await db
		.selectFrom('organizations')
		.select(['id', 'name'])
		.where(sql`lower(name)`, '=', sql`lower(${clean})`)
		.executeTakeFirst();
	if (found) return found;
	const org = { id: newId(), name: clean };
	await db.insertInto('organizations').values({ ...org, created_at: new Date().toISOString() }).execute();
	return org;
}

/** A new account without a password (it gets one through a link); the login must be free. */
export async function createAccount(db: Database, login: string, name = ''): Promise<AccountRow> {
	const parsed = parseLogin(login);
	if (await byLogin(db, login)) throw new AccountError('login_taken', 'This e-mail address or username already has an account');
	const row: AccountRow = {
		id: newId(),
		email: 'email' in parsed ? parsed.email : null,
		username: 'username' in parsed ? parsed.username : null,
		name: name ? cleanName(name) : '',
		password_hash: null,
		created_at: new Date().toISOString()
	};
	// Two invitations of one login at once (two nodes): the unique index refuses the second.
	await db
		.insertInto('accounts')
		.values(row)
		.execute()
		.catch((error: unknown) => {
			throw isUniqueViolation(error) ? new AccountError('login_taken', 'This e-mail address or username already has an account') : error;
		});
	return row;
}

export async function addMembership(db: Database, organizationId: string, accountId: string, role: OrgRole): Promise<void> {
	await db
		.insertInto('memberships')
		.values({ organization_id: organizationId, account_id: accountId, role, created_at: new Date().toISOString() })
		.execute();
}

/** A new one-time link; earlier unused links of the same account and purpose stop working. */
export async function issueLink(
	db: Database,
	input: { purpose: LinkPurpose; accountId: string | null; organizationId: string | null; createdBy: string | null },
	now = Date.now()
): Promise<string> {
	const token = newSecret();
	const at = new Date(now).toISOString();
	const live = db.updateTable('one_time_links').set({ expires_at: at }).where('used_at', 'is', null).where('expires_at', '>', at);
	if (input.accountId) await live.where('account_id', '=', input.accountId).execute();
	if (input.purpose === 'bootstrap') await live.where('purpose', '=', 'bootstrap').execute();
	await db
		.insertInto('one_time_links')
		.values({
			id: newId(),
			token_hash: hashSecret(token),
			purpose: input.purpose,
			account_id: input.accountId,
			organization_id: input.organizationId,
			created_by: input.createdBy,
			created_at: at,
			expires_at: new Date(now + LINK_TTL_MS).toISOString()
		})
		.execute();
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
export async function openLink(db: Database, token: string, now = Date.now()): Promise<LinkView | undefined> {
	if (!token || token.length > 100) return undefined;
	const row = await db.selectFrom('one_time_links').selectAll().where('token_hash', '=', hashSecret(token)).executeTakeFirst();
	if (!row || row.used_at || Date.parse(row.expires_at) <= now) return undefined;
	if (row.purpose === 'bootstrap' && (await countAccounts(db)) > 0) return undefined;
	return {
		id: row.id,
		purpose: row.purpose,
		account: row.account_id ? ((await byId(db, row.account_id)) ?? null) : null,
		organization: row.organization_id ? ((await organization(db, row.organization_id)) ?? null) : null,
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
 * The password is hashed before the transaction: nothing but queries is awaited inside one.
 */
export async function completeLink(db: Database, token: string, input: CompleteInput, address = '', now = Date.now()): Promise<AccountRow> {
	const link = await openLink(db, token, now);
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
	return db.transaction().execute(async (trx) => {
		const at = new Date(now).toISOString();
		const used = await trx.updateTable('one_time_links').set({ used_at: at }).where('id', '=', link.id).where('used_at', 'is', null).executeTakeFirst();
		if (Number(used.numUpdatedRows) !== 1) throw new AccountError('link_invalid', 'This link was used already');
		let account = link.account;
		let organizationId = link.organization?.id ?? null;
		if (link.purpose === 'bootstrap') {
			if ((await countAccounts(trx)) > 0) throw new AccountError('already_set_up', 'The first account exists already');
			const org = await findOrCreateOrganization(trx, input.organizationName ?? '');
			account = await createAccount(trx, login, name);
			await addMembership(trx, org.id, account.id, 'admin');
			organizationId = org.id;
		}
		if (!account) throw new AccountError('link_invalid', 'This link has no account');
		await trx.updateTable('accounts').set({ name, password_hash: passwordHash }).where('id', '=', account.id).execute();
		let detail = '';
		if (link.purpose === 'reset') {
			await trx.updateTable('auth_sessions').set({ revoked_at: at }).where('account_id', '=', account.id).where('revoked_at', 'is', null).execute();
			// A reset is how an account is taken back: a passkey someone else added must not outlive it.
			const removed = Number((await trx.deleteFrom('passkeys').where('account_id', '=', account.id).executeTakeFirst()).numDeletedRows);
			if (removed) detail = `passkeys removed: ${removed}`;
		}
		const action = link.purpose === 'invite' ? 'member.joined' : link.purpose === 'reset' ? 'password.reset_done' : 'account.setup';
		await audit.add(trx, { organizationId, accountId: account.id, action, subject: loginOf(account), detail, address });
		return (await byId(trx, account.id))!;
	});
}

/**
 * `npm run admin -- create-user`: the organization (found by name or created), an admin account
 * without a password, and the setup link through which its owner chooses one.
 */
export function createAdminWithSetupLink(db: Database, input: { organization: string; login: string; name: string }) {
	return db.transaction().execute(async (trx) => {
		const org = await findOrCreateOrganization(trx, input.organization);
		const account = await createAccount(trx, input.login, input.name);
		await addMembership(trx, org.id, account.id, 'admin');
		const token = await issueLink(trx, { purpose: 'setup', accountId: account.id, organizationId: org.id, createdBy: null });
		await audit.add(trx, { organizationId: org.id, accountId: null, action: 'member.invited', subject: loginOf(account), detail: 'admin (command line)' });
		return { organization: org, account, token };
	});
}

/** On a start with no account at all: a bootstrap link for the server log, or null. */
export async function bootstrapLinkIfEmpty(db: Database): Promise<string | null> {
	if ((await countAccounts(db)) > 0) return null;
	return issueLink(db, { purpose: 'bootstrap', accountId: null, organizationId: null, createdBy: null });
}

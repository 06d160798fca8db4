/**
 * Accounts and organizations: hashing, strength, links, sign-in sessions, limits, audit and member
 * roles, on both engines (SQLite and PostgreSQL, see $lib/testing/engines). Sessions, claims and
 * console grants are in access.spec.ts.
 */
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { forEachEngine } from '$lib/testing/engines';
import { GOOD_PASSWORD as GOOD, orgWithAdmin } from '$lib/testing/orgs';
import * as access from './access';
import * as accounts from './accounts';
import * as audit from './audit';
import * as auth from './auth';
import * as members from './members';
import { checkStrength, hashPassword, verifyPassword } from './passwords';
import { SIGNIN_LIMITS, SignInLimiter } from './signin-limits';
import { run } from './cli';

const limiter = () => new SignInLimiter();

describe('passwords', () => {
	it('hashes with Argon2id, verifies the right password only, and salts every hash', async () => {
		const a = await hashPassword(GOOD);
		const b = await hashPassword(GOOD);
		expect(a).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
		expect(a).not.toBe(b);
		expect(await verifyPassword(a, GOOD)).toBe(true);
		expect(await verifyPassword(a, `${GOOD}!`)).toBe(false);
		expect(await verifyPassword('not-a-hash', GOOD)).toBe(false);
	});

	it('refuses short, common and Indonesian-dictionary passwords with Indonesian advice, and accepts a long passphrase', () => {
		expect(checkStrength('pendek').ok).toBe(false);
		expect(checkStrength('pendek').feedback[0]).toMatch(/minimal 10 karakter/);
		const common = checkStrength('password123');
		expect(common.ok).toBe(false);
		const indonesian = checkStrength('selamatpagi');
		expect(indonesian.ok).toBe(false);
		expect(indonesian.feedback.join(' ')).toMatch(/kata|sandi|tebak/i);
		expect(checkStrength('kutaikartanegara', ['Kutai Kartanegara']).ok).toBe(false);
		expect(checkStrength(GOOD).ok).toBe(true);
	});
});

describe('sign-in limits', () => {
	it('a venue address: many people mistyping once each are never held up; the right password costs nothing', () => {
		const l = limiter();
		const now = Date.now();
		for (let i = 0; i < 200; i++) l.failed(`peserta${i}`, 'venue-nat', now);
		expect(l.retryAfterS('orang-lain', 'venue-nat', now)).toBe(0);
		for (let i = 0; i < SIGNIN_LIMITS.address.capacity; i++) l.failed(`x${i}`, 'sprayer', now);
		expect(l.retryAfterS('siapa', 'sprayer', now)).toBe(1);
	});

	it('bounds guessing one account from many addresses', () => {
		const l = limiter();
		const now = Date.now();
		for (let i = 0; i < SIGNIN_LIMITS.account.capacity; i++) l.failed('target', `bot${i}`, now);
		expect(l.retryAfterS('target', 'bot-new', now)).toBe(10);
		expect(l.retryAfterS('other', 'bot-new', now)).toBe(0);
	});

	it('in a cluster, failures counted on one node are spent on the others: one allowance for a guesser spread over nodes', () => {
		const [a, b] = [limiter(), limiter()];
		const now = Date.now();
		// B hears at the same instant: on its own clock a busy machine's later millisecond would round the wait up to 31 s.
		a.share((failure) => b.heardFailure(failure, now));
		for (let i = 0; i < SIGNIN_LIMITS.accountAddress.capacity; i++) a.failed(' Admin@Kukar.go.id', 'laptop', now);
		// The same person and address, on node B: already out of free tries, told to wait 30 s.
		expect(b.retryAfterS('admin@kukar.go.id', 'laptop', now)).toBe(30);
		expect(b.retryAfterS('admin@kukar.go.id', 'other-laptop', now)).toBe(0);
		// What B hears it does not tell again (no echo between the nodes).
		let told = 0;
		b.share(() => told++);
		b.heardFailure({ login: 'x', address: 'y' }, now);
		expect(told).toBe(0);
	});
});

forEachEngine(({ store }) => {
	const db = () => store().db;

	describe('one-time links', () => {
		it('setup link: used once, then dead; the name and password are set; bad input changes nothing', async () => {
			const { token, account } = await accounts.createAdminWithSetupLink(db(), { organization: 'DPMD Paser', login: 'Admin@Paser.go.id', name: 'Budi' });
			expect(account.email).toBe('admin@paser.go.id');
			await expect(accounts.completeLink(db(), token, { name: 'Budi', password: 'password123' })).rejects.toMatchObject({ code: 'weak_password' });
			expect((await accounts.byId(db(), account.id))!.password_hash).toBeNull();
			expect(await accounts.openLink(db(), token)).toBeDefined();
			await accounts.completeLink(db(), token, { name: 'Budi Santoso', password: GOOD });
			expect((await accounts.byId(db(), account.id))!.name).toBe('Budi Santoso');
			expect(await accounts.openLink(db(), token)).toBeUndefined();
			await expect(accounts.completeLink(db(), token, { name: 'X Y', password: GOOD })).rejects.toMatchObject({ code: 'link_invalid' });
		});

		it('expires after 7 days, and a newer link replaces an older one', async () => {
			const { token, account, organization } = await accounts.createAdminWithSetupLink(db(), { organization: 'DPMD Paser', login: 'adm', name: 'Budi' });
			expect(await accounts.openLink(db(), token, Date.now() + accounts.LINK_TTL_MS + 1000)).toBeUndefined();
			const newer = await accounts.issueLink(db(), { purpose: 'setup', accountId: account.id, organizationId: organization.id, createdBy: null });
			expect(await accounts.openLink(db(), token)).toBeUndefined();
			expect((await accounts.openLink(db(), newer))?.account?.id).toBe(account.id);
		});

		it('the bootstrap link exists only while there is no account, and makes the first admin', async () => {
			const token = (await accounts.bootstrapLinkIfEmpty(db()))!;
			const account = await accounts.completeLink(db(), token, { name: 'Rina', password: GOOD, organizationName: 'Bappeda Samarinda', login: 'rina' });
			expect(await access.membership(db(), account.id)).toMatchObject({ role: 'admin', organizationName: 'Bappeda Samarinda' });
			expect(await accounts.bootstrapLinkIfEmpty(db())).toBeNull();
		});

		it('the command line never takes a password and prints a setup link', async () => {
			await expect(run(db(), ['create-user', '--org', 'DPMD', '--email', 'a@b.id', '--name', 'A', '--password', 'x'])).rejects.toThrow(/never/);
			const lines = await run(db(), ['create-user', '--org', 'DPMD Kukar', '--email', 'a@b.id', '--name', 'Ani'], { PUBLIC_URL: 'https://rembuk.example' });
			expect(lines.at(-1)).toMatch(/^https:\/\/rembuk\.example\/akun\/tautan\/[A-Za-z0-9_-]{43}$/);
			await expect(run(db(), ['create-user', '--org', 'DPMD Kukar', '--email', 'a@b.id', '--name', 'Ani'])).rejects.toThrow(/already/);
		});

		it('finds an organization by its name whatever the case, and keeps one login per person whatever the case', async () => {
			const first = await accounts.findOrCreateOrganization(db(), 'DPMD Kabupaten Paser');
			expect(await accounts.findOrCreateOrganization(db(), 'dpmd kabupaten PASER')).toEqual(first);
			await accounts.createAccount(db(), 'Budi@Paser.go.id');
			await expect(accounts.createAccount(db(), 'budi@paser.go.id')).rejects.toMatchObject({ code: 'login_taken' });
			// Even written past the module, the database refuses a second spelling of one login.
			await expect(db().insertInto('accounts').values({ id: 'x', email: 'BUDI@paser.go.id', username: null, created_at: 'now' }).execute()).rejects.toThrow();
			// Two invitations of one login racing (two nodes): the second is refused as taken, not as a crash.
			const racing = await Promise.allSettled([accounts.createAccount(db(), 'ani@paser.go.id'), accounts.createAccount(db(), 'ani@paser.go.id')]);
			expect(racing.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
			expect(racing.find((r) => r.status === 'rejected')).toMatchObject({ reason: { code: 'login_taken' } });
		});
	});

	describe('sign-in sessions', () => {
		it('signs in with e-mail or username, a new session each time, stored only as a hash', async () => {
			await orgWithAdmin(db());
			const first = await auth.signIn(db(), { login: 'ADMIN@kukar.go.id', password: GOOD, address: '10.0.0.1' }, limiter());
			const second = await auth.signIn(db(), { login: 'admin@kukar.go.id', password: GOOD, address: '10.0.0.1' }, limiter());
			expect(first.ok && second.ok).toBe(true);
			if (!first.ok || !second.ok) return;
			expect(first.token).not.toBe(second.token);
			expect(JSON.stringify(await db().selectFrom('auth_sessions').selectAll().execute())).not.toContain(first.token);
			expect((await auth.resolve(db(), first.token))?.account.email).toBe('admin@kukar.go.id');
			expect(await auth.resolve(db(), 'not-a-token')).toBeNull();
		});

		it('refuses a wrong password and an unknown login alike', async () => {
			await orgWithAdmin(db());
			expect(await auth.signIn(db(), { login: 'admin@kukar.go.id', password: 'salah sekali', address: 'a' }, limiter())).toEqual({ ok: false, reason: 'invalid' });
			expect(await auth.signIn(db(), { login: 'nobody@kukar.go.id', password: GOOD, address: 'a' }, limiter())).toEqual({ ok: false, reason: 'invalid' });
		});

		it('signs out one session, or every session of the account', async () => {
			await orgWithAdmin(db());
			const tokens = await Promise.all([1, 2, 3].map(() => auth.signIn(db(), { login: 'admin@kukar.go.id', password: GOOD, address: 'a' }, limiter())));
			const [a, b, c] = tokens.map((t) => (t.ok ? t.token : ''));
			await auth.signOut(db(), (await auth.resolve(db(), a))!);
			expect(await auth.resolve(db(), a)).toBeNull();
			expect(await auth.resolve(db(), b)).not.toBeNull();
			expect(await auth.signOutEverywhere(db(), (await auth.resolve(db(), b))!.account)).toBe(2);
			expect(await auth.resolve(db(), b)).toBeNull();
			expect(await auth.resolve(db(), c)).toBeNull();
		});

		it('ends a session idle for 7 days or older than 30', async () => {
			const { admin } = await orgWithAdmin(db());
			const now = Date.now();
			const token = await auth.startSession(db(), admin.accountId, '', '', now);
			expect(await auth.resolve(db(), token, now + auth.IDLE_TTL_MS - 60_000)).not.toBeNull();
			expect(await auth.resolve(db(), token, now + auth.IDLE_TTL_MS * 2 - 120_000)).not.toBeNull(); // touched above
			expect(await auth.resolve(db(), token, now + auth.ABSOLUTE_TTL_MS + 1)).toBeNull();
			const idle = await auth.startSession(db(), admin.accountId, '', '', now);
			expect(await auth.resolve(db(), idle, now + auth.IDLE_TTL_MS + 1)).toBeNull();
		});

		it('a password reset signs the account out everywhere', async () => {
			const { admin, add } = await orgWithAdmin(db());
			const org = await add('fasil', 'facilitator');
			const signed = await auth.signIn(db(), { login: 'fasil', password: GOOD, address: 'a' }, limiter());
			const link = await members.resetPassword(db(), admin, org.accountId);
			await accounts.completeLink(db(), link, { name: 'Fasil', password: 'Teluk Balikpapan senja ungu 42' });
			expect(signed.ok && (await auth.resolve(db(), signed.token))).toBeNull();
			expect((await auth.signIn(db(), { login: 'fasil', password: 'Teluk Balikpapan senja ungu 42', address: 'a' }, limiter())).ok).toBe(true);
		});

		it('slows one address guessing one account, without touching the right password from another address', async () => {
			await orgWithAdmin(db());
			const l = limiter();
			const now = Date.now();
			for (let i = 0; i < SIGNIN_LIMITS.accountAddress.capacity; i++) l.failed('admin@kukar.go.id', 'guesser', now);
			const blocked = await auth.signIn(db(), { login: 'admin@kukar.go.id', password: GOOD, address: 'guesser' }, l, now);
			expect(blocked).toMatchObject({ ok: false, reason: 'rate_limited' });
			expect(l.retryAfterS('admin@kukar.go.id', 'guesser', now)).toBe(30);
			expect(l.retryAfterS('admin@kukar.go.id', 'guesser', now + 30_000)).toBe(0);
			expect((await auth.signIn(db(), { login: 'admin@kukar.go.id', password: GOOD, address: 'office' }, l, now)).ok).toBe(true);
		});
	});

	describe('audit log', () => {
		it('records sign-ins, failures, invites and role changes, and refuses any edit or deletion', async () => {
			const { admin, organization, add } = await orgWithAdmin(db());
			const org = await add('org1', 'organizer');
			await members.changeRole(db(), admin, org.accountId, 'facilitator', '10.1.1.1');
			await auth.signIn(db(), { login: 'admin@kukar.go.id', password: 'salah salah salah', address: '10.9.9.9' }, limiter());
			const actions = (await audit.list(db(), organization.id)).map((e) => e.action);
			expect(actions).toEqual(expect.arrayContaining(['member.invited', 'member.joined', 'member.role_changed', 'signin.failed', 'account.setup']));
			expect((await audit.list(db(), organization.id)).find((e) => e.action === 'signin.failed')?.address).toBe('10.9.9.9');
			await auth.signIn(db(), { login: 'siapa@entah.id', password: 'salah salah salah', address: '10.9.9.8' }, limiter());
			const unknown = await db().selectFrom('org_audit').select(['organization_id', 'subject', 'address']).where('subject', '=', 'siapa@entah.id').executeTakeFirst();
			expect(unknown).toEqual({ organization_id: null, subject: 'siapa@entah.id', address: '10.9.9.8' });
			await expect(sql`UPDATE org_audit SET action = 'x'`.execute(db())).rejects.toThrow(/append-only/);
			await expect(sql`DELETE FROM org_audit`.execute(db())).rejects.toThrow(/append-only/);
		});
	});

	describe('roles', () => {
		it('an organizer or a facilitator cannot manage members; the last admin cannot be removed or demoted', async () => {
			const { admin, add } = await orgWithAdmin(db());
			const organizer = await add('org1', 'organizer');
			const facilitator = await add('fas1', 'facilitator');
			for (const m of [organizer, facilitator]) {
				await expect(members.list(db(), m)).rejects.toThrow(access.AccessDenied);
				await expect(members.invite(db(), m, { login: 'baru', role: 'admin' })).rejects.toThrow(access.AccessDenied);
				await expect(members.changeRole(db(), m, m.accountId, 'admin')).rejects.toThrow(access.AccessDenied);
			}
			await expect(members.changeRole(db(), admin, admin.accountId, 'organizer')).rejects.toThrow(/at least one admin/);
			await expect(members.remove(db(), admin, admin.accountId)).rejects.toThrow(/at least one admin/);
		});

		it('lists only the organization’s own members, and removes only them', async () => {
			const kukar = await orgWithAdmin(db());
			const paser = await orgWithAdmin(db(), 'DPMD Kabupaten Paser', 'admin@paser.go.id');
			const fas = await kukar.add('fas1', 'facilitator');
			expect((await members.list(db(), paser.admin)).map((m) => m.login)).toEqual(['admin@paser.go.id']);
			expect((await members.list(db(), kukar.admin)).map((m) => [m.login, m.role, m.active])).toEqual([
				['admin@kukar.go.id', 'admin', true],
				['fas1', 'facilitator', true]
			]);
			expect((await members.facilitators(db(), kukar.admin)).map((f) => f.login)).toEqual(['fas1']);
			await expect(members.remove(db(), paser.admin, fas.accountId)).rejects.toThrow(/not a member/);
			await members.remove(db(), kukar.admin, fas.accountId);
			expect(await access.membership(db(), fas.accountId)).toBeUndefined();
		});
	});
});

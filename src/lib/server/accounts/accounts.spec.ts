/** Accounts and organizations: hashing, strength, links, sign-in sessions, limits, audit, isolation, claim, console grants. */
import { describe, expect, it } from 'vitest';
import { createSession, freshDb, must } from '$lib/testing/server';
import type { Db } from '../db/database';
import { authenticate } from '../realtime/authenticate';
import * as access from './access';
import * as accounts from './accounts';
import * as audit from './audit';
import * as auth from './auth';
import { checkStrength, hashPassword, verifyPassword } from './passwords';
import { SIGNIN_LIMITS, SignInLimiter } from './signin-limits';
import { run } from './cli';

const GOOD = 'Sungai Mahakam pagi berkabut 7';

/** An organization with an active admin, and a helper to add active members in a role. */
async function orgWithAdmin(db: Db, name = 'DPMD Kabupaten Kutai Kartanegara', login = 'admin@kukar.go.id') {
	const { organization, account, token } = accounts.createAdminWithSetupLink(db, { organization: name, login, name: 'Rina Admin' });
	await accounts.completeLink(db, token, { name: 'Rina Admin', password: GOOD });
	const admin = access.membership(db, account.id)!;
	const add = async (memberLogin: string, role: accounts.OrgRole) => {
		const invite = access.invite(db, admin, { login: memberLogin, role });
		const joined = await accounts.completeLink(db, invite, { name: `Anggota ${role}`, password: GOOD });
		return access.membership(db, joined.id)!;
	};
	return { organization, admin, add };
}

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

describe('one-time links', () => {
	it('setup link: used once, then dead; the name and password are set; bad input changes nothing', async () => {
		const db = freshDb();
		const { token, account } = accounts.createAdminWithSetupLink(db, { organization: 'DPMD Paser', login: 'Admin@Paser.go.id', name: 'Budi' });
		expect(account.email).toBe('admin@paser.go.id');
		await expect(accounts.completeLink(db, token, { name: 'Budi', password: 'password123' })).rejects.toMatchObject({ code: 'weak_password' });
		expect(accounts.byId(db, account.id)!.password_hash).toBeNull();
		expect(accounts.openLink(db, token)).toBeDefined();
		await accounts.completeLink(db, token, { name: 'Budi Santoso', password: GOOD });
		expect(accounts.byId(db, account.id)!.name).toBe('Budi Santoso');
		expect(accounts.openLink(db, token)).toBeUndefined();
		await expect(accounts.completeLink(db, token, { name: 'X Y', password: GOOD })).rejects.toMatchObject({ code: 'link_invalid' });
	});

	it('expires after 7 days, and a newer link replaces an older one', async () => {
		const db = freshDb();
		const { token, account, organization } = accounts.createAdminWithSetupLink(db, { organization: 'DPMD Paser', login: 'adm', name: 'Budi' });
		expect(accounts.openLink(db, token, Date.now() + accounts.LINK_TTL_MS + 1000)).toBeUndefined();
		const newer = accounts.issueLink(db, { purpose: 'setup', accountId: account.id, organizationId: organization.id, createdBy: null });
		expect(accounts.openLink(db, token)).toBeUndefined();
		expect(accounts.openLink(db, newer)?.account?.id).toBe(account.id);
	});

	it('the bootstrap link exists only while there is no account, and makes the first admin', async () => {
		const db = freshDb();
		const token = accounts.bootstrapLinkIfEmpty(db)!;
		const account = await accounts.completeLink(db, token, { name: 'Rina', password: GOOD, organizationName: 'Bappeda Samarinda', login: 'rina' });
		expect(access.membership(db, account.id)).toMatchObject({ role: 'admin', organizationName: 'Bappeda Samarinda' });
		expect(accounts.bootstrapLinkIfEmpty(db)).toBeNull();
	});

	it('the command line never takes a password and prints a setup link', () => {
		const db = freshDb();
		expect(() => run(db, ['create-user', '--org', 'DPMD', '--email', 'a@b.id', '--name', 'A', '--password', 'x'])).toThrow(/never/);
		const lines = run(db, ['create-user', '--org', 'DPMD Kukar', '--email', 'a@b.id', '--name', 'Ani'], { PUBLIC_URL: 'https://rembuk.example' });
		expect(lines.at(-1)).toMatch(/^https:\/\/rembuk\.example\/akun\/tautan\/[A-Za-z0-9_-]{43}$/);
		expect(() => run(db, ['create-user', '--org', 'DPMD Kukar', '--email', 'a@b.id', '--name', 'Ani'])).toThrow(/already/);
	});
});

describe('sign-in sessions', () => {
	it('signs in with e-mail or username, a new session each time, stored only as a hash', async () => {
		const db = freshDb();
		await orgWithAdmin(db);
		const first = await auth.signIn(db, { login: 'ADMIN@kukar.go.id', password: GOOD, address: '10.0.0.1' }, limiter());
		const second = await auth.signIn(db, { login: 'admin@kukar.go.id', password: GOOD, address: '10.0.0.1' }, limiter());
		expect(first.ok && second.ok).toBe(true);
		if (!first.ok || !second.ok) return;
		expect(first.token).not.toBe(second.token);
		expect(JSON.stringify(db.prepare('SELECT * FROM auth_sessions').all())).not.toContain(first.token);
		expect(auth.resolve(db, first.token)?.account.email).toBe('admin@kukar.go.id');
		expect(auth.resolve(db, 'not-a-token')).toBeNull();
	});

	it('refuses a wrong password and an unknown login alike', async () => {
		const db = freshDb();
		await orgWithAdmin(db);
		expect(await auth.signIn(db, { login: 'admin@kukar.go.id', password: 'salah sekali', address: 'a' }, limiter())).toEqual({ ok: false, reason: 'invalid' });
		expect(await auth.signIn(db, { login: 'nobody@kukar.go.id', password: GOOD, address: 'a' }, limiter())).toEqual({ ok: false, reason: 'invalid' });
	});

	it('signs out one session, or every session of the account', async () => {
		const db = freshDb();
		await orgWithAdmin(db);
		const tokens = await Promise.all([1, 2, 3].map(() => auth.signIn(db, { login: 'admin@kukar.go.id', password: GOOD, address: 'a' }, limiter())));
		const [a, b, c] = tokens.map((t) => (t.ok ? t.token : ''));
		auth.signOut(db, auth.resolve(db, a)!);
		expect(auth.resolve(db, a)).toBeNull();
		expect(auth.resolve(db, b)).not.toBeNull();
		expect(auth.signOutEverywhere(db, auth.resolve(db, b)!.account)).toBe(2);
		expect(auth.resolve(db, b)).toBeNull();
		expect(auth.resolve(db, c)).toBeNull();
	});

	it('ends a session idle for 7 days or older than 30', async () => {
		const db = freshDb();
		const { admin } = await orgWithAdmin(db);
		const now = Date.now();
		const token = auth.startSession(db, admin.accountId, '', '', now);
		expect(auth.resolve(db, token, now + auth.IDLE_TTL_MS - 60_000)).not.toBeNull();
		expect(auth.resolve(db, token, now + auth.IDLE_TTL_MS * 2 - 120_000)).not.toBeNull(); // touched above
		expect(auth.resolve(db, token, now + auth.ABSOLUTE_TTL_MS + 1)).toBeNull();
		const idle = auth.startSession(db, admin.accountId, '', '', now);
		expect(auth.resolve(db, idle, now + auth.IDLE_TTL_MS + 1)).toBeNull();
	});

	it('a password reset signs the account out everywhere', async () => {
		const db = freshDb();
		const { admin, add } = await orgWithAdmin(db);
		const org = await add('fasil', 'facilitator');
		const signed = await auth.signIn(db, { login: 'fasil', password: GOOD, address: 'a' }, limiter());
		const link = access.resetPassword(db, admin, org.accountId);
		await accounts.completeLink(db, link, { name: 'Fasil', password: 'Teluk Balikpapan senja ungu 42' });
		expect(signed.ok && auth.resolve(db, signed.token)).toBeNull();
		expect((await auth.signIn(db, { login: 'fasil', password: 'Teluk Balikpapan senja ungu 42', address: 'a' }, limiter())).ok).toBe(true);
	});
});

describe('sign-in limits', () => {
	it('slows one address guessing one account, without touching the right password from another address', async () => {
		const db = freshDb();
		await orgWithAdmin(db);
		const l = limiter();
		const now = Date.now();
		for (let i = 0; i < SIGNIN_LIMITS.accountAddress.capacity; i++) l.failed('admin@kukar.go.id', 'guesser', now);
		const blocked = await auth.signIn(db, { login: 'admin@kukar.go.id', password: GOOD, address: 'guesser' }, l, now);
		expect(blocked).toMatchObject({ ok: false, reason: 'rate_limited' });
		expect(l.retryAfterS('admin@kukar.go.id', 'guesser', now)).toBe(30);
		expect(l.retryAfterS('admin@kukar.go.id', 'guesser', now + 30_000)).toBe(0);
		expect((await auth.signIn(db, { login: 'admin@kukar.go.id', password: GOOD, address: 'office' }, l, now)).ok).toBe(true);
	});

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
});

describe('audit log', () => {
	it('records sign-ins, failures, invites and role changes, and refuses any edit or deletion', async () => {
		const db = freshDb();
		const { admin, organization, add } = await orgWithAdmin(db);
		const org = await add('org1', 'organizer');
		access.changeRole(db, admin, org.accountId, 'facilitator', '10.1.1.1');
		await auth.signIn(db, { login: 'admin@kukar.go.id', password: 'salah salah salah', address: '10.9.9.9' }, limiter());
		const actions = audit.list(db, organization.id).map((e) => e.action);
		expect(actions).toEqual(expect.arrayContaining(['member.invited', 'member.joined', 'member.role_changed', 'signin.failed', 'account.setup']));
		expect(audit.list(db, organization.id).find((e) => e.action === 'signin.failed')?.address).toBe('10.9.9.9');
		await auth.signIn(db, { login: 'siapa@entah.id', password: 'salah salah salah', address: '10.9.9.8' }, limiter());
		expect(db.prepare('SELECT organization_id, subject, address FROM org_audit WHERE subject = ?').get('siapa@entah.id')).toEqual({
			organization_id: null,
			subject: 'siapa@entah.id',
			address: '10.9.9.8'
		});
		expect(() => db.prepare("UPDATE org_audit SET action = 'x'").run()).toThrow(/append-only/);
		expect(() => db.prepare('DELETE FROM org_audit').run()).toThrow(/append-only/);
	});
});

describe('isolation and roles', () => {
	it('an organizer or a facilitator cannot manage members; the last admin cannot be removed or demoted', async () => {
		const db = freshDb();
		const { admin, add } = await orgWithAdmin(db);
		const organizer = await add('org1', 'organizer');
		const facilitator = await add('fas1', 'facilitator');
		for (const m of [organizer, facilitator]) {
			expect(() => access.members(db, m)).toThrow(access.AccessDenied);
			expect(() => access.invite(db, m, { login: 'baru', role: 'admin' })).toThrow(access.AccessDenied);
			expect(() => access.changeRole(db, m, m.accountId, 'admin')).toThrow(access.AccessDenied);
		}
		expect(() => access.changeRole(db, admin, admin.accountId, 'organizer')).toThrow(/at least one admin/);
		expect(() => access.remove(db, admin, admin.accountId)).toThrow(/at least one admin/);
	});

	it('nobody sees or runs another organization’s sessions; a facilitator only the assigned ones', async () => {
		const db = freshDb();
		const kukar = await orgWithAdmin(db);
		const paser = await orgWithAdmin(db, 'DPMD Kabupaten Paser', 'admin@paser.go.id');
		const fas = await kukar.add('fas1', 'facilitator');
		const mine = createSession(db, { title: 'FGD Kukar' });
		const unassigned = createSession(db, { title: 'FGD Kukar 2' });
		const theirs = createSession(db, { title: 'FGD Paser' });
		access.claim(db, kukar.admin, { code: mine.row.code, key: mine.facilitatorKey });
		access.claim(db, kukar.admin, { code: unassigned.row.code, key: unassigned.facilitatorKey });
		access.claim(db, paser.admin, { code: theirs.row.code, key: theirs.facilitatorKey });
		expect(access.sessionsFor(db, kukar.admin).map((s) => s.title).sort()).toEqual(['FGD Kukar', 'FGD Kukar 2']);
		expect(access.sessionsFor(db, paser.admin).map((s) => s.title)).toEqual(['FGD Paser']);
		expect(access.sessionsFor(db, fas)).toEqual([]);
		access.assign(db, kukar.admin, mine.row.code, fas.accountId, true);
		expect(access.sessionsFor(db, fas).map((s) => s.title)).toEqual(['FGD Kukar']);
		expect(() => access.runnableSession(db, fas, unassigned.row.code)).toThrow(access.AccessDenied);
		expect(() => access.runnableSession(db, kukar.admin, theirs.row.code)).toThrow(access.AccessDenied);
		expect(() => access.assign(db, paser.admin, mine.row.code, fas.accountId, true)).toThrow(access.AccessDenied);
		expect(() => access.members(db, paser.admin).map((m) => m.login)).not.toThrow();
		expect(access.members(db, paser.admin).map((m) => m.login)).toEqual(['admin@paser.go.id']);
		expect(() => access.remove(db, paser.admin, fas.accountId)).toThrow(/not a member/);
	});
});

describe('claim', () => {
	it('needs the facilitator key, moves a one-off session in once, and refuses another organization', async () => {
		const db = freshDb();
		const kukar = await orgWithAdmin(db);
		const paser = await orgWithAdmin(db, 'DPMD Kabupaten Paser', 'admin@paser.go.id');
		const s = createSession(db);
		expect(() => access.claim(db, kukar.admin, { code: s.row.code, key: 'salah' })).toThrow(/do not open/);
		expect(() => access.claim(db, kukar.admin, { code: s.row.code, key: s.minutetakerKey })).toThrow(/do not open/);
		const fas = await kukar.add('fas1', 'facilitator');
		expect(() => access.claim(db, fas, { code: s.row.code, key: s.facilitatorKey })).toThrow(access.AccessDenied);
		access.claim(db, kukar.admin, { code: s.row.code, key: s.facilitatorKey });
		access.claim(db, kukar.admin, { code: s.row.code, key: s.facilitatorKey });
		expect(() => access.claim(db, paser.admin, { code: s.row.code, key: s.facilitatorKey })).toThrow(/another organization/);
		expect(audit.list(db, kukar.organization.id).filter((e) => e.action === 'session.claimed')).toHaveLength(1);
	});

	it('reads the facilitator link people paste', () => {
		expect(access.parseClaim('http://192.168.1.5:3000/f/ACD347#key=abc_DEF-123')).toEqual({ code: 'ACD347', key: 'abc_DEF-123' });
		expect(access.parseClaim('https://x/f/acd347#key=k&minutetaker=m')).toEqual({ code: 'ACD347', key: 'k' });
		expect(access.parseClaim('https://x/f/ACD347')).toBeNull();
	});
});

describe('console from an account', () => {
	it('opens the socket as that account, attributes its commands, and dies with the sign-in or the right', async () => {
		const db = freshDb();
		const kukar = await orgWithAdmin(db);
		const fas = await kukar.add('fas1', 'facilitator');
		const s = createSession(db);
		access.claim(db, kukar.admin, { code: s.row.code, key: s.facilitatorKey });
		access.assign(db, kukar.admin, s.row.code, fas.accountId, true);
		const signed = await auth.signIn(db, { login: 'fas1', password: GOOD, address: 'a' }, limiter());
		if (!signed.ok) throw new Error('sign-in failed');
		const authSessionId = auth.resolve(db, signed.token)!.authSessionId;
		const { key } = access.grantConsole(db, fas, authSessionId, s.row.code);
		const outcome = await authenticate(db, { role: 'facilitator', code: s.row.code, key }, 'a');
		expect(outcome).toMatchObject({ ok: true, identity: { role: 'facilitator', accountId: fas.accountId } });
		if (!outcome.ok) return;
		must(db, outcome.identity, { type: 'timer.start', seconds: 300 });
		const last = () => db.prepare('SELECT actor, account_id FROM session_events WHERE session_id = ? ORDER BY seq DESC LIMIT 1').get(s.row.id);
		expect(last()).toEqual({ actor: 'facilitator', account_id: fas.accountId });
		// The secret link keeps working, unattributed.
		const secret = await authenticate(db, { role: 'facilitator', code: s.row.code, key: s.facilitatorKey }, 'a');
		if (!secret.ok) throw new Error('the facilitator link must keep working');
		must(db, secret.identity, { type: 'timer.pause' });
		expect(last()).toEqual({ actor: 'facilitator', account_id: null });
		// A grant does not open another session.
		const other = createSession(db);
		expect(access.facilitatorKeyOpens(db, other.row, key)).toBeNull();
		// Unassigned: gone. Assigned again: back. Signed out everywhere: gone for good.
		access.assign(db, kukar.admin, s.row.code, fas.accountId, false);
		expect(access.facilitatorKeyOpens(db, s.row, key)).toBeNull();
		access.assign(db, kukar.admin, s.row.code, fas.accountId, true);
		expect(access.facilitatorKeyOpens(db, s.row, key)).toEqual({ accountId: fas.accountId });
		expect(access.facilitatorKeyOpens(db, s.row, key, Date.now() + access.GRANT_TTL_MS + 1000)).toBeNull();
		auth.signOutEverywhere(db, accounts.byId(db, fas.accountId)!);
		expect(access.facilitatorKeyOpens(db, s.row, key)).toBeNull();
		expect(() => access.grantConsole(db, fas, authSessionId, createSession(db).row.code)).toThrow(access.AccessDenied);
	});
});

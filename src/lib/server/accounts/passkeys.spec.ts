/** Passkeys: where they work, single-use expiring challenges, registration, sign-in, counters, origins, limits, removal. */
import { describe, expect, it } from 'vitest';
import { forEachEngine } from '$lib/testing/engines';
import { GOOD_PASSWORD as GOOD } from '$lib/testing/orgs';
import { SoftAuthenticator, strayChallenge } from '$lib/testing/soft-authenticator';
import type { Database } from '../db/store';
import * as access from './access';
import * as members from './members';
import * as accounts from './accounts';
import * as audit from './audit';
import * as auth from './auth';
import { CHALLENGE_TTL_MS, ChallengeStore } from './passkey-challenges';
import * as passkeys from './passkeys';
import { SIGNIN_LIMITS, SignInLimiter } from './signin-limits';

const RP = passkeys.relyingParty(new URL('https://rembuk.example.id/akun'))!;

/** An organization's admin, signed in with the password, and the means to hold that sign-in. */
async function signedInAdmin(db: Database, login = 'admin@kukar.go.id') {
	const { organization, account, token } = await accounts.createAdminWithSetupLink(db, {
		organization: 'DPMD Kabupaten Kutai Kartanegara',
		login,
		name: 'Rina Admin'
	});
	await accounts.completeLink(db, token, { name: 'Rina Admin', password: GOOD });
	const session = await auth.startSession(db, account.id);
	const who = (await auth.resolve(db, session))!;
	return { organization, account, who, session };
}

/** A signed-in admin with one registered passkey, and a fresh challenge store and limiter. */
async function withPasskey(db: Database, login?: string) {
	const store = new ChallengeStore();
	const limiter = new SignInLimiter();
	const admin = await signedInAdmin(db, login);
	const device = new SoftAuthenticator(RP.origin);
	const options = await passkeys.registrationOptions(db, admin.who, RP, store);
	const view = await passkeys.register(db, admin.who, RP, { name: 'Laptop kantor', response: device.register(options) }, '10.0.0.1', store);
	const signIn = async (bend: Parameters<SoftAuthenticator['authenticate']>[1] = {}, now = Date.now(), rp = RP) => {
		const request = await passkeys.signInOptions(rp, store, now);
		return passkeys.signIn(db, { response: device.authenticate(request, bend), rp, address: '10.0.0.2' }, limiter, store, now);
	};
	return { db, store, limiter, admin, device, view, signIn };
}

describe('relying party', () => {
	it('is the host over HTTPS or on localhost, and nothing on plain http elsewhere or on an IP address', () => {
		expect(passkeys.relyingParty(new URL('https://rembuk.example.id/masuk'))).toEqual({ id: 'rembuk.example.id', origin: 'https://rembuk.example.id' });
		expect(passkeys.relyingParty(new URL('http://localhost:3000/masuk'))).toEqual({ id: 'localhost', origin: 'http://localhost:3000' });
		expect(passkeys.relyingParty(new URL('http://192.168.1.20:3000/masuk'))).toBeNull();
		expect(passkeys.relyingParty(new URL('http://rembuk.example.id/masuk'))).toBeNull();
		expect(passkeys.relyingParty(new URL('https://192.168.1.20/masuk'))).toBeNull();
		expect(passkeys.relyingParty(new URL('http://127.0.0.1:3000/masuk'))).toBeNull();
		expect(passkeys.relyingParty(new URL('https://[::1]/masuk'))).toBeNull();
	});
});

describe('challenges', () => {
	it('are taken once, and not after they expire', () => {
		const store = new ChallengeStore();
		const now = 1_000_000;
		store.issue('a', { purpose: 'signin', rpId: RP.id, origin: RP.origin }, now);
		store.issue('b', { purpose: 'signin', rpId: RP.id, origin: RP.origin }, now);
		expect(store.take('a', now + 1)?.purpose).toBe('signin');
		expect(store.take('a', now + 2)).toBeUndefined();
		expect(store.take('b', now + CHALLENGE_TTL_MS)).toBeUndefined();
		expect(store.size).toBe(0);
		expect(store.take('never-issued', now)).toBeUndefined();
	});

	it('hold a bounded number, dropping expired ones first and then the oldest', () => {
		const store = new ChallengeStore(3);
		const pending = { purpose: 'signin' as const, rpId: RP.id, origin: RP.origin };
		store.issue('old', pending, 0);
		store.issue('x', pending, CHALLENGE_TTL_MS);
		store.issue('y', pending, CHALLENGE_TTL_MS);
		store.issue('z', pending, CHALLENGE_TTL_MS + 1); // 'old' has expired: it goes
		expect(store.size).toBe(3);
		store.issue('w', pending, CHALLENGE_TTL_MS + 2); // full of live ones: the oldest ('x') goes
		expect(store.take('x', CHALLENGE_TTL_MS + 3)).toBeUndefined();
		expect(store.take('w', CHALLENGE_TTL_MS + 3)).toBeDefined();
	});
});

forEachEngine(({ store }) => {
	const db = () => store().db;

	describe('registering a passkey', () => {
		it('stores the credential (no secret), lists it and records it in the audit log', async () => {
			const { admin, device, view } = await withPasskey(db());
			expect(view).toMatchObject({ id: device.id, name: 'Laptop kantor', lastUsedAt: null });
			expect(await passkeys.list(db(), admin.account.id)).toEqual([view]);
			const row = await db().selectFrom('passkeys').selectAll().where('id', '=', device.id).executeTakeFirstOrThrow();
			expect(row).toMatchObject({ account_id: admin.account.id, counter: 0, transports: '["internal"]', rp_id: 'rembuk.example.id' });
			expect(Buffer.isBuffer(row.public_key)).toBe(true);
			const entry = (await audit.list(db(), admin.organization.id)).find((e) => e.action === 'passkey.added');
			expect(entry).toMatchObject({ subject: 'admin@kukar.go.id', detail: 'Laptop kantor', address: '10.0.0.1' });
		});

		it('needs the challenge of this account and sign-in, unused and unexpired, from the same origin', async () => {
			const store = new ChallengeStore();
			const admin = await signedInAdmin(db());
			const device = new SoftAuthenticator(RP.origin);
			const register = (response: ReturnType<SoftAuthenticator['register']>, who = admin.who, now = Date.now()) =>
				passkeys.register(db(), who, RP, { name: 'HP', response }, '', store, now);

			// A challenge nobody issued.
			await expect(register(device.register({ ...strayChallenge(), user: { id: 'x' } }))).rejects.toMatchObject({ code: 'expired' });
			// Another sign-in of the same account cannot answer this one's challenge.
			const other = (await auth.resolve(db(), await auth.startSession(db(), admin.account.id)))!;
			const options = await passkeys.registrationOptions(db(), admin.who, RP, store);
			await expect(register(device.register(options), other)).rejects.toMatchObject({ code: 'expired' });
			// Taken by that failed try: the right sign-in cannot use it afterwards either.
			await expect(register(device.register(options))).rejects.toMatchObject({ code: 'expired' });
			// Too late.
			const late = await passkeys.registrationOptions(db(), admin.who, RP, store);
			await expect(register(device.register(late), admin.who, Date.now() + CHALLENGE_TTL_MS + 1)).rejects.toMatchObject({ code: 'expired' });
			// Signed for another site.
			const phished = await passkeys.registrationOptions(db(), admin.who, RP, store);
			await expect(register(device.register(phished, { origin: 'https://rembuk-login.example.com' }))).rejects.toMatchObject({ code: 'unverified' });
			// Without user verification (fingerprint, face or PIN).
			const unverified = await passkeys.registrationOptions(db(), admin.who, RP, store);
			await expect(register(device.register(unverified, { verified: false }))).rejects.toMatchObject({ code: 'unverified' });
			// A bad name is refused before the challenge is spent.
			const named = await passkeys.registrationOptions(db(), admin.who, RP, store);
			const answer = device.register(named);
			await expect(passkeys.register(db(), admin.who, RP, { name: '   ', response: answer }, '', store)).rejects.toMatchObject({ code: 'invalid_name' });
			expect(await passkeys.list(db(), admin.account.id)).toEqual([]);
			await register(answer);
			expect(await passkeys.list(db(), admin.account.id)).toHaveLength(1);
			// The same authenticator twice: the browser is told to exclude it, and the server refuses it too.
			const again = await passkeys.registrationOptions(db(), admin.who, RP, store);
			expect(again.excludeCredentials?.map((c) => c.id)).toEqual([device.id]);
			await expect(register(device.register(again))).rejects.toMatchObject({ code: 'duplicate' });
		});
	});

	describe('signing in with a passkey', () => {
		it('makes the same kind of sign-in session as the password, noted as a passkey in the audit log', async () => {
			const { admin, device, signIn } = await withPasskey(db());
			const result = await signIn();
			expect(result.ok).toBe(true);
			if (!result.ok) return;
			expect(result.account.id).toBe(admin.account.id);
			expect((await auth.resolve(db(), result.token))?.account.id).toBe(admin.account.id);
			expect(result.token).not.toBe(admin.session);
			const row = await db().selectFrom('passkeys').select(['counter', 'last_used_at']).where('id', '=', device.id).executeTakeFirstOrThrow();
			expect(row.counter).toBe(1);
			expect(row.last_used_at).toBeTruthy();
			const entry = (await audit.list(db(), admin.organization.id)).find((e) => e.action === 'signin.ok');
			expect(entry).toMatchObject({ accountId: admin.account.id, detail: 'passkey', address: '10.0.0.2' });
		});

		it('refuses a replayed answer: its challenge was taken by the first use', async () => {
			const { store, limiter, device } = await withPasskey(db());
			const options = await passkeys.signInOptions(RP, store);
			const answer = device.authenticate(options);
			expect((await passkeys.signIn(db(), { response: answer, rp: RP, address: 'a' }, limiter, store)).ok).toBe(true);
			expect(await passkeys.signIn(db(), { response: answer, rp: RP, address: 'a' }, limiter, store)).toEqual({ ok: false, reason: 'invalid' });
		});

		it('refuses an answer after the challenge expired, or to a challenge never issued', async () => {
			const { store, limiter, device, signIn } = await withPasskey(db());
			const options = await passkeys.signInOptions(RP, store);
			const late = Date.now() + CHALLENGE_TTL_MS + 1;
			expect(await passkeys.signIn(db(), { response: device.authenticate(options), rp: RP, address: 'a' }, limiter, store, late)).toEqual({ ok: false, reason: 'invalid' });
			expect((await passkeys.signIn(db(), { response: device.authenticate(strayChallenge()), rp: RP, address: 'a' }, limiter, store)).ok).toBe(false);
			expect((await signIn()).ok).toBe(true);
		});

		it('refuses a counter that does not go up (a cloned authenticator) and keeps the stored one', async () => {
			const { device, signIn } = await withPasskey(db());
			expect((await signIn()).ok).toBe(true);
			expect((await signIn()).ok).toBe(true);
			expect(await signIn({ counter: 2 })).toEqual({ ok: false, reason: 'invalid' });
			expect(await signIn({ counter: 1 })).toEqual({ ok: false, reason: 'invalid' });
			expect((await db().selectFrom('passkeys').select('counter').where('id', '=', device.id).executeTakeFirstOrThrow()).counter).toBe(2);
			expect((await signIn({ counter: 7 })).ok).toBe(true);
		});

		it('refuses an answer signed for another origin, or sent to another host than the passkey was made for', async () => {
			const { signIn } = await withPasskey(db());
			expect(await signIn({ origin: 'https://rembuk-login.example.com' })).toEqual({ ok: false, reason: 'invalid' });
			expect(await signIn({ origin: 'http://rembuk.example.id' })).toEqual({ ok: false, reason: 'invalid' });
			const local = passkeys.relyingParty(new URL('http://localhost:3000/masuk'))!;
			expect(await signIn({ origin: local.origin }, Date.now(), local)).toEqual({ ok: false, reason: 'invalid' });
			expect((await signIn()).ok).toBe(true);
		});

		it('refuses a user handle that names another account', async () => {
			const { signIn } = await withPasskey(db());
			expect(await signIn({ userHandle: Buffer.from('someone-else').toString('base64url') })).toEqual({ ok: false, reason: 'invalid' });
		});

		it('counts failures in the password limits, logs them, and refuses while limited', async () => {
			const { admin, signIn } = await withPasskey(db());
			for (let i = 0; i < SIGNIN_LIMITS.accountAddress.capacity; i++) expect(await signIn({ origin: 'https://evil.example' })).toEqual({ ok: false, reason: 'invalid' });
			const limited = await signIn();
			expect(limited).toMatchObject({ ok: false, reason: 'rate_limited' });
			const failed = (await audit.list(db(), admin.organization.id)).filter((e) => e.action === 'signin.failed');
			expect(failed).toHaveLength(SIGNIN_LIMITS.accountAddress.capacity);
			expect(failed[0]).toMatchObject({ detail: 'passkey', subject: 'admin@kukar.go.id' });
		});

		it('refuses an unknown passkey, counting it against its id and the address', async () => {
			const { store, limiter } = await withPasskey(db());
			const stranger = new SoftAuthenticator(RP.origin);
			const options = await passkeys.signInOptions(RP, store);
			expect(await passkeys.signIn(db(), { response: stranger.authenticate(options), rp: RP, address: 'a' }, limiter, store)).toEqual({ ok: false, reason: 'invalid' });
			const logged = await db().selectFrom('org_audit').select(['organization_id', 'detail']).where('action', '=', 'signin.failed').execute();
			expect(logged).toEqual([{ organization_id: null, detail: 'passkey' }]);
		});
	});

	describe('removing passkeys', () => {
		it('refuses sign-in with a removed passkey and ends the sign-ins made with it, but not the remover’s', async () => {
			const { admin, device, signIn } = await withPasskey(db());
			const other = await signIn();
			const current = await signIn();
			if (!other.ok || !current.ok) throw new Error('sign-in failed');
			const remover = (await auth.resolve(db(), current.token))!;
			await expect(passkeys.remove(db(), remover, 'no-such-id')).rejects.toThrow(passkeys.PasskeyError);
			expect(await passkeys.remove(db(), remover, device.id, '10.0.0.3')).toBe('Laptop kantor');
			expect(await passkeys.list(db(), admin.account.id)).toEqual([]);
			expect(await auth.resolve(db(), other.token)).toBeNull();
			expect(await auth.resolve(db(), current.token)).not.toBeNull();
			expect(await auth.resolve(db(), admin.session)).not.toBeNull();
			expect(await signIn()).toEqual({ ok: false, reason: 'invalid' });
			expect((await audit.list(db(), admin.organization.id)).find((e) => e.action === 'passkey.removed')).toMatchObject({ detail: 'Laptop kantor (1)' });
		});

		it('cannot remove another account’s passkey', async () => {
			const { admin, device } = await withPasskey(db());
			const member = (await access.membership(db(), admin.account.id))!;
			const invite = await members.invite(db(), member, { login: 'fasil.tenggarong', role: 'facilitator' });
			const joined = await accounts.completeLink(db(), invite, { name: 'Dedi Fasilitator', password: GOOD });
			const stranger = (await auth.resolve(db(), await auth.startSession(db(), joined.id)))!;
			await expect(passkeys.remove(db(), stranger, device.id)).rejects.toThrow(passkeys.PasskeyError);
			expect(await passkeys.list(db(), admin.account.id)).toHaveLength(1);
		});

		it('sign out everywhere ends passkey sign-ins too; the passkey itself still works afterwards', async () => {
			const { admin, signIn } = await withPasskey(db());
			const result = await signIn();
			if (!result.ok) throw new Error('sign-in failed');
			await auth.signOutEverywhere(db(), admin.account);
			expect(await auth.resolve(db(), result.token)).toBeNull();
			expect((await signIn()).ok).toBe(true);
		});

		it('a password reset removes the passkeys; deleting the account deletes them', async () => {
			const { admin, device } = await withPasskey(db());
			const member = (await access.membership(db(), admin.account.id))!;
			const reset = await accounts.issueLink(db(), { purpose: 'reset', accountId: admin.account.id, organizationId: member.organizationId, createdBy: null });
			await accounts.completeLink(db(), reset, { name: 'Rina Admin', password: `${GOOD} baru` });
			expect(await passkeys.list(db(), admin.account.id)).toEqual([]);
			expect((await audit.list(db(), admin.organization.id)).find((e) => e.action === 'password.reset_done')?.detail).toBe('passkeys removed: 1');

			const second = await withPasskey(db(), 'second@kukar.go.id');
			await db().deleteFrom('accounts').where('id', '=', second.admin.account.id).execute();
			expect(await db().selectFrom('passkeys').select('id').execute()).toEqual([]);
			expect(device.id).not.toBe(second.device.id);
		});
	});
});

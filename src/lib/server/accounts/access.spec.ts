/**
 * An organization's sessions: who sees and runs which, claiming a one-off session, assigning,
 * console grants, and the socket opened with a grant, each on both engines (forEachEngine).
 */
import { describe, expect, it } from 'vitest';
import { forEachEngine } from '$lib/testing/engines';
import { GOOD_PASSWORD as GOOD, orgWithAdmin } from '$lib/testing/orgs';
import { createSession, must } from '$lib/testing/server';
import type { Database } from '../db/store';
import { authenticate } from '../realtime/authenticate';
import { hashSecret, newId, newSecret } from '../secrets';
import * as access from './access';
import * as accounts from './accounts';
import * as audit from './audit';
import * as auth from './auth';
import * as orgSessions from './org-sessions';
import * as sessions from '../sessions';
import { SignInLimiter } from './signin-limits';

/** A one-off session as the console makes it, straight into the table (either engine). */
async function oneOff(db: Database, title = 'FGD Desa') {
	const key = newSecret();
	const minutetakerKey = newSecret();
	const row = { id: newId(), code: newSecret().replace(/[^A-Z0-9]/gi, '').slice(0, 6).toUpperCase(), title };
	await db
		.insertInto('sessions')
		.values({ ...row, facilitator_key_hash: hashSecret(key), minutetaker_key_hash: hashSecret(minutetakerKey), starts_at: '2026-02-10T09:00', time_zone: 'Asia/Makassar', kinds: '[]', groups: '[]', created_at: new Date().toISOString() })
		.execute();
	return { ...row, key, minutetakerKey };
}

forEachEngine(({ store }) => {
	const db = () => store().db;

	describe('isolation', () => {
		it('nobody sees or runs another organization’s sessions; a facilitator only the assigned ones', async () => {
			const kukar = await orgWithAdmin(db());
			const paser = await orgWithAdmin(db(), 'DPMD Kabupaten Paser', 'admin@paser.go.id');
			const fas = await kukar.add('fas1', 'facilitator');
			const [mine, unassigned, theirs] = [await oneOff(db(), 'FGD Kukar'), await oneOff(db(), 'FGD Kukar 2'), await oneOff(db(), 'FGD Paser')];
			await orgSessions.claim(db(), kukar.admin, { code: mine.code, key: mine.key });
			await orgSessions.claim(db(), kukar.admin, { code: unassigned.code, key: unassigned.key });
			await orgSessions.claim(db(), paser.admin, { code: theirs.code, key: theirs.key });
			const titles = async (member: access.Member) => (await access.sessionsFor(db(), member)).map((s) => s.title).sort();
			expect(await titles(kukar.admin)).toEqual(['FGD Kukar', 'FGD Kukar 2']);
			expect(await titles(paser.admin)).toEqual(['FGD Paser']);
			expect(await titles(fas)).toEqual([]);
			await orgSessions.assign(db(), kukar.admin, mine.code, fas.accountId, true);
			await orgSessions.assign(db(), kukar.admin, mine.code, fas.accountId, true); // twice: still one assignment
			expect(await titles(fas)).toEqual(['FGD Kukar']);
			expect((await access.sessionsFor(db(), fas))[0]).toMatchObject({ state: 'planned', participants: 0, facilitators: [{ accountId: fas.accountId, name: 'Anggota facilitator' }] });
			await expect(access.runnableSession(db(), fas, unassigned.code)).rejects.toThrow(access.AccessDenied);
			await expect(access.runnableSession(db(), kukar.admin, theirs.code)).rejects.toThrow(access.AccessDenied);
			await expect(orgSessions.assign(db(), paser.admin, mine.code, fas.accountId, true)).rejects.toThrow(access.AccessDenied);
			await expect(orgSessions.assign(db(), kukar.admin, mine.code, kukar.admin.accountId, true)).rejects.toThrow(/Only a facilitator/);
		});
	});

	describe('claim', () => {
		it('needs the facilitator key, moves a one-off session in once, and refuses another organization', async () => {
			const kukar = await orgWithAdmin(db());
			const paser = await orgWithAdmin(db(), 'DPMD Kabupaten Paser', 'admin@paser.go.id');
			const s = await oneOff(db());
			await expect(orgSessions.claim(db(), kukar.admin, { code: s.code, key: 'salah' })).rejects.toThrow(/do not open/);
			await expect(orgSessions.claim(db(), kukar.admin, { code: s.code, key: s.minutetakerKey })).rejects.toThrow(/do not open/);
			const fas = await kukar.add('fas1', 'facilitator');
			await expect(orgSessions.claim(db(), fas, { code: s.code, key: s.key })).rejects.toThrow(access.AccessDenied);
			await orgSessions.claim(db(), kukar.admin, { code: s.code, key: s.key });
			await orgSessions.claim(db(), kukar.admin, { code: s.code, key: s.key });
			await expect(orgSessions.claim(db(), paser.admin, { code: s.code, key: s.key })).rejects.toThrow(/another organization/);
			expect((await audit.list(db(), kukar.organization.id)).filter((e) => e.action === 'session.claimed')).toHaveLength(1);
		});

		it('two organizations claiming at once: one gets it, the other is told it belongs elsewhere', async () => {
			const kukar = await orgWithAdmin(db());
			const paser = await orgWithAdmin(db(), 'DPMD Kabupaten Paser', 'admin@paser.go.id');
			const s = await oneOff(db());
			const both = await Promise.allSettled([kukar, paser].map((o) => orgSessions.claim(db(), o.admin, { code: s.code, key: s.key })));
			expect(both.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
			expect(both.find((r) => r.status === 'rejected')).toMatchObject({ reason: { code: 'claimed_elsewhere' } });
		});

		it('reads the facilitator link people paste', () => {
			expect(orgSessions.parseClaim('http://192.168.1.5:3000/f/ACD347#key=abc_DEF-123')).toEqual({ code: 'ACD347', key: 'abc_DEF-123' });
			expect(orgSessions.parseClaim('https://x/f/acd347#key=k&minutetaker=m')).toEqual({ code: 'ACD347', key: 'k' });
			expect(orgSessions.parseClaim('https://x/f/ACD347')).toBeNull();
		});
	});

	describe('console grants', () => {
		it('are made for a session the member may run, logged, and expired ones are dropped', async () => {
			const kukar = await orgWithAdmin(db());
			const fas = await kukar.add('fas1', 'facilitator');
			const s = await oneOff(db());
			await orgSessions.claim(db(), kukar.admin, { code: s.code, key: s.key });
			const authSessionId = (await auth.resolve(db(), await auth.startSession(db(), fas.accountId)))!.authSessionId;
			await expect(orgSessions.grantConsole(db(), fas, authSessionId, s.code)).rejects.toThrow(access.AccessDenied);
			await orgSessions.assign(db(), kukar.admin, s.code, fas.accountId, true);
			const past = Date.now() - orgSessions.GRANT_TTL_MS - 1000;
			await orgSessions.grantConsole(db(), fas, authSessionId, s.code, '', past);
			const { key } = await orgSessions.grantConsole(db(), fas, authSessionId, s.code, '10.0.0.5');
			const grants = await db().selectFrom('staff_grants').select(['token_hash', 'role']).execute();
			expect(grants).toEqual([{ token_hash: hashSecret(key), role: 'facilitator' }]);
			const opened = (await audit.list(db(), kukar.organization.id)).filter((e) => e.action === 'session.console_opened');
			expect(opened[0]).toMatchObject({ accountId: fas.accountId, subject: s.code, address: '10.0.0.5' });
		});

		it('open the console while the sign-in is live and the account may run the session; the secret links always', async () => {
			const kukar = await orgWithAdmin(db());
			const fas = await kukar.add('fas1', 'facilitator');
			const s = await oneOff(db());
			await orgSessions.claim(db(), kukar.admin, { code: s.code, key: s.key });
			await orgSessions.assign(db(), kukar.admin, s.code, fas.accountId, true);
			const authSessionId = (await auth.resolve(db(), await auth.startSession(db(), fas.accountId)))!.authSessionId;
			const { key } = await orgSessions.grantConsole(db(), fas, authSessionId, s.code);
			const { key: notesKey } = await orgSessions.grantConsole(db(), fas, authSessionId, s.code, '', Date.now(), 'minutetaker');
			const row = (await sessions.byCode(db(), s.code))!;
			const other = (await sessions.byCode(db(), (await oneOff(db())).code))!;

			expect(await access.facilitatorKeyOpens(db(), row, s.key)).toEqual({ accountId: null });
			expect(await access.minutetakerKeyOpens(db(), row, s.minutetakerKey)).toEqual({ accountId: null });
			expect(await access.facilitatorKeyOpens(db(), row, key)).toEqual({ accountId: fas.accountId });
			expect(await access.minutetakerKeyOpens(db(), row, notesKey)).toEqual({ accountId: fas.accountId });
			// Each grant opens its own role and its own session only.
			expect(await access.facilitatorKeyOpens(db(), row, notesKey)).toBeNull();
			expect(await access.minutetakerKeyOpens(db(), row, key)).toBeNull();
			expect(await access.facilitatorKeyOpens(db(), other, key)).toBeNull();
			expect(await access.facilitatorKeyOpens(db(), row, s.minutetakerKey)).toBeNull();
			expect(await access.facilitatorKeyOpens(db(), row, '')).toBeNull();
			expect(await access.facilitatorKeyOpens(db(), row, key, Date.now() + orgSessions.GRANT_TTL_MS + 1000)).toBeNull();
			// Unassigned: closed; assigned again: open; signed out everywhere: closed for good.
			await orgSessions.assign(db(), kukar.admin, s.code, fas.accountId, false);
			expect(await access.facilitatorKeyOpens(db(), row, key)).toBeNull();
			await orgSessions.assign(db(), kukar.admin, s.code, fas.accountId, true);
			expect(await access.facilitatorKeyOpens(db(), row, key)).toEqual({ accountId: fas.accountId });
			await auth.signOutEverywhere(db(), (await accounts.byId(db(), fas.accountId))!);
			expect(await access.facilitatorKeyOpens(db(), row, key)).toBeNull();
			expect(await access.minutetakerKeyOpens(db(), row, notesKey)).toBeNull();
			expect(await access.facilitatorKeyOpens(db(), row, s.key)).toEqual({ accountId: null });
		});
	});

	describe('sessions by code', () => {
		it('minutes are downloaded, and sessions deleted, by members who may: audited, and the same refusal for another organization', async () => {
			const kukar = await orgWithAdmin(db());
			const paser = await orgWithAdmin(db(), 'DPMD Kabupaten Paser', 'admin@paser.go.id');
			const fas = await kukar.add('fas1', 'facilitator');
			const s = await oneOff(db());
			await orgSessions.claim(db(), kukar.admin, { code: s.code, key: s.key });
			await expect(access.minutesFor(db(), fas, s.code, 'pdf')).rejects.toMatchObject({ code: 'not_found' });
			await orgSessions.assign(db(), kukar.admin, s.code, fas.accountId, true);
			expect((await access.minutesFor(db(), fas, s.code, 'pdf', '10.0.0.7')).id).toBe(s.id);
			await expect(access.minutesFor(db(), paser.admin, s.code, 'pdf')).rejects.toMatchObject({ code: 'not_found' });
			const downloads = (await audit.list(db(), kukar.organization.id)).filter((e) => e.action === 'minutes.downloaded');
			expect(downloads).toEqual([expect.objectContaining({ accountId: fas.accountId, subject: s.code, detail: 'pdf', address: '10.0.0.7' })]);
			expect((await audit.list(db(), paser.organization.id)).filter((e) => e.action === 'minutes.downloaded')).toEqual([]);

			expect((await access.deletableSession(db(), kukar.admin, s.code)).id).toBe(s.id);
			await expect(access.deletableSession(db(), fas, s.code)).rejects.toMatchObject({ code: 'forbidden' });
			await expect(access.deletableSession(db(), paser.admin, s.code)).rejects.toMatchObject({ code: 'not_found' });
			await expect(access.deletableSession(db(), kukar.admin, 'ZZZZZZ')).rejects.toMatchObject({ code: 'not_found' });
		});

		it("a programme's sessions: all of them for an organizer, the assigned ones for a facilitator, in the order they are held", async () => {
			const kukar = await orgWithAdmin(db());
			const paser = await orgWithAdmin(db(), 'DPMD Kabupaten Paser', 'admin@paser.go.id');
			const fas = await kukar.add('fas1', 'facilitator');
			await db()
				.insertInto('programmes')
				.values({ id: 'prog1', organization_id: kukar.organization.id, name: 'Musrenbang', created_by: null, created_at: 'now', updated_at: 'now' })
				.execute();
			const [late, early, outside] = [await oneOff(db(), 'Kedua'), await oneOff(db(), 'Pertama'), await oneOff(db(), 'Lain')];
			for (const s of [late, early, outside]) await orgSessions.claim(db(), kukar.admin, { code: s.code, key: s.key });
			await db().updateTable('sessions').set({ programme_id: 'prog1', starts_at: '2026-03-01T09:00' }).where('id', '=', late.id).execute();
			await db().updateTable('sessions').set({ programme_id: 'prog1', starts_at: '2026-02-01T09:00' }).where('id', '=', early.id).execute();
			expect(await access.programmeSessionIds(db(), kukar.admin, 'prog1')).toEqual([early.id, late.id]);
			expect(await access.programmeSessionIds(db(), fas, 'prog1')).toEqual([]);
			await orgSessions.assign(db(), kukar.admin, late.code, fas.accountId, true);
			expect(await access.programmeSessionIds(db(), fas, 'prog1')).toEqual([late.id]);
			expect(await access.programmeSessionIds(db(), paser.admin, 'prog1')).toEqual([]);
		});
	});

	describe('console from an account (the socket)', () => {
		it('opens the socket as that account, attributes its commands, and dies with the sign-in or the right', async () => {
			const kukar = await orgWithAdmin(db());
			const fas = await kukar.add('fas1', 'facilitator');
			const s = await createSession(db());
			await orgSessions.claim(db(), kukar.admin, { code: s.row.code, key: s.facilitatorKey });
			await orgSessions.assign(db(), kukar.admin, s.row.code, fas.accountId, true);
			const signed = await auth.signIn(db(), { login: 'fas1', password: GOOD, address: 'a' }, new SignInLimiter());
			if (!signed.ok) throw new Error('sign-in failed');
			const authSessionId = (await auth.resolve(db(), signed.token))!.authSessionId;
			const { key } = await orgSessions.grantConsole(db(), fas, authSessionId, s.row.code);
			const outcome = await authenticate(db(), { role: 'facilitator', code: s.row.code, key }, 'a');
			expect(outcome).toMatchObject({ ok: true, identity: { role: 'facilitator', accountId: fas.accountId } });
			if (!outcome.ok) return;
			await must(db(), outcome.identity, { type: 'timer.start', seconds: 300 });
			const last = () =>
				db().selectFrom('session_events').select(['actor', 'account_id']).where('session_id', '=', s.row.id).orderBy('seq', 'desc').limit(1).executeTakeFirst();
			expect(await last()).toEqual({ actor: 'facilitator', account_id: fas.accountId });
			// The secret link keeps working, unattributed.
			const secret = await authenticate(db(), { role: 'facilitator', code: s.row.code, key: s.facilitatorKey }, 'a');
			if (!secret.ok) throw new Error('the facilitator link must keep working');
			await must(db(), secret.identity, { type: 'timer.pause' });
			expect(await last()).toEqual({ actor: 'facilitator', account_id: null });
			// A grant does not open another session.
			const other = await createSession(db());
			expect(await access.facilitatorKeyOpens(db(), other.row, key)).toBeNull();
			// Unassigned: gone. Assigned again: back. Signed out everywhere: gone for good.
			await orgSessions.assign(db(), kukar.admin, s.row.code, fas.accountId, false);
			expect(await access.facilitatorKeyOpens(db(), s.row, key)).toBeNull();
			await orgSessions.assign(db(), kukar.admin, s.row.code, fas.accountId, true);
			expect(await access.facilitatorKeyOpens(db(), s.row, key)).toEqual({ accountId: fas.accountId });
			expect(await access.facilitatorKeyOpens(db(), s.row, key, Date.now() + orgSessions.GRANT_TTL_MS + 1000)).toBeNull();
			await auth.signOutEverywhere(db(), (await accounts.byId(db(), fas.accountId))!);
			expect(await access.facilitatorKeyOpens(db(), s.row, key)).toBeNull();
			await expect(orgSessions.grantConsole(db(), fas, authSessionId, (await createSession(db())).row.code)).rejects.toThrow(access.AccessDenied);
		});
	});
});

/**
 * An organization's sessions: who sees and runs which, claiming a one-off session, consoles opened
 * from an account. These checks still read sessions on the raw SQLite connection (see
 * docs/architecture.md, "Storage engines"), so they run on SQLite only, through both paths at once.
 */
import { describe, expect, it } from 'vitest';
import { kysely, GOOD_PASSWORD as GOOD, orgWithAdmin } from '$lib/testing/orgs';
import { createSession, freshDb, must } from '$lib/testing/server';
import { authenticate } from '../realtime/authenticate';
import * as access from './access';
import * as accounts from './accounts';
import * as audit from './audit';
import * as auth from './auth';
import { SignInLimiter } from './signin-limits';

describe('isolation', () => {
	it('nobody sees or runs another organization’s sessions; a facilitator only the assigned ones', async () => {
		const db = freshDb();
		const kukar = await orgWithAdmin(kysely(db));
		const paser = await orgWithAdmin(kysely(db), 'DPMD Kabupaten Paser', 'admin@paser.go.id');
		const fas = await kukar.add('fas1', 'facilitator');
		const mine = createSession(db, { title: 'FGD Kukar' });
		const unassigned = createSession(db, { title: 'FGD Kukar 2' });
		const theirs = createSession(db, { title: 'FGD Paser' });
		access.claim(db, kukar.admin, { code: mine.row.code, key: mine.facilitatorKey });
		access.claim(db, kukar.admin, { code: unassigned.row.code, key: unassigned.facilitatorKey });
		access.claim(db, paser.admin, { code: theirs.row.code, key: theirs.facilitatorKey });
		const titles = async (member: access.Member) => (await access.sessionsFor(kysely(db), member)).map((s) => s.title).sort();
		expect(await titles(kukar.admin)).toEqual(['FGD Kukar', 'FGD Kukar 2']);
		expect(await titles(paser.admin)).toEqual(['FGD Paser']);
		expect(await titles(fas)).toEqual([]);
		access.assign(db, kukar.admin, mine.row.code, fas.accountId, true);
		expect(await titles(fas)).toEqual(['FGD Kukar']);
		expect((await access.sessionsFor(kysely(db), fas))[0]).toMatchObject({ state: 'planned', participants: 0, facilitators: [{ accountId: fas.accountId, name: 'Anggota facilitator' }] });
		expect(() => access.runnableSession(db, fas, unassigned.row.code)).toThrow(access.AccessDenied);
		expect(() => access.runnableSession(db, kukar.admin, theirs.row.code)).toThrow(access.AccessDenied);
		expect(() => access.assign(db, paser.admin, mine.row.code, fas.accountId, true)).toThrow(access.AccessDenied);
	});
});

describe('claim', () => {
	it('needs the facilitator key, moves a one-off session in once, and refuses another organization', async () => {
		const db = freshDb();
		const kukar = await orgWithAdmin(kysely(db));
		const paser = await orgWithAdmin(kysely(db), 'DPMD Kabupaten Paser', 'admin@paser.go.id');
		const s = createSession(db);
		expect(() => access.claim(db, kukar.admin, { code: s.row.code, key: 'salah' })).toThrow(/do not open/);
		expect(() => access.claim(db, kukar.admin, { code: s.row.code, key: s.minutetakerKey })).toThrow(/do not open/);
		const fas = await kukar.add('fas1', 'facilitator');
		expect(() => access.claim(db, fas, { code: s.row.code, key: s.facilitatorKey })).toThrow(access.AccessDenied);
		access.claim(db, kukar.admin, { code: s.row.code, key: s.facilitatorKey });
		access.claim(db, kukar.admin, { code: s.row.code, key: s.facilitatorKey });
		expect(() => access.claim(db, paser.admin, { code: s.row.code, key: s.facilitatorKey })).toThrow(/another organization/);
		expect((await audit.list(kysely(db), kukar.organization.id)).filter((e) => e.action === 'session.claimed')).toHaveLength(1);
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
		const kukar = await orgWithAdmin(kysely(db));
		const fas = await kukar.add('fas1', 'facilitator');
		const s = createSession(db);
		access.claim(db, kukar.admin, { code: s.row.code, key: s.facilitatorKey });
		access.assign(db, kukar.admin, s.row.code, fas.accountId, true);
		const signed = await auth.signIn(kysely(db), { login: 'fas1', password: GOOD, address: 'a' }, new SignInLimiter());
		if (!signed.ok) throw new Error('sign-in failed');
		const authSessionId = (await auth.resolve(kysely(db), signed.token))!.authSessionId;
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
		await auth.signOutEverywhere(kysely(db), (await accounts.byId(kysely(db), fas.accountId))!);
		expect(access.facilitatorKeyOpens(db, s.row, key)).toBeNull();
		expect(() => access.grantConsole(db, fas, authSessionId, createSession(db).row.code)).toThrow(access.AccessDenied);
	});
});

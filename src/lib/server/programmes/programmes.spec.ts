/** Programmes: template application, regions by code, sessions created into the organization, duplicates, and who sees what. */
import { describe, expect, it } from 'vitest';
import { createSession, joinParticipant } from '$lib/testing/server';
import { freshDb } from '$lib/testing/stores';
import type { Database } from '../db/store';
import * as access from '../accounts/access';
import * as members from '../accounts/members';
import * as orgSessions from '../accounts/org-sessions';
import * as accounts from '../accounts/accounts';
import * as auth from '../accounts/auth';
import { SignInLimiter } from '../accounts/signin-limits';
import { authenticate } from '../realtime/authenticate';
import * as regions from '../regions';
import * as sessions from '../sessions';
import * as programmes from './programmes';
import { DEFAULT_TEMPLATE, templateColumns, templateOf } from './template';

const GOOD = 'Sungai Mahakam pagi berkabut 7';

async function org(db: Database, name: string, login: string) {
	const { account, token } = await accounts.createAdminWithSetupLink(db, { organization: name, login, name: 'Admin' });
	await accounts.completeLink(db, token, { name: 'Admin', password: GOOD });
	const admin = (await access.membership(db, account.id))!;
	const add = async (memberLogin: string, role: accounts.OrgRole) => {
		const invite = await members.invite(db, admin, { login: memberLogin, role });
		const joined = await accounts.completeLink(db, invite, { name: `Anggota ${memberLogin}`, password: GOOD });
		return (await access.membership(db, joined.id))!;
	};
	return { admin, add };
}

/** A session of the organization with a letterhead, an agenda, own kinds, groups and voting rules: the template's source. */
async function richSession(db: Database, member: access.Member) {
	const s = await createSession(db, { kinds: [{ key: 'masalah', label: 'Masalah', labelEn: 'Problems' }], minutesLanguage: 'en' });
	await db.updateTable('sessions').set({ organization_id: member.organizationId }).where('id', '=', s.row.id).execute();
	await db
		.updateTable('sessions')
		.set({
			groups: JSON.stringify([{ key: 'desa', labelId: 'Pemerintah desa', labelEn: 'Village government' }]),
			voting: JSON.stringify({ budget: 7, cap: 2, target: 'themes', revealed: true }),
			details: JSON.stringify({ agenda: [{ time: '09.00', activity: 'Pembukaan' }], letterhead: { office: 'DPMD KUKAR' }, conclusions: 'Sepakat', chair: 'Pak Camat' }),
			retention_months: 6,
			retention_keeps_institutions: 0
		})
		.where('id', '=', s.row.id)
		.execute();
	return s;
}

/** How many rows `table` holds (of one session, when given), as `{ n }`. */
async function countOf(db: Database, table: 'sessions' | 'participants' | 'items', sessionId?: string) {
	let query = db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n'));
	if (sessionId) query = query.where('session_id', '=', sessionId);
	return query.executeTakeFirstOrThrow();
}

describe('template', () => {
	it('takes kinds, groups, agenda, voting rules, letterhead, minutes language and data terms from a session, and applies them unrevealed', async () => {
		const db = await freshDb();
		const s = await createSession(db, { minutesLanguage: 'en' });
		await db
			.updateTable('sessions')
			.set({
				voting: JSON.stringify({ budget: 7, cap: 2, target: 'themes', revealed: true }),
				details: JSON.stringify({ agenda: [{ time: '09.00', activity: 'Pembukaan' }], letterhead: { office: 'DPMD' }, conclusions: 'x' })
			})
			.where('id', '=', s.row.id)
			.execute();
		const template = templateOf((await sessions.byId(db, s.row.id)) as never);
		expect(template.voting).toEqual({ budget: 7, cap: 2, target: 'themes' });
		expect(template.agenda).toEqual([{ time: '09.00', activity: 'Pembukaan' }]);
		expect(template.letterhead).toEqual({ office: 'DPMD' });
		expect(template.minutesLanguage).toBe('en');
		const columns = templateColumns(template);
		expect(JSON.parse(columns.voting)).toEqual({ budget: 7, cap: 2, target: 'themes', revealed: false });
		// Only what a template carries: not the meeting's own conclusions.
		expect(JSON.parse(columns.details)).toEqual({ agenda: [{ time: '09.00', activity: 'Pembukaan' }], letterhead: { office: 'DPMD' } });
		expect(JSON.parse(templateColumns(DEFAULT_TEMPLATE).details)).toEqual({});
	});
});

describe('regions', () => {
	it('looks areas up by Kemendagri code, level by level, and refuses unknown codes', async () => {
		expect((await regions.children('')).find((r) => r.code === '64')?.name).toBe('Kalimantan Timur');
		const kaltim = await regions.children('64');
		expect(kaltim.map((r) => r.code)).toEqual(expect.arrayContaining(['64.01', '64.02', '64.72']));
		expect(kaltim.find((r) => r.code === '64.02')?.name).toBe('Kabupaten Kutai Kartanegara');
		const kecamatan = await regions.children('64.02');
		expect(kecamatan.length).toBeGreaterThan(10);
		const desa = await regions.children(kecamatan[0].code);
		expect(desa[0].code.startsWith(kecamatan[0].code + '.')).toBe(true);
		expect(await regions.describe('64.72')).toEqual({ code: '64.72', name: 'Kota Samarinda, Kalimantan Timur' });
		expect((await regions.path(desa[0].code))?.map((r) => r.code)).toEqual(['64', '64.02', kecamatan[0].code, desa[0].code]);
		expect(await regions.describe('64.99')).toBeNull();
		expect(await regions.describe('Samarinda')).toBeNull();
		expect(await regions.children('99.99.99.9999')).toEqual([]);
	});
});

describe('programmes and organization sessions', () => {
	it('creates a programme from a session, and sessions from it with their own region and date, into the organization', async () => {
		const db = await freshDb();
		const { admin } = await org(db, 'DPMD Kukar', 'admin@kukar.go.id');
		const source = await richSession(db, admin);
		const programme = await programmes.createProgramme(db, admin, {
			name: 'FGD RPJMD 2026',
			theme: 'Ekonomi desa',
			template: await programmes.templateFrom(db, admin, source.row.code)
		});
		const created = await programmes.createSession(db, admin, { title: 'FGD Paser', startsAt: '2026-02-10T09:00', venue: 'Aula', regionCode: '64.01', programmeId: programme.id });
		const row = (await sessions.byCode(db, created.code)) as sessions.SessionRow & { programme_id: string; region_code: string };
		expect(row).toMatchObject({ organization_id: admin.organizationId, programme_id: programme.id, region_code: '64.01', region: 'Kabupaten Paser, Kalimantan Timur', theme: 'Ekonomi desa', starts_at: '2026-02-10T09:00', minutes_language: 'en' });
		expect(JSON.parse(row.kinds)[0].key).toBe('masalah');
		expect(JSON.parse(row.groups)[0].key).toBe('desa');
		expect(JSON.parse(row.voting)).toEqual({ budget: 7, cap: 2, target: 'themes', revealed: false });
		expect(JSON.parse(row.details)).toEqual({ agenda: [{ time: '09.00', activity: 'Pembukaan' }], letterhead: { office: 'DPMD KUKAR' } });
		expect((await access.sessionsFor(db, admin)).find((s) => s.code === created.code)).toMatchObject({ state: 'planned', participants: 0, programmeName: 'FGD RPJMD 2026', regionCode: '64.01' });

		// Bad input changes nothing.
		const before = await countOf(db, 'sessions');
		await expect(programmes.createSession(db, admin, { title: 'X', startsAt: '2026-02-10T09:00', venue: '', regionCode: '64.99', programmeId: programme.id })).rejects.toBeInstanceOf(
			programmes.InvalidRegion
		);
		expect(await countOf(db, 'sessions')).toEqual(before);

		// Alone, without a programme: the defaults.
		const alone = await programmes.createSession(db, admin, { title: 'FGD tunggal', startsAt: '2026-03-01T09:00', venue: '', regionCode: '', programmeId: null });
		expect(await sessions.byCode(db, alone.code)).toMatchObject({ organization_id: admin.organizationId, region: '' });
	});

	it('duplicates settings, kinds, groups, agenda and letterhead, never participants, items or conclusions', async () => {
		const db = await freshDb();
		const { admin } = await org(db, 'DPMD Kukar', 'admin@kukar.go.id');
		const source = await richSession(db, admin);
		await joinParticipant(db, source, 'Bu Sari', undefined, 'desa');
		const copy = await programmes.duplicateSession(db, admin, source.row.code);
		const row = (await sessions.byCode(db, copy.code))!;
		expect(row.organization_id).toBe(admin.organizationId);
		expect(JSON.parse(row.groups)[0].key).toBe('desa');
		expect(JSON.parse(row.details)).toEqual({ agenda: [{ time: '09.00', activity: 'Pembukaan' }], letterhead: { office: 'DPMD KUKAR' }, chair: 'Pak Camat' });
		expect(await countOf(db, 'participants', row.id)).toEqual({ n: 0 });
		expect(await countOf(db, 'items', row.id)).toEqual({ n: 0 });
		expect((await access.sessionsFor(db, admin)).find((s) => s.code === source.row.code)).toMatchObject({ state: 'live', participants: 1 });
	});

	it('a facilitator sees only the programmes and sessions assigned to them; another organization never', async () => {
		const db = await freshDb();
		const kukar = await org(db, 'DPMD Kukar', 'admin@kukar.go.id');
		const paser = await org(db, 'DPMD Paser', 'admin@paser.go.id');
		const organizer = await kukar.add('org1', 'organizer');
		const fas = await kukar.add('fas1', 'facilitator');
		const one = await programmes.createProgramme(db, organizer, { name: 'Rangkaian A', theme: '', template: DEFAULT_TEMPLATE });
		const two = await programmes.createProgramme(db, organizer, { name: 'Rangkaian B', theme: '', template: DEFAULT_TEMPLATE });
		const a = await programmes.createSession(db, organizer, { title: 'A1', startsAt: '2026-02-10T09:00', venue: '', regionCode: '64.02', programmeId: one.id });
		await programmes.createSession(db, organizer, { title: 'B1', startsAt: '2026-02-11T09:00', venue: '', regionCode: '64.72', programmeId: two.id });
		expect(await programmes.programmesFor(db, fas)).toEqual([]);
		await expect(programmes.createProgramme(db, fas, { name: 'X', theme: '', template: DEFAULT_TEMPLATE })).rejects.toThrow(access.AccessDenied);
		await expect(programmes.createSession(db, fas, { title: 'X', startsAt: '2026-02-10T09:00', venue: '', regionCode: '', programmeId: null })).rejects.toThrow(access.AccessDenied);
		await orgSessions.assign(db, organizer, a.code, fas.accountId, true);
		expect((await programmes.programmesFor(db, fas)).map((p) => p.name)).toEqual(['Rangkaian A']);
		await expect(programmes.programmeFor(db, fas, two.id)).rejects.toThrow(access.AccessDenied);
		expect((await access.sessionsFor(db, fas)).map((s) => s.title)).toEqual(['A1']);
		await expect(programmes.duplicateSession(db, fas, a.code)).rejects.toThrow(access.AccessDenied);
		// Another organization: not its programmes, not its sessions, not as a template, not into its programme.
		expect(await programmes.programmesFor(db, paser.admin)).toEqual([]);
		await expect(programmes.programmeFor(db, paser.admin, one.id)).rejects.toThrow(access.AccessDenied);
		await expect(programmes.templateFrom(db, paser.admin, a.code)).rejects.toThrow(access.AccessDenied);
		await expect(programmes.duplicateSession(db, paser.admin, a.code)).rejects.toThrow(access.AccessDenied);
		await expect(programmes.createSession(db, paser.admin, { title: 'X', startsAt: '2026-02-10T09:00', venue: '', regionCode: '', programmeId: one.id })).rejects.toThrow(access.AccessDenied);
		await expect(access.minutesFor(db, paser.admin, a.code, 'pdf')).rejects.toThrow(access.AccessDenied);
		expect((await access.minutesFor(db, fas, a.code, 'pdf')).code).toBe(a.code);
	});

	it('a minute-taker grant opens the minute-taker view only, and dies with the sign-in', async () => {
		const db = await freshDb();
		const { admin } = await org(db, 'DPMD Kukar', 'admin@kukar.go.id');
		const s = await programmes.createSession(db, admin, { title: 'A1', startsAt: '2026-02-10T09:00', venue: '', regionCode: '', programmeId: null });
		const signed = await auth.signIn(db, { login: 'admin@kukar.go.id', password: GOOD, address: 'a' }, new SignInLimiter());
		if (!signed.ok) throw new Error('sign-in failed');
		const authSessionId = (await auth.resolve(db, signed.token))!.authSessionId;
		const { key } = await orgSessions.grantConsole(db, admin, authSessionId, s.code, '', Date.now(), 'minutetaker');
		expect(await authenticate(db, { role: 'minutetaker', code: s.code, key }, 'a')).toMatchObject({ ok: true, identity: { role: 'minutetaker' } });
		expect(await authenticate(db, { role: 'facilitator', code: s.code, key }, 'a')).toMatchObject({ ok: false });
		const consoleKey = (await orgSessions.grantConsole(db, admin, authSessionId, s.code)).key;
		expect(await authenticate(db, { role: 'minutetaker', code: s.code, key: consoleKey }, 'a')).toMatchObject({ ok: false });
		await auth.signOutEverywhere(db, (await accounts.byId(db, admin.accountId))!);
		expect(await authenticate(db, { role: 'minutetaker', code: s.code, key }, 'a')).toMatchObject({ ok: false });
		expect(await authenticate(db, { role: 'minutetaker', code: s.code, key: s.minutetakerKey }, 'a')).toMatchObject({ ok: true });
	});
});

/**
 * Organization-level personal data (issue 12, parts 1 and 5): the settings and their validation,
 * the period and institutions a session takes from its organization, the audit hooks (one entry
 * each, the right actor and address, none for a one-off session), the retention run's tally per
 * organization, and the log's filters and CSV.
 */
import { describe, expect, it } from 'vitest';
import { facilitatedFgd } from '$lib/testing/fgd';
import { GOOD_PASSWORD as GOOD } from '$lib/testing/orgs';
import { engineOf, insertionOrder, type Database } from '../db/store';
import * as privacy from '../privacy';
import * as access from './access';
import * as accounts from './accounts';
import * as audit from './audit';
import * as members from './members';
import * as orgSettings from './org-settings';

async function orgOf(db: Database, name = 'DPMD Kabupaten Paser') {
	const login = `admin@${name.length}.paser.go.id`;
	const { organization, account, token } = await accounts.createAdminWithSetupLink(db, { organization: name, login, name: 'Rina Admin' });
	await accounts.completeLink(db, token, { name: 'Rina Admin', password: GOOD });
	const admin = (await access.membership(db, account.id, organization.id))!;
	const invite = await members.invite(db, admin, { login: `organizer@${name.length}.paser.go.id`, role: 'organizer' });
	const joined = await accounts.completeLink(db, invite, { name: 'Budi Organizer', password: GOOD });
	return { organization, admin, organizer: (await access.membership(db, joined.id, organization.id))! };
}

const form = (fields: Record<string, string>) => {
	const data = new FormData();
	for (const [k, v] of Object.entries(fields)) data.set(k, v);
	return data;
};

const entries = (db: Database, organizationId: string, action?: audit.AuditAction) => audit.list(db, organizationId, 1000, action ? { action } : {});
/** The settings as an admin sets them, through the store over the same connection. */
const setSettings = (db: Database, member: access.Member, value: orgSettings.OrgSettings, address?: string) => orgSettings.set(db, member, value, address);
const allEntries = (db: Database) => db.selectFrom('org_audit').selectAll().execute();

/** A closed, facilitated FGD (five participants) owned by an organization. */
async function orgFgd() {
	const fgd = await facilitatedFgd();
	const org = await orgOf(fgd.db);
	await fgd.db.updateTable('sessions').set({ organization_id: org.organization.id }).where('id', '=', fgd.session.id).execute();
	return { fgd, ...org };
}

describe('organization settings', () => {
	it('reads the form: empty is the server default, 1–120 whole months, anything else refused', () => {
		expect(orgSettings.parseSettingsForm(form({ retentionMonths: '', keepInstitutions: '1' }))).toEqual({
			ok: true,
			value: { retentionMonths: null, keepInstitutions: true }
		});
		expect(orgSettings.parseSettingsForm(form({ retentionMonths: ' 24 ' }))).toEqual({ ok: true, value: { retentionMonths: 24, keepInstitutions: false } });
		for (const bad of ['0', '121', '1.5', '-3', 'dua belas', '1e2', '99999'])
			expect(orgSettings.parseSettingsForm(form({ retentionMonths: bad })), bad).toEqual({ ok: false, error: 'invalid_months' });
	});

	it('only an admin changes them; a refusal or a bad value changes nothing and logs nothing', async () => {
		const { fgd, admin, organizer, organization } = await orgFgd();
		const db = fgd.db;
		await expect(setSettings(db, organizer, { retentionMonths: 1, keepInstitutions: false })).rejects.toThrow(access.AccessDenied);
		await expect(setSettings(db, admin, { retentionMonths: 0, keepInstitutions: false })).rejects.toThrow();
		expect(await orgSettings.get(db, organization.id)).toEqual({ retentionMonths: null, keepInstitutions: true });
		expect(await entries(db, organization.id, 'settings.changed')).toHaveLength(0);

		await setSettings(db, admin, { retentionMonths: 6, keepInstitutions: false }, '198.51.100.7');
		expect(await orgSettings.get(db, organization.id)).toEqual({ retentionMonths: 6, keepInstitutions: false });
		const [entry] = await entries(db, organization.id, 'settings.changed');
		expect(entry).toMatchObject({ accountId: admin.accountId, actor: 'account', address: '198.51.100.7', detail: 'months=6 keepInstitutions=no' });
	});
});

describe('the period a session takes', () => {
	it("an organization's session takes its period; its own only when shorter; a one-off session keeps the server's", async () => {
		const { fgd, admin } = await orgFgd();
		const db = fgd.db;
		const id = fgd.session.id;
		expect(await privacy.settings(db, id)).toMatchObject({ effectiveMonths: 12, organizationMonths: 12 });
		await setSettings(db, admin, { retentionMonths: 1, keepInstitutions: true });
		expect(await privacy.settings(db, id)).toMatchObject({ effectiveMonths: 1, organizationMonths: 1 });
		await db.updateTable('sessions').set({ retention_months: 6 }).where('id', '=', id).execute();
		expect((await privacy.settings(db, id)).effectiveMonths).toBe(1); // longer than the organization's: not taken
		await setSettings(db, admin, { retentionMonths: 24, keepInstitutions: true });
		expect((await privacy.settings(db, id)).effectiveMonths).toBe(6); // shorter: taken

		await db.updateTable('sessions').set({ organization_id: null, retention_months: null }).where('id', '=', id).execute();
		expect(await privacy.settings(db, id)).toMatchObject({ effectiveMonths: 12, organizationMonths: null });
	});

	it('a closed session is due one month after its close when its organization says one month', async () => {
		const { fgd, admin } = await orgFgd();
		const db = fgd.db;
		const { closed_at } = await db.selectFrom('sessions').select('closed_at').where('id', '=', fgd.session.id).executeTakeFirstOrThrow();
		const closedAt = new Date(closed_at!);
		const sixWeeks = new Date(closedAt.getTime() + 42 * 24 * 3600_000);
		expect(await privacy.dueSessions(db, sixWeeks)).toEqual([]);
		await setSettings(db, admin, { retentionMonths: 1, keepInstitutions: true });
		expect(await privacy.dueSessions(db, sixWeeks)).toEqual([fgd.session.id]);
	});

	it('anonymisation drops institutions when the organization chose so, whatever the session says', async () => {
		const { fgd, admin } = await orgFgd();
		const db = fgd.db;
		await setSettings(db, admin, { retentionMonths: 1, keepInstitutions: false });
		expect(await privacy.settings(db, fgd.session.id)).toMatchObject({ keepInstitutions: true, institutionsKept: false, organizationDropsInstitutions: true });
		const record = await db.transaction().execute((trx) => privacy.anonymise(trx, fgd.session.id, 'retention'));
		expect(record?.event).toMatchObject({ keptInstitutions: false });
		const institutions = await db.selectFrom('participants').select('institution').where('session_id', '=', fgd.session.id).where('institution', '!=', '').execute();
		expect(institutions).toEqual([]);
	});
});

describe('audit hooks', () => {
	const who = (accountId: string | null, actor: audit.AuditActor = 'facilitator_link'): audit.SessionActor => ({ accountId, actor, address: '203.0.113.9' });

	it('records a session action once in its organization, with actor and address; an account wins over the link', async () => {
		const { fgd, organization, organizer } = await orgFgd();
		const db = fgd.db;
		expect(await audit.addForSession(db, fgd.session.id, who(null, 'report_link'), { action: 'minutes.downloaded', detail: 'pdf id' })).toBe(true);
		expect(await audit.addForSession(db, fgd.session.id, who(organizer.accountId), { action: 'report.downloaded' })).toBe(true);
		const [report, minutes] = (await entries(db, organization.id)).filter((e) => e.action === 'minutes.downloaded' || e.action === 'report.downloaded');
		expect(minutes).toMatchObject({ action: 'minutes.downloaded', actor: 'report_link', accountId: null, address: '203.0.113.9', subject: fgd.session.code, detail: 'pdf id' });
		expect(report).toMatchObject({ action: 'report.downloaded', actor: 'account', accountId: organizer.accountId });
	});

	it('writes nothing for a one-off session (no organization)', async () => {
		const fgd = await facilitatedFgd();
		const db = fgd.db;
		expect(await audit.addForSession(db, fgd.session.id, who(null), { action: 'minutes.downloaded' })).toBe(false);
		const { id: participant } = await db.selectFrom('participants').select('id').where('session_id', '=', fgd.session.id).limit(1).executeTakeFirstOrThrow();
		await db.transaction().execute((trx) => privacy.erase(trx, fgd.session.id, participant, false, new Date(), who(null)));
		await db.transaction().execute((trx) => privacy.deleteSessionRows(trx, fgd.session.id, who(null)));
		expect(await allEntries(db)).toEqual([]);
	});

	it('a deletion request from a phone, an erasure by an account: one entry each, with who and from where', async () => {
		const { fgd, organization, organizer } = await orgFgd();
		const db = fgd.db;
		const [first, second] = (
			await db.selectFrom('participants').select('id').where('session_id', '=', fgd.session.id).orderBy(insertionOrder(engineOf(db))).limit(2).execute()
		).map((r) => r.id);
		await db.transaction().execute((trx) => privacy.requestDeletion(trx, fgd.session.id, first, 'participant', new Date(), who(null, 'participant')));
		await db.transaction().execute((trx) => privacy.erase(trx, fgd.session.id, first, false, new Date(), who(organizer.accountId)));
		expect(await entries(db, organization.id, 'privacy.deletion_requested')).toEqual([
			expect.objectContaining({ actor: 'participant', accountId: null, address: '203.0.113.9', detail: `participant=${first} by=participant` })
		]);
		expect(await entries(db, organization.id, 'privacy.erased')).toEqual([
			expect.objectContaining({ actor: 'account', accountId: organizer.accountId, detail: `participant=${first}` })
		]);
		// On someone's behalf: the request is logged as the staff's, then the erasure.
		await db.transaction().execute((trx) => privacy.erase(trx, fgd.session.id, second, true, new Date(), who(null)));
		expect((await entries(db, organization.id, 'privacy.deletion_requested'))[0]).toMatchObject({ actor: 'facilitator_link', detail: `participant=${second} by=facilitator` });
		expect((await entries(db, organization.id, 'privacy.erased'))[0]).toMatchObject({ actor: 'facilitator_link', detail: `participant=${second} items hidden` });
	});

	it('a session deletion is recorded, and the entry outlives the session', async () => {
		const { fgd, organization, admin } = await orgFgd();
		const db = fgd.db;
		expect(await privacy.deleteSession(db, fgd.session.id, who(admin.accountId))).toBe(true);
		const [entry] = await entries(db, organization.id, 'session.deleted');
		expect(entry).toMatchObject({ accountId: admin.accountId, subject: fgd.session.code, address: '203.0.113.9' });
		expect(entry.detail).toMatch(/items=\d+ participants=5 photos=0/);
		expect(await db.selectFrom('sessions').select('id').where('id', '=', fgd.session.id).executeTakeFirst()).toBeUndefined();
	});

	it('deleting from the organization page: admins and organizers of its organization only', async () => {
		const { fgd, admin, organizer } = await orgFgd();
		const db = fgd.db;
		const invite = await members.invite(db, admin, { login: 'fasil.paser', role: 'facilitator' });
		const facilitator = (await access.membership(db, (await accounts.completeLink(db, invite, { name: 'Dedi', password: GOOD })).id))!;
		const other = await orgOf(db, 'Bappeda Kota Samarinda');
		expect((await access.deletableSession(db, organizer, fgd.session.code)).id).toBe(fgd.session.id);
		expect((await access.deletableSession(db, admin, fgd.session.code)).id).toBe(fgd.session.id);
		await expect(access.deletableSession(db, facilitator, fgd.session.code)).rejects.toThrow(expect.objectContaining({ code: 'forbidden' }));
		await expect(access.deletableSession(db, other.admin, fgd.session.code)).rejects.toThrow(expect.objectContaining({ code: 'not_found' }));
	});

	it('a retention run records, per organization, how many sessions and participants it anonymised (actor: system)', async () => {
		const { fgd, organization, admin } = await orgFgd();
		const db = fgd.db;
		await setSettings(db, admin, { retentionMonths: 1, keepInstitutions: true });
		const later = new Date(Date.now() + 400 * 24 * 3600_000);
		const { anonymised, byOrganization } = await privacy.runRetention(db, undefined, later);
		expect(anonymised).toEqual([fgd.session.id]);
		expect(byOrganization.get(organization.id)).toEqual({ sessions: [fgd.session.code], participants: 5 });
		expect(await entries(db, organization.id, 'retention.run')).toEqual([
			expect.objectContaining({ actor: 'system', accountId: null, subject: fgd.session.code, detail: 'sessions=1 participants=5' })
		]);
		// Nothing left to do: the next run adds no entry.
		await privacy.runRetention(db, undefined, later);
		expect(await entries(db, organization.id, 'retention.run')).toHaveLength(1);
	});
});

describe('the audit log for admins', () => {
	it('filters by action and by time, and keeps other organizations out', async () => {
		const { fgd, organization, admin } = await orgFgd();
		const db = fgd.db;
		const other = await orgOf(db, 'Bappeda Kota Samarinda');
		await setSettings(db, other.admin, { retentionMonths: 3, keepInstitutions: true });
		await audit.add(db, { organizationId: organization.id, accountId: admin.accountId, action: 'minutes.downloaded', address: '203.0.113.1' });
		const mine = await entries(db, organization.id);
		expect(mine.every((e) => e.organizationId === organization.id)).toBe(true);
		expect(await entries(db, organization.id, 'settings.changed')).toEqual([]);
		expect(await entries(db, organization.id, 'minutes.downloaded')).toHaveLength(1);
		const past = await audit.list(db, organization.id, 100, { to: '2000-01-01T00:00:00.000Z' });
		expect(past).toEqual([]);
		const today = await audit.list(db, organization.id, 100, { from: new Date(Date.now() - 3600_000).toISOString() });
		expect(today.length).toBe(mine.filter((e) => e.at >= new Date(Date.now() - 3600_000).toISOString()).length);
	});

	it('reads the filter from the query: a known action, whole UTC days; anything else refused', () => {
		const q = (query: string) => audit.parseFilter(new URLSearchParams(query));
		expect(q('')).toEqual({ ok: true, filter: {} });
		expect(q('action=minutes.downloaded&from=2026-01-01&to=2026-01-31')).toEqual({
			ok: true,
			filter: { action: 'minutes.downloaded', from: '2026-01-01T00:00:00.000Z', to: '2026-01-31T23:59:59.999Z' }
		});
		for (const bad of ['action=drop table', 'from=2026-13-01', 'to=2026-02-30', 'from=kemarin', "to=2026-01-01' OR 1=1"]) expect(q(bad), bad).toEqual({ ok: false });
	});

	it('downloads as CSV in the minutes’ dialects, oldest first, names for accounts, formulas defused', () => {
		const base = { organizationId: 'o', subject: 'ABC123', address: '203.0.113.1', at: '2026-01-02T03:04:05.000Z' };
		const rows: audit.AuditEntry[] = [
			{ ...base, id: 2, accountId: null, action: 'retention.run', actor: 'system', detail: '=HYPERLINK("x")' },
			{ ...base, id: 1, accountId: 'a1', action: 'signin.ok', actor: 'account', detail: 'Kantor; lantai 2' }
		];
		const excel = audit.toCsv(rows, new Map([['a1', 'Rina Admin']]));
		expect(excel.startsWith('\uFEFFat;action;actor;account;subject;detail;address\r\n')).toBe(true);
		const lines = excel.slice(1).trimEnd().split('\r\n');
		expect(lines[1]).toBe('2026-01-02T03:04:05.000Z;signin.ok;account;Rina Admin;ABC123;"Kantor; lantai 2";203.0.113.1');
		expect(lines[2]).toContain(`;"'=HYPERLINK(""x"")";`);
		const rfc = audit.toCsv(rows, new Map(), 'rfc4180');
		expect(rfc.startsWith('at,action,actor,account,subject,detail,address\r\n')).toBe(true);
		expect(rfc).toContain(',a1,');
	});

	it('entries cannot be edited or deleted', async () => {
		const { fgd, organization } = await orgFgd();
		await expect(fgd.db.updateTable('org_audit').set({ detail: 'x' }).where('organization_id', '=', organization.id).execute()).rejects.toThrow(/append-only/);
		await expect(fgd.db.deleteFrom('org_audit').execute()).rejects.toThrow(/append-only/);
	});
});

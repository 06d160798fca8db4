/**
 * Programmes on both engines: a programme made, sessions created from its template into the
 * organization (and audited), a duplicate, who sees which, and the programme's follow-up and
 * report edits scoped to its sessions. The synthesis, built from each session's minutes, is proven
 * in the other programme specs (on both engines too, as the `postgres` test project).
 */
import { describe, expect, it } from 'vitest';
import { forEachEngine } from '$lib/testing/engines';
import { orgWithAdmin } from '$lib/testing/orgs';
import { AccessDenied, programmeSessionIds } from '../accounts/access';
import * as audit from '../accounts/audit';
import * as orgSessions from '../accounts/org-sessions';
import { secretMatches } from '../secrets';
import * as pf from './followup';
import * as programmes from './programmes';
import { editProgrammeReport, reportableProgramme } from './report';
import { DEFAULT_TEMPLATE, type SessionTemplate } from './template';

const TEMPLATE: SessionTemplate = {
	...DEFAULT_TEMPLATE,
	kinds: [{ key: 'masalah', label: 'Masalah', labelEn: 'Problems' }] as SessionTemplate['kinds'],
	agenda: [{ time: '09.00', activity: 'Pembukaan' }],
	voting: { budget: 7, cap: 2, target: 'themes' } as SessionTemplate['voting'],
	minutesLanguage: 'en',
	timeZone: 'Asia/Jayapura',
	retentionMonths: 6,
	keepInstitutions: false
};

forEachEngine(({ store }) => {
	const db = () => store().db;

	describe('programmes', () => {
		it('creates a programme, and sessions from its template into the organization, in the programme, audited', async () => {
			const { admin } = await orgWithAdmin(db());
			const programme = await programmes.createProgramme(db(), admin, { name: 'FGD RPJMD 2026', theme: 'Ekonomi desa', template: TEMPLATE }, '10.0.0.1');
			expect(programme).toMatchObject({ name: 'FGD RPJMD 2026', theme: 'Ekonomi desa', template: TEMPLATE });
			expect(await programmes.programmesFor(db(), admin)).toEqual([programme]);

			const first = await programmes.createSession(db(), admin, { title: 'FGD Paser', startsAt: '2026-02-12T09:00', venue: 'Aula', regionCode: '64.01', programmeId: programme.id }, '10.0.0.1');
			const second = await programmes.createSession(db(), admin, { title: 'FGD Tenggarong', startsAt: '2026-02-10T09:00', venue: '', regionCode: '', programmeId: programme.id });
			const alone = await programmes.createSession(db(), admin, { title: 'FGD tunggal', startsAt: '2026-03-01T09:00', venue: '', regionCode: '', programmeId: null });
			expect(first.code).toMatch(/^[A-Z0-9]{6}$/);
			expect(new Set([first.code, second.code, alone.code]).size).toBe(3);

			const row = await db().selectFrom('sessions').selectAll().where('id', '=', first.id).executeTakeFirstOrThrow();
			expect(row).toMatchObject({
				code: first.code,
				title: 'FGD Paser',
				theme: 'Ekonomi desa',
				starts_at: '2026-02-12T09:00',
				venue: 'Aula',
				time_zone: 'Asia/Jayapura',
				minutes_language: 'en',
				organization_id: admin.organizationId,
				programme_id: programme.id,
				region_code: '64.01',
				region: 'Kabupaten Paser, Kalimantan Timur',
				retention_months: 6,
				retention_keeps_institutions: 0,
				allow_anonymous: 1,
				status: 'open',
				last_seq: 0,
				sample_clock_offset_ms: null
			});
			expect(JSON.parse(row.organizers)).toEqual([admin.organizationName]);
			expect(JSON.parse(row.kinds)[0].key).toBe('masalah');
			expect(JSON.parse(row.voting)).toEqual({ budget: 7, cap: 2, target: 'themes', revealed: false });
			expect(JSON.parse(row.details)).toEqual({ agenda: [{ time: '09.00', activity: 'Pembukaan' }] });
			// The keys handed out once open the session; only their hashes are kept.
			expect(secretMatches(first.facilitatorKey, row.facilitator_key_hash)).toBe(true);
			expect(secretMatches(first.minutetakerKey, row.minutetaker_key_hash!)).toBe(true);

			// The programme's sessions, in the order they are held; a session without a programme is not one of them.
			expect(await programmeSessionIds(db(), admin, programme.id)).toEqual([second.id, first.id]);
			const aloneRow = await db().selectFrom('sessions').select(['programme_id', 'region_code', 'theme', 'organization_id']).where('id', '=', alone.id).executeTakeFirstOrThrow();
			expect(aloneRow).toEqual({ programme_id: null, region_code: null, theme: '', organization_id: admin.organizationId });

			const entries = await audit.list(db(), admin.organizationId);
			expect(entries.filter((e) => e.action === 'programme.created').map((e) => [e.subject, e.address])).toEqual([['FGD RPJMD 2026', '10.0.0.1']]);
			expect(entries.filter((e) => e.action === 'session.created').map((e) => e.subject).sort()).toEqual([first.code, second.code, alone.code].sort());
			expect(entries.find((e) => e.subject === first.code)?.detail).toBe('FGD Paser · FGD RPJMD 2026 · 64.01');
		});

		it('a refused session changes nothing: an unknown region code, or a member who may not', async () => {
			const kukar = await orgWithAdmin(db());
			const fas = await kukar.add('fas1', 'facilitator');
			const programme = await programmes.createProgramme(db(), kukar.admin, { name: 'FGD UMKM', theme: '', template: DEFAULT_TEMPLATE });
			await expect(programmes.createSession(db(), kukar.admin, { title: 'X', startsAt: '2026-02-10T09:00', venue: '', regionCode: '64.99', programmeId: programme.id })).rejects.toBeInstanceOf(programmes.InvalidRegion);
			await expect(programmes.createSession(db(), fas, { title: 'X', startsAt: '2026-02-10T09:00', venue: '', regionCode: '', programmeId: null })).rejects.toThrow(AccessDenied);
			await expect(programmes.createProgramme(db(), fas, { name: 'X', theme: '', template: DEFAULT_TEMPLATE })).rejects.toThrow(AccessDenied);
			const counted = async (table: 'sessions' | 'programmes') => Number((await db().selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
			expect([await counted('sessions'), await counted('programmes')]).toEqual([0, 1]);
		});

		it('edits and renames a programme, audited; sessions already made keep what they started from', async () => {
			const { admin } = await orgWithAdmin(db());
			const programme = await programmes.createProgramme(db(), admin, { name: 'FGD UMKM', theme: '', template: DEFAULT_TEMPLATE });
			const made = await programmes.createSession(db(), admin, { title: 'A', startsAt: '2026-02-10T09:00', venue: '', regionCode: '', programmeId: programme.id });
			const edited = await programmes.editTemplate(db(), admin, programme.id, { ...DEFAULT_TEMPLATE, minutesLanguage: 'en' }, '10.0.0.2');
			expect(edited.template.minutesLanguage).toBe('en');
			const renamed = await programmes.updateProgramme(db(), admin, programme.id, { name: 'FGD UMKM 2026', theme: 'Ekonomi', template: edited.template });
			expect(renamed).toMatchObject({ name: 'FGD UMKM 2026', theme: 'Ekonomi' });
			expect((await db().selectFrom('sessions').select('minutes_language').where('id', '=', made.id).executeTakeFirstOrThrow()).minutes_language).toBe('id');
			const entries = await audit.list(db(), admin.organizationId);
			expect(entries.find((e) => e.action === 'programme.template_edited')).toMatchObject({ subject: 'FGD UMKM', detail: 'minutesLanguage', address: '10.0.0.2' });
			expect(entries.find((e) => e.action === 'programme.updated')).toMatchObject({ subject: 'FGD UMKM 2026' });
		});

		it('duplicates a session with its settings and header but not its conclusions; its template becomes another programme’s', async () => {
			const { admin } = await orgWithAdmin(db());
			const programme = await programmes.createProgramme(db(), admin, { name: 'FGD UMKM', theme: 'Ekonomi', template: TEMPLATE });
			const source = await programmes.createSession(db(), admin, { title: 'FGD Paser', startsAt: '2026-02-12T09:00', venue: 'Aula', regionCode: '64.01', programmeId: programme.id });
			const details = { agenda: [{ time: '09.00', activity: 'Pembukaan' }], chair: 'Pak Camat', conclusions: 'Sepakat', number: '005/12' };
			await db().updateTable('sessions').set({ details: JSON.stringify(details), pre_moderation: 1 }).where('id', '=', source.id).execute();

			const copy = await programmes.duplicateSession(db(), admin, source.code, '10.0.0.3');
			expect(copy.code).not.toBe(source.code);
			const row = await db().selectFrom('sessions').selectAll().where('id', '=', copy.id).executeTakeFirstOrThrow();
			expect(row).toMatchObject({ title: 'FGD Paser', theme: 'Ekonomi', venue: 'Aula', programme_id: programme.id, region_code: '64.01', pre_moderation: 1, time_zone: 'Asia/Jayapura' });
			expect(JSON.parse(row.details)).toEqual({ agenda: [{ time: '09.00', activity: 'Pembukaan' }], chair: 'Pak Camat' });
			expect((await audit.list(db(), admin.organizationId)).find((e) => e.action === 'session.duplicated')).toMatchObject({ subject: copy.code, detail: `← ${source.code}` });

			const template = await programmes.templateFrom(db(), admin, source.code);
			expect(template).toMatchObject({ minutesLanguage: 'en', timeZone: 'Asia/Jayapura', agenda: [{ time: '09.00', activity: 'Pembukaan' }], retentionMonths: 6 });
			expect(await programmes.templateFrom(db(), admin, null)).toEqual(DEFAULT_TEMPLATE);
		});

		it('a facilitator sees only programmes holding a session assigned to them; another organization nothing', async () => {
			const kukar = await orgWithAdmin(db());
			const paser = await orgWithAdmin(db(), 'DPMD Paser', 'admin@paser.go.id');
			const organizer = await kukar.add('org1', 'organizer');
			const fas = await kukar.add('fas1', 'facilitator');
			const one = await programmes.createProgramme(db(), organizer, { name: 'Rangkaian A', theme: '', template: DEFAULT_TEMPLATE });
			const two = await programmes.createProgramme(db(), organizer, { name: 'Rangkaian B', theme: '', template: DEFAULT_TEMPLATE });
			const a = await programmes.createSession(db(), organizer, { title: 'A1', startsAt: '2026-02-10T09:00', venue: '', regionCode: '', programmeId: one.id });
			const a2 = await programmes.createSession(db(), organizer, { title: 'A2', startsAt: '2026-02-11T09:00', venue: '', regionCode: '', programmeId: one.id });
			await programmes.createSession(db(), organizer, { title: 'B1', startsAt: '2026-02-11T09:00', venue: '', regionCode: '', programmeId: two.id });
			expect(await programmes.programmesFor(db(), fas)).toEqual([]);
			await orgSessions.assign(db(), organizer, a.code, fas.accountId, true);
			expect((await programmes.programmesFor(db(), fas)).map((p) => p.name)).toEqual(['Rangkaian A']);
			expect(await programmeSessionIds(db(), fas, one.id)).toEqual([a.id]);
			expect(await programmeSessionIds(db(), organizer, one.id)).toEqual([a.id, a2.id]);
			await expect(programmes.programmeFor(db(), fas, two.id)).rejects.toThrow(AccessDenied);
			await expect(programmes.duplicateSession(db(), fas, a.code)).rejects.toThrow(AccessDenied);
			await expect(reportableProgramme(db(), fas, one.id)).rejects.toThrow(AccessDenied);
			expect(await programmes.programmesFor(db(), paser.admin)).toEqual([]);
			expect(await programmeSessionIds(db(), paser.admin, one.id)).toEqual([]);
			await expect(programmes.programmeFor(db(), paser.admin, one.id)).rejects.toThrow(AccessDenied);
			await expect(programmes.templateFrom(db(), paser.admin, a.code)).rejects.toThrow(AccessDenied);
			await expect(programmes.createSession(db(), paser.admin, { title: 'X', startsAt: '2026-02-10T09:00', venue: '', regionCode: '', programmeId: one.id })).rejects.toThrow(AccessDenied);
		});
	});

	describe('a programme’s follow-up and report edits', () => {
		it('reads the rows of the programme’s sessions, takes updates for them only, and keeps report edits under the programme', async () => {
			const kukar = await orgWithAdmin(db());
			const { admin } = kukar;
			const programme = await programmes.createProgramme(db(), admin, { name: 'FGD UMKM 2026', theme: '', template: DEFAULT_TEMPLATE });
			const other = await programmes.createProgramme(db(), admin, { name: 'Rangkaian lain', theme: '', template: DEFAULT_TEMPLATE });
			const mine = await programmes.createSession(db(), admin, { title: 'FGD Tenggarong', startsAt: '2026-02-10T09:00', venue: '', regionCode: '', programmeId: programme.id });
			const theirs = await programmes.createSession(db(), admin, { title: 'FGD lain', startsAt: '2026-02-10T09:00', venue: '', regionCode: '', programmeId: other.id });
			const plan = { activity: 'Pelatihan akses KUR', pic: { name: 'Siti', institution: 'Dinas Koperasi dan UKM', group: '' }, timeframe: 'Triwulan I 2026', status: 'rencana' };
			await db().insertInto('action_rows').values({ id: 'kur', session_id: mine.id, position: 0, data: JSON.stringify(plan) }).execute();
			const at = '2026-02-10T02:00:00Z';
			for (const [id, sessionId, text] of [
				['i-mine', mine.id, 'Modal sulit'],
				['i-theirs', theirs.id, 'Jalan rusak']
			]) {
				const person = { id: `p-${id}`, session_id: sessionId, token_hash: id, name: 'Bu Sari', stakeholder_group: 'desa', consent_at: at, consent_version: '1', joined_at: at };
				await db().insertInto('participants').values(person).execute();
				await db().insertInto('items').values({ id, session_id: sessionId, kind: 'kendala', text, author_id: person.id, created_at: at, updated_at: at, deleted_at: null, theme_id: null, merged_into: null, hidden_reason: null }).execute();
			}

			const now = new Date('2026-06-01T03:00:00Z');
			const { rows } = await pf.programmeRows(db(), admin, programme.id, now);
			expect(rows.map((r) => [r.session.title, r.row.activity, r.overdue])).toEqual([['FGD Tenggarong', 'Pelatihan akses KUR', true]]);
			const session = await pf.sessionForUpdate(db(), admin, programme.id, mine.code);
			expect(session.id).toBe(mine.id);
			await expect(pf.sessionForUpdate(db(), admin, programme.id, theirs.code)).rejects.toThrow(AccessDenied);
			const text = await pf.programmeSummary(db(), admin, programme.id, {}, 'id', '10.0.0.4', now);
			expect(text).toContain('FGD UMKM 2026');
			expect(text).toContain('Pelatihan akses KUR');
			expect((await audit.list(db(), admin.organizationId)).find((e) => e.action === 'report.downloaded')).toMatchObject({ subject: 'FGD UMKM 2026', detail: 'programme followup summary id' });

			const edit = await editProgrammeReport(db(), admin, programme.id, { op: 'rename', itemIds: ['i-mine'], name: 'Akses modal' });
			expect(edit).toMatchObject({ op: 'rename', name: 'Akses modal', actor: `account:${admin.accountId}` });
			await expect(editProgrammeReport(db(), admin, programme.id, { op: 'pin', itemIds: ['i-theirs'] })).rejects.toThrow(AccessDenied);
			const stored = await db().selectFrom('synthesis_edits').select(['scope_id', 'op']).execute();
			expect(stored).toEqual([{ scope_id: programme.id, op: 'rename' }]);
		});
	});
});

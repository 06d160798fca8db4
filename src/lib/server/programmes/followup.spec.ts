/** A programme's follow-up table: which rows a member sees (programme, organization, assignment), updates from it, the sheet and summary over many sessions. */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { createSession, must, type TestSession } from '$lib/testing/server';
import { freshDb } from '$lib/testing/stores';
import type { Database } from '../db/store';
import * as access from '../accounts/access';
import * as members from '../accounts/members';
import * as orgSessions from '../accounts/org-sessions';
import * as accounts from '../accounts/accounts';
import * as audit from '../accounts/audit';
import * as followup from '../followup';
import * as pf from './followup';
import * as programmes from './programmes';
import { DEFAULT_TEMPLATE } from './template';
import { smallPdf } from '$lib/testing/evidence';

const GOOD = 'Sungai Mahakam pagi berkabut 7';
const NOW = new Date('2026-06-01T03:00:00Z');

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

/** A session of the programme with one action-plan row. */
async function sessionWithRow(db: Database, member: access.Member, programmeId: string, title: string, region: string, row: Record<string, unknown>): Promise<TestSession> {
	const s = await createSession(db, { title });
	await db.updateTable('sessions').set({ organization_id: member.organizationId, programme_id: programmeId, region }).where('id', '=', s.row.id).execute();
	await must(db, s.facilitator, { type: 'action.save', row });
	return s;
}

async function world() {
	const db = await freshDb();
	const kukar = await org(db, 'DPMD Kukar', 'admin@kukar.go.id');
	const paser = await org(db, 'DPMD Paser', 'admin@paser.go.id');
	const organizer = await kukar.add('org1', 'organizer');
	const fas = await kukar.add('fas1', 'facilitator');
	const programme = await programmes.createProgramme(db, organizer, { name: 'FGD UMKM 2026', theme: '', template: DEFAULT_TEMPLATE });
	const other = await programmes.createProgramme(db, organizer, { name: 'Rangkaian lain', theme: '', template: DEFAULT_TEMPLATE });
	const foreign = await programmes.createProgramme(db, paser.admin, { name: 'Program Paser', theme: '', template: DEFAULT_TEMPLATE });
	const a = await sessionWithRow(db, organizer, programme.id, 'FGD Tenggarong', 'Kutai Kartanegara', {
		activity: 'Pelatihan akses KUR',
		pic: { name: 'Siti', institution: 'Dinas Koperasi dan UKM' },
		funding: 'APBD',
		timeframe: 'Triwulan I 2026'
	});
	const b = await sessionWithRow(db, organizer, programme.id, 'FGD Samarinda', 'Samarinda', {
		activity: 'Pendataan UMKM',
		pic: { name: 'Budi', institution: 'Bappeda' },
		funding: 'Dana Desa',
		timeframe: '2099'
	});
	await sessionWithRow(db, organizer, other.id, 'FGD lain', 'Paser', { activity: 'Baris rangkaian lain', pic: { name: '', institution: 'Bappeda' }, funding: 'APBD', timeframe: '2099' });
	const c = await createSession(db, { title: 'FGD Paser' });
	await db.updateTable('sessions').set({ organization_id: paser.admin.organizationId, programme_id: foreign.id }).where('id', '=', c.row.id).execute();
	await must(db, c.facilitator, { type: 'action.save', row: { activity: 'Baris organisasi lain', pic: { name: '', institution: 'Bappeda' }, funding: 'APBD', timeframe: '2099' } });
	return { db, kukar, paser, organizer, fas, programme, other, foreign, a, b, c };
}

const activities = (rows: { row: { activity: string } }[]) => rows.map((r) => r.row.activity);

describe('programme follow-up scoping', () => {
	it('shows every row of every session of the programme, never another programme’s or another organization’s', async () => {
		const w = await world();
		const { rows } = await pf.programmeRows(w.db, w.organizer, w.programme.id, NOW);
		expect(activities(rows)).toEqual(['Pelatihan akses KUR', 'Pendataan UMKM']);
		expect(rows.map((r) => r.session.region)).toEqual(['Kutai Kartanegara', 'Samarinda']);
		expect(rows[0].overdue).toBe(true);
		expect(rows[1].overdue).toBe(false);
		expect(activities((await pf.programmeRows(w.db, w.kukar.admin, w.programme.id, NOW)).rows)).toHaveLength(2);
		// Another organization's programme is unknown, whoever asks.
		await expect(pf.programmeRows(w.db, w.organizer, w.foreign.id, NOW)).rejects.toThrow(access.AccessDenied);
		await expect(pf.programmeRows(w.db, w.paser.admin, w.programme.id, NOW)).rejects.toThrow(access.AccessDenied);
		// A session moved into the programme's id but belonging to another organization does not leak in.
		await w.db.updateTable('sessions').set({ programme_id: w.programme.id }).where('id', '=', w.c.row.id).execute();
		expect(activities((await pf.programmeRows(w.db, w.organizer, w.programme.id, NOW)).rows)).not.toContain('Baris organisasi lain');
	});

	it('a facilitator sees only the rows of the sessions assigned to them', async () => {
		const w = await world();
		await expect(pf.programmeRows(w.db, w.fas, w.programme.id, NOW)).rejects.toThrow(access.AccessDenied);
		await orgSessions.assign(w.db, w.organizer, w.b.row.code, w.fas.accountId, true);
		expect(activities((await pf.programmeRows(w.db, w.fas, w.programme.id, NOW)).rows)).toEqual(['Pendataan UMKM']);
		await expect(pf.sessionForUpdate(w.db, w.fas, w.programme.id, w.a.row.code)).rejects.toThrow(access.AccessDenied);
		expect((await pf.sessionForUpdate(w.db, w.fas, w.programme.id, w.b.row.code)).id).toBe(w.b.row.id);
	});

	it('an update goes only to a session of the programme, attributed to the account', async () => {
		const w = await world();
		await expect(pf.sessionForUpdate(w.db, w.organizer, w.programme.id, w.c.row.code)).rejects.toThrow(access.AccessDenied);
		const session = await pf.sessionForUpdate(w.db, w.organizer, w.programme.id, w.a.row.code);
		const rowId = (await pf.programmeRows(w.db, w.organizer, w.programme.id, NOW)).rows[0].row.id;
		const input = followup.updateInput.parse({ rowId, status: 'selesai', note: 'Pelatihan selesai', evidenceUrl: '' });
		await followup.recordUpdate(w.db, session.id, pf.accountActor(w.organizer), input, { now: NOW });
		expect(await w.db.selectFrom('action_updates').select('actor').where('session_id', '=', session.id).executeTakeFirst()).toEqual({ actor: `account:${w.organizer.accountId}` });
		const [first] = (await pf.programmeRows(w.db, w.organizer, w.programme.id, NOW)).rows;
		expect(first).toMatchObject({ status: 'selesai', overdue: false });
	});
});

describe('programme follow-up downloads', () => {
	it('the sheet holds the filtered rows of both sessions, and the download is audited', async () => {
		const w = await world();
		const { body, filename } = await pf.programmeSheet(w.db, w.organizer, w.programme.id, {}, 'id', '10.0.0.1', NOW);
		expect(filename).toBe('tindak-lanjut-program-2026-06-01.xlsx');
		const book = new ExcelJS.Workbook();
		await book.xlsx.load(body as unknown as ArrayBuffer);
		const sheet = book.worksheets[0];
		expect([2, 3].map((n) => sheet.getRow(n).getCell(2).value)).toEqual(['FGD Tenggarong', 'FGD Samarinda']);
		expect(sheet.rowCount).toBe(3);
		const filtered = await pf.programmeSheet(w.db, w.organizer, w.programme.id, { region: 'Samarinda' }, 'en', '', NOW);
		const second = new ExcelJS.Workbook();
		await second.xlsx.load(filtered.body as unknown as ArrayBuffer);
		expect(second.worksheets[0].rowCount).toBe(2);
		const entries = (await audit.list(w.db, w.organizer.organizationId)).filter((e) => e.action === 'report.downloaded');
		expect(entries.map((e) => [e.subject, e.detail, e.accountId])).toEqual(
			expect.arrayContaining([
				['FGD UMKM 2026', 'programme followup sheet id', w.organizer.accountId],
				['FGD UMKM 2026', 'programme followup sheet en', w.organizer.accountId]
			])
		);
	});

	it('the WhatsApp summary names the programme and counts the filtered rows', async () => {
		const w = await world();
		const text = await pf.programmeSummary(w.db, w.organizer, w.programme.id, { status: 'overdue' }, 'id', '', NOW);
		expect(text).toContain('FGD UMKM 2026');
		expect(text).toContain('Pelatihan akses KUR');
		expect(text).not.toContain('Pendataan UMKM');
		await expect(pf.programmeSummary(w.db, w.paser.admin, w.programme.id, {}, 'id', '', NOW)).rejects.toThrow(access.AccessDenied);
	});
});

describe('programme follow-up evidence files', () => {
	it('a member fetches a file of a session they may see, audited; another organization, programme or unassigned facilitator cannot', async () => {
		const w = await world();
		const fileOf = async (s: TestSession, name: string) => {
			const rowId = (await followup.loadTracked(w.db, [s.row.id]))[0].row.id;
			const input = followup.updateInput.parse({ rowId, status: 'berjalan', note: '', evidenceUrl: '' });
			return (await followup.recordUpdate(w.db, s.row.id, 'facilitator', input, { files: [{ name, type: 'pdf', data: smallPdf() }] })).files[0].id;
		};
		const inA = await fileOf(w.a, 'kur.pdf');
		const inB = await fileOf(w.b, 'pendataan.pdf');
		const inForeign = await (async () => {
			await must(w.db, w.c.facilitator, { type: 'action.save', row: { activity: 'Baris Paser', pic: { institution: 'Bappeda' }, timeframe: '2099' } });
			return fileOf(w.c, 'paser.pdf');
		})();
		expect(await pf.programmeEvidence(w.db, w.organizer, w.programme.id, inA, '10.0.0.2')).toMatchObject({ name: 'kur.pdf', contentType: 'application/pdf' });
		// The file of another organization's session, even asked through one's own programme; a file asked through another programme.
		await expect(pf.programmeEvidence(w.db, w.organizer, w.programme.id, inForeign)).rejects.toThrow(access.AccessDenied);
		await expect(pf.programmeEvidence(w.db, w.organizer, w.other.id, inA)).rejects.toThrow(access.AccessDenied);
		await expect(pf.programmeEvidence(w.db, w.paser.admin, w.foreign.id, inA)).rejects.toThrow(access.AccessDenied);
		// A facilitator sees the files of assigned sessions only.
		await orgSessions.assign(w.db, w.organizer, w.b.row.code, w.fas.accountId, true);
		expect((await pf.programmeEvidence(w.db, w.fas, w.programme.id, inB)).name).toBe('pendataan.pdf');
		await expect(pf.programmeEvidence(w.db, w.fas, w.programme.id, inA)).rejects.toThrow(access.AccessDenied);
		const logged = (await audit.list(w.db, w.organizer.organizationId)).filter((e) => e.action === 'evidence.downloaded');
		expect(logged.map((e) => [e.accountId, e.subject, e.detail, e.address])).toEqual(
			expect.arrayContaining([[w.organizer.accountId, w.a.row.code, 'programme FGD UMKM 2026: kur.pdf', '10.0.0.2']])
		);
		expect(logged).toHaveLength(2);
	});
});

import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, it } from 'vitest';
import { followup as enWords } from '../i18n/en/followup';
import { followup as idWords } from '../i18n/id/followup';
import { createSession, inTransaction, must, type TestSession } from '$lib/testing/server';
import { freshDb } from '$lib/testing/stores';
import type { Database } from './db/store';
import * as followup from './followup';
import * as sessions from './sessions';

let db: Database;
let session: TestSession;

async function save(db: Database, who: TestSession, row: Record<string, unknown>): Promise<string> {
	const { records } = await must(db, who.facilitator, { type: 'action.save', row });
	const event = records[0].event;
	if (event.type !== 'action.saved') throw new Error(event.type);
	return event.row.id;
}
const parse = (input: followup.UpdateInput) => followup.updateInput.parse(input);
const update = (rowId: string, status: 'rencana' | 'berjalan' | 'selesai' | 'tertunda', options: Parameters<typeof followup.recordUpdate>[4] = {}, note = '', evidenceUrl = '') =>
	db.transaction().execute((trx) => followup.recordUpdate(trx, session.row.id, 'facilitator', parse({ rowId, status, note, evidenceUrl }), options));
const tracked = (ids: string[], now?: Date) => followup.loadTracked(db, ids, now);

let kur: string;
let data: string;

beforeEach(async () => {
	db = await freshDb();
	session = await createSession(db, { title: 'FGD UMKM Kukar', region: 'Kutai Kartanegara' });
	kur = await save(db, session, { activity: 'Pelatihan akses KUR', pic: { name: 'Siti', institution: 'Dinas Koperasi dan UKM' }, funding: 'APBD', timeframe: 'Triwulan I 2026', cost: 150_000_000 });
	data = await save(db, session, { activity: 'Pendataan UMKM', pic: { name: 'Budi', institution: 'Bappeda' }, funding: 'Dana Desa', timeframe: 'Belum ditentukan' });
});

describe('progress updates', () => {
	it('are kept one per update, the latest giving the status, and leave the agreed plan as it was', async () => {
		await update(kur, 'berjalan', { now: new Date('2026-01-05T02:00:00Z') }, 'Jadwal pelatihan disepakati');
		await update(kur, 'selesai', { now: new Date('2026-03-20T02:00:00Z') }, 'Pelatihan selesai', 'https://example.org/foto.jpg');
		const [first, second] = await tracked([session.row.id], new Date('2026-04-10T00:00:00Z'));
		expect(first).toMatchObject({ status: 'selesai', lastUpdated: '2026-03-20T02:00:00.000Z', deadline: '2026-03-31', overdue: false });
		expect(first.updates.map((u) => [u.status, u.note, u.evidenceUrl])).toEqual([
			['selesai', 'Pelatihan selesai', 'https://example.org/foto.jpg'],
			['berjalan', 'Jadwal pelatihan disepakati', null]
		]);
		expect(first.row.status).toBe('rencana');
		expect(second).toMatchObject({ status: 'rencana', deadline: null, overdue: false, updates: [] });
		expect(second.lastUpdated).toEqual(expect.any(String));
	});

	it('are taken after the session is closed', async () => {
		await inTransaction(db, async (trx) => sessions.close(trx, await sessions.byId(trx, session.row.id)));
		expect((await sessions.byId(db, session.row.id)).status).toBe('closed');
		await update(kur, 'tertunda', {}, 'Anggaran belum cair');
		expect((await tracked([session.row.id]))[0].status).toBe('tertunda');
	});

	it('refuse bad input and unknown or deleted rows, changing nothing', async () => {
		expect(followup.updateInput.safeParse({ rowId: kur, status: 'batal', note: '', evidenceUrl: '' }).success).toBe(false);
		expect(followup.updateInput.safeParse({ rowId: kur, status: 'selesai', note: 'x'.repeat(1001), evidenceUrl: '' }).success).toBe(false);
		expect(followup.updateInput.safeParse({ rowId: kur, status: 'selesai', note: '', evidenceUrl: 'javascript:alert(1)' }).success).toBe(false);
		await expect(update('no-such-row', 'selesai')).rejects.toThrow(followup.FollowupRefusal);
		await must(db, session.facilitator, { type: 'action.delete', rowId: data });
		await expect(update(data, 'selesai')).rejects.toThrow(followup.FollowupRefusal);
		expect(await db.selectFrom('action_updates').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst()).toEqual({ n: 0 });
	});

	it('overdue rows show across many sessions in one call', async () => {
		const paser = await createSession(db, { title: 'FGD Paser', region: 'Paser' });
		await save(db, paser, { activity: 'Sertifikasi halal', pic: { institution: 'Dinas Koperasi dan UKM' }, timeframe: '2025' });
		const rows = await tracked([session.row.id, paser.row.id], new Date('2026-05-01T00:00:00Z'));
		expect(rows.map((r) => [r.session.region, r.row.activity, r.overdue])).toEqual([
			['Kutai Kartanegara', 'Pelatihan akses KUR', true],
			['Kutai Kartanegara', 'Pendataan UMKM', false],
			['Paser', 'Sertifikasi halal', true]
		]);
	});
});

describe('PIC update links', () => {
	it('open only their institution’s rows, and write only those', async () => {
		const link = await db.transaction().execute((trx) => followup.createPicLink(trx, session.row.id, 'dinas koperasi dan ukm'));
		expect(link.institution).toBe('Dinas Koperasi dan UKM');
		const opened = (await followup.openPicLink(db, session.row.id, link.key))!;
		expect(opened.institution).toBe('Dinas Koperasi dan UKM');
		const rows = followup.rowsOfInstitution(await tracked([session.row.id]), opened.institution);
		expect(rows.map((r) => r.row.id)).toEqual([kur]);
		await update(kur, 'berjalan', { onlyInstitution: opened.institution });
		await expect(update(data, 'selesai', { onlyInstitution: opened.institution })).rejects.toThrow(followup.FollowupRefusal);
		expect((await tracked([session.row.id]))[0].status).toBe('berjalan');
		expect((await tracked([session.row.id]))[1].status).toBe('rencana');
	});

	it('are made only for an institution on the plan, keep only a hash, and stop once revoked', async () => {
		const k = db;
		await expect(followup.createPicLink(k, session.row.id, 'Dinas Pariwisata')).rejects.toThrow(followup.FollowupRefusal);
		await expect(followup.createPicLink(k, session.row.id, '  ')).rejects.toThrow(followup.FollowupRefusal);
		const link = await followup.createPicLink(k, session.row.id, 'Bappeda');
		expect(JSON.stringify(await db.selectFrom('pic_links').selectAll().execute())).not.toContain(link.key);
		const other = await createSession(db, { title: 'Lain' });
		expect(await followup.openPicLink(k, other.row.id, link.key)).toBeNull();
		expect(await followup.openPicLink(k, session.row.id, 'wrong')).toBeNull();
		expect((await followup.openPicLink(k, session.row.id, link.key))?.id).toBe(link.id);
		expect(await followup.revokePicLink(k, session.row.id, link.id)).toBe(true);
		expect(await followup.openPicLink(k, session.row.id, link.key)).toBeNull();
		expect(await followup.listPicLinks(k, session.row.id)).toEqual([{ id: link.id, institution: 'Bappeda', createdAt: link.createdAt, revokedAt: expect.any(String) }]);
		expect(await followup.revokePicLink(k, other.row.id, link.id)).toBe(false);
		// A report link's key is not a PIC link, nor the other way round.
		expect(await followup.openPicLink(k, session.row.id, session.facilitatorKey)).toBeNull();
	});
});

describe('the monitoring sheet', () => {
	it('has a row per action with status, overdue, last update, latest note and evidence, and the history', async () => {
		await update(kur, 'berjalan', { now: new Date('2026-02-10T01:30:00Z') }, 'Peserta terdaftar 40 orang', 'https://example.org/daftar-hadir');
		const rows = await tracked([session.row.id], new Date('2026-05-01T00:00:00Z'));
		const book = new ExcelJS.Workbook();
		await book.xlsx.load((await followup.renderSheet(rows, idWords)) as unknown as ArrayBuffer);
		const sheet = book.getWorksheet('Pemantauan')!;
		const header = (sheet.getRow(1).values as unknown[]).slice(1);
		expect(header).toContain('Instansi PIC');
		const cells = (sheet.getRow(2).values as unknown[]).slice(1);
		const at = (name: string) => cells[header.indexOf(name)];
		expect(at('Kegiatan')).toBe('Pelatihan akses KUR');
		expect(at('Status')).toBe('Berjalan');
		expect(at('Terlambat')).toBe('Ya');
		expect(at('Catatan terakhir')).toBe('Peserta terdaftar 40 orang');
		expect(at('Bukti')).toBe('https://example.org/daftar-hadir');
		expect(at('Perkiraan biaya (Rp)')).toBe(150_000_000);
		expect((at('Batas') as Date).toISOString().slice(0, 10)).toBe('2026-03-31');
		// The session's wall clock (Asia/Jakarta by default: 08:30), as Excel has no zones.
		expect((at('Terakhir diperbarui') as Date).toISOString()).toMatch(/^2026-02-10T0[89]:30/);
		expect((sheet.getRow(3).values as unknown[])[header.indexOf('Terlambat') + 1]).toBe('Tidak');
		const history = book.getWorksheet('Riwayat pembaruan')!;
		expect(history.rowCount).toBe(2);
		expect((history.getRow(2).values as unknown[]).slice(1)).toContain('Peserta terdaftar 40 orang');

		const english = new ExcelJS.Workbook();
		await english.xlsx.load((await followup.renderSheet(rows, enWords)) as unknown as ArrayBuffer);
		expect((english.getWorksheet('Monitoring')!.getRow(2).values as unknown[]).slice(1)).toContain('In progress');
	});
});

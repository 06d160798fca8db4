import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, it } from 'vitest';
import { followup as idWords } from '../i18n/id/followup';
import { smallPdf } from '$lib/testing/evidence';
import { createSession, must, rowCount, type TestSession } from '$lib/testing/server';
import { freshDb } from '$lib/testing/stores';
import type { Database } from './db/store';
import * as evidence from './evidence';
import type { ReadyEvidence } from './evidence-file';
import * as followup from './followup';
import { deleteSession } from './privacy';

let db: Database;
let session: TestSession;
let kur: string;
let data: string;

async function save(who: TestSession, activity: string, institution: string): Promise<string> {
	const { records } = await must(db, who.facilitator, { type: 'action.save', row: { activity, pic: { institution }, timeframe: '2099' } });
	return (records[0].event as { row: { id: string } }).row.id;
}
const pdf = (name: string, text = name): ReadyEvidence => ({ name, type: 'pdf', data: smallPdf(text) });
const update = (rowId: string, files: ReadyEvidence[], options: { onlyInstitution?: string; sessionId?: string; evidenceUrl?: string; now?: Date } = {}) =>
	db.transaction().execute((trx) =>
		followup.recordUpdate(trx, options.sessionId ?? session.row.id, 'facilitator', followup.updateInput.parse({ rowId, status: 'berjalan', note: '', evidenceUrl: options.evidenceUrl ?? '' }), {
			files,
			onlyInstitution: options.onlyInstitution,
			now: options.now
		})
	);
const countOf = (table: 'action_updates' | 'action_evidence' | 'action_evidence_blobs') => rowCount(db, table);

beforeEach(async () => {
	db = await freshDb();
	session = await createSession(db, { title: 'FGD UMKM' });
	kur = await save(session, 'Pelatihan akses KUR', 'Dinas Koperasi dan UKM');
	data = await save(session, 'Pendataan UMKM', 'Bappeda');
});

describe('evidence files of an update', () => {
	it('are stored with the update and listed with it, without their bytes', async () => {
		const made = await update(kur, [pdf('daftar hadir.pdf'), { name: 'foto.jpg', type: 'jpeg', data: Buffer.from([0xff, 0xd8, 0xff, 0xe0]) }]);
		expect(made.files.map((f) => [f.name, f.type, f.bytes])).toEqual([
			['daftar hadir.pdf', 'pdf', smallPdf('daftar hadir.pdf').length],
			['foto.jpg', 'jpeg', 4]
		]);
		const [row] = await followup.loadTracked(db, [session.row.id]);
		expect(row.updates[0].files).toEqual(made.files);
		expect(JSON.stringify(row)).not.toContain('%PDF');
		const file = (await evidence.read(db, session.row.id, made.files[0].id))!;
		expect(file).toMatchObject({ name: 'daftar hadir.pdf', type: 'pdf', contentType: 'application/pdf' });
		expect(Buffer.compare(file.data, smallPdf('daftar hadir.pdf'))).toBe(0);
	});

	it('are not stored when the update is refused: another institution’s row through a PIC scope', async () => {
		await expect(update(data, [pdf('bukan milik saya.pdf')], { onlyInstitution: 'Dinas Koperasi dan UKM' })).rejects.toThrow(followup.FollowupRefusal);
		expect([await countOf('action_updates'), await countOf('action_evidence'), await countOf('action_evidence_blobs')]).toEqual([0, 0, 0]);
	});

	it('stop at the session’s limit, leaving the refused update unsaved', async () => {
		const filler = await update(kur, []);
		const fillers = Array.from({ length: evidence.MAX_FILES_PER_SESSION - 1 }, (_, i) => ({
			id: `filler-${i}`,
			session_id: session.row.id,
			update_id: filler.id,
			name: 'x.pdf',
			type: 'pdf' as const,
			bytes: 1,
			created_at: '2026-01-01'
		}));
		await db.insertInto('action_evidence').values(fillers).execute();
		const updates = await countOf('action_updates');
		await expect(update(kur, [pdf('a.pdf'), pdf('b.pdf')])).rejects.toThrow(evidence.EvidenceFull);
		expect(await countOf('action_updates')).toBe(updates);
		expect((await update(kur, [pdf('c.pdf')])).files).toHaveLength(1);
		expect(await evidence.count(db, session.row.id)).toBe(evidence.MAX_FILES_PER_SESSION);
	});
});

describe('who reads an evidence file', () => {
	it('a PIC scope reads its own institution’s files only, and nothing of another session', async () => {
		const own = (await update(kur, [pdf('kur.pdf')])).files[0].id;
		const theirs = (await update(data, [pdf('bappeda.pdf')])).files[0].id;
		expect((await evidence.read(db, session.row.id, own, { onlyInstitution: 'dinas koperasi dan ukm' }))?.name).toBe('kur.pdf');
		expect(await evidence.read(db, session.row.id, theirs, { onlyInstitution: 'Dinas Koperasi dan UKM' })).toBeNull();
		expect((await evidence.read(db, session.row.id, theirs, { onlyInstitution: 'Bappeda' }))?.name).toBe('bappeda.pdf');
		// Staff of the session read both; another session's id reaches neither.
		expect((await evidence.read(db, session.row.id, theirs))?.name).toBe('bappeda.pdf');
		const other = await createSession(db, { title: 'FGD lain' });
		expect(await evidence.read(db, other.row.id, own)).toBeNull();
		expect(await evidence.sessionOf(db, own)).toBe(session.row.id);
		expect(await evidence.read(db, session.row.id, 'no-such-file')).toBeNull();
	});

	it('a PIC scope no longer reads a file whose row left the plan', async () => {
		const own = (await update(kur, [pdf('kur.pdf')])).files[0].id;
		await must(db, session.facilitator, { type: 'action.delete', rowId: kur });
		expect(await evidence.read(db, session.row.id, own, { onlyInstitution: 'Dinas Koperasi dan UKM' })).toBeNull();
	});
});

describe('evidence files and the session', () => {
	it('go with the session when it is deleted, and another session keeps its own', async () => {
		await update(kur, [pdf('kur.pdf')]);
		const other = await createSession(db, { title: 'FGD lain' });
		const otherRow = await save(other, 'Pelatihan', 'Bappeda');
		await update(otherRow, [pdf('lain.pdf')], { sessionId: other.row.id });
		expect(await deleteSession(db, session.row.id)).toBe(true);
		expect(await db.selectFrom('action_evidence').select('name').execute()).toEqual([{ name: 'lain.pdf' }]);
		expect(await countOf('action_evidence_blobs')).toBe(1);
	});

	it('are named in the monitoring sheet, with how many evidence links the row has', async () => {
		// Dated apart: updates of the same millisecond have no order to show.
		await update(kur, [pdf('surat.pdf')], { evidenceUrl: 'https://example.org/a', now: new Date('2026-02-01T02:00:00Z') });
		await update(kur, [pdf('foto kegiatan.pdf'), pdf('daftar hadir.pdf')], { evidenceUrl: 'https://example.org/b', now: new Date('2026-02-03T02:00:00Z') });
		const book = new ExcelJS.Workbook();
		await book.xlsx.load((await followup.renderSheet(await followup.loadTracked(db, [session.row.id]), idWords)) as unknown as ArrayBuffer);
		const main = book.getWorksheet('Pemantauan')!;
		expect(main.getRow(1).getCell(17).value).toBe('Jumlah tautan bukti');
		expect(main.getRow(1).getCell(18).value).toBe('Berkas bukti');
		expect(main.getRow(2).getCell(17).value).toBe(2);
		expect(main.getRow(2).getCell(18).value).toBe('surat.pdf\nfoto kegiatan.pdf\ndaftar hadir.pdf');
		expect(main.getRow(3).getCell(18).value).toBe('');
		const history = book.getWorksheet('Riwayat pembaruan')!;
		expect(history.getRow(1).getCell(9).value).toBe('Berkas bukti');
		expect(history.getRow(3).getCell(9).value).toBe('foto kegiatan.pdf\ndaftar hadir.pdf');
	});
});

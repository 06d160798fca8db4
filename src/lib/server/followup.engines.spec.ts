/**
 * Follow-up on both engines: a PIC link opens its institution's rows, its update is stored with
 * its evidence files (bytea on PostgreSQL) in one transaction, and a refused one leaves nothing.
 * The plan's rows are written straight into the table here; the action-plan commands have specs of
 * their own (actions.spec.ts, on both engines).
 */
import { expect, it } from 'vitest';
import { smallPdf } from '$lib/testing/evidence';
import { bareSession, forEachEngine } from '$lib/testing/engines';
import type { Database } from './db/store';
import * as evidence from './evidence';
import type { ReadyEvidence } from './evidence-file';
import * as followup from './followup';
import { recordEvent } from './log';

const pdf = (name: string): ReadyEvidence => ({ name, type: 'pdf', data: smallPdf(name) });

/** An action-plan row as `action.save` writes it: the row, and the record saying when. */
async function planRow(db: Database, sessionId: string, id: string, position: number, activity: string, institution: string) {
	const data = { activity, pic: { name: '', institution, group: '' }, timeframe: 'Triwulan I 2026', status: 'rencana' };
	await db.insertInto('action_rows').values({ id, session_id: sessionId, position, data: JSON.stringify(data) }).execute();
	await db.transaction().execute((trx) => recordEvent(trx, sessionId, 'facilitator', { type: 'action.saved', row: { ...data, id, position } as never }));
}

forEachEngine(({ store }) => {
	const db = () => store().db;

	it('a PIC link opens its own rows, and its update is stored with its evidence files', async () => {
		const sessionId = await bareSession(store());
		await planRow(db(), sessionId, 'kur', 0, 'Pelatihan akses KUR', 'Dinas Koperasi dan UKM');
		await planRow(db(), sessionId, 'data', 1, 'Pendataan UMKM', 'Bappeda');
		const link = await followup.createPicLink(db(), sessionId, 'dinas koperasi dan ukm');
		expect(link.institution).toBe('Dinas Koperasi dan UKM');
		const opened = (await followup.openPicLink(db(), sessionId, link.key))!;
		expect(opened.id).toBe(link.id);

		const rows = await followup.loadTracked(db(), [sessionId], new Date('2026-01-10T00:00:00Z'));
		expect(rows.map((r) => [r.row.id, r.row.activity, r.status])).toEqual([
			['kur', 'Pelatihan akses KUR', 'rencana'],
			['data', 'Pendataan UMKM', 'rencana']
		]);
		// Not updated yet: last touched when the plan saved it (the log's action.saved record).
		const saved = await db().selectFrom('session_events').select('at').where('seq', '=', 1).executeTakeFirstOrThrow();
		expect(rows[0].lastUpdated).toBe(saved.at);
		expect(followup.rowsOfInstitution(rows, opened.institution).map((r) => r.row.id)).toEqual(['kur']);

		const input = followup.updateInput.parse({ rowId: 'kur', status: 'berjalan', note: 'Jadwal disepakati', evidenceUrl: '' });
		const update = await db()
			.transaction()
			.execute((trx) =>
				followup.recordUpdate(trx, sessionId, `pic:${link.id}`, input, {
					onlyInstitution: opened.institution,
					files: [pdf('daftar hadir.pdf'), pdf('foto.pdf')],
					now: new Date('2026-01-05T02:00:00Z')
				})
			);
		expect(update).toMatchObject({ by: 'pic', status: 'berjalan', note: 'Jadwal disepakati' });
		expect(update.files.map((f) => f.name)).toEqual(['daftar hadir.pdf', 'foto.pdf']);

		const [kur] = await followup.loadTracked(db(), [sessionId], new Date('2026-01-10T00:00:00Z'));
		expect(kur).toMatchObject({ status: 'berjalan', lastUpdated: '2026-01-05T02:00:00.000Z' });
		expect(kur.updates[0].files).toEqual(update.files);
		expect(await evidence.count(db(), sessionId)).toBe(2);
		expect(await evidence.sessionOf(db(), update.files[1].id)).toBe(sessionId);

		const file = (await evidence.read(db(), sessionId, update.files[0].id, { onlyInstitution: 'Dinas Koperasi dan UKM' }))!;
		expect(file).toMatchObject({ name: 'daftar hadir.pdf', type: 'pdf', contentType: 'application/pdf' });
		expect(Buffer.isBuffer(file.data) && file.data.equals(smallPdf('daftar hadir.pdf'))).toBe(true);
		// Another institution's link reads none of it; once the row leaves the plan, neither does its own.
		expect(await evidence.read(db(), sessionId, update.files[0].id, { onlyInstitution: 'Bappeda' })).toBeNull();
		await db().updateTable('action_rows').set({ deleted_at: '2026-02-01T00:00:00Z' }).where('id', '=', 'kur').execute();
		expect(await evidence.read(db(), sessionId, update.files[0].id, { onlyInstitution: 'Dinas Koperasi dan UKM' })).toBeNull();
		expect((await evidence.read(db(), sessionId, update.files[0].id))?.name).toBe('daftar hadir.pdf');

		expect(await followup.revokePicLink(db(), sessionId, link.id)).toBe(true);
		expect(await followup.openPicLink(db(), sessionId, link.key)).toBeNull();
		expect((await followup.listPicLinks(db(), sessionId))[0]).toMatchObject({ id: link.id, revokedAt: expect.any(String) });
	});

	it('a refused update stores nothing: another institution’s row, or files past the session’s limit', async () => {
		const sessionId = await bareSession(store());
		await planRow(db(), sessionId, 'kur', 0, 'Pelatihan akses KUR', 'Dinas Koperasi dan UKM');
		await planRow(db(), sessionId, 'data', 1, 'Pendataan UMKM', 'Bappeda');
		const input = (rowId: string) => followup.updateInput.parse({ rowId, status: 'selesai', note: '', evidenceUrl: '' });
		const write = (rowId: string, files: ReadyEvidence[], onlyInstitution?: string) =>
			db()
				.transaction()
				.execute((trx) => followup.recordUpdate(trx, sessionId, 'facilitator', input(rowId), { files, onlyInstitution }));
		await expect(write('data', [pdf('bukan.pdf')], 'Dinas Koperasi dan UKM')).rejects.toThrow(followup.FollowupRefusal);
		await expect(write('nope', [])).rejects.toThrow(followup.FollowupRefusal);

		const filler = await write('kur', []);
		await db()
			.insertInto('action_evidence')
			.values(
				Array.from({ length: evidence.MAX_FILES_PER_SESSION - 1 }, (_, i) => ({
					id: `filler-${i}`,
					session_id: sessionId,
					update_id: filler.id,
					name: 'x.pdf',
					type: 'pdf' as const,
					bytes: 1,
					created_at: '2026-01-01'
				}))
			)
			.execute();
		await expect(write('kur', [pdf('a.pdf'), pdf('b.pdf')])).rejects.toThrow(evidence.EvidenceFull);
		const count = async (table: 'action_updates' | 'action_evidence_blobs') =>
			Number((await db().selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
		expect([await count('action_updates'), await count('action_evidence_blobs')]).toEqual([1, 0]);
		expect((await write('kur', [pdf('c.pdf')])).files).toHaveLength(1);
		expect(await evidence.count(db(), sessionId)).toBe(evidence.MAX_FILES_PER_SESSION);
	});

	it('lists updates and their files in the order they came, within one instant too', async () => {
		const sessionId = await bareSession(store());
		await planRow(db(), sessionId, 'kur', 0, 'Pelatihan akses KUR', 'Dinas Koperasi dan UKM');
		const at = new Date('2026-01-05T02:00:00Z');
		for (const note of ['satu', 'dua', 'tiga'])
			await db()
				.transaction()
				.execute((trx) =>
					followup.recordUpdate(trx, sessionId, 'facilitator', followup.updateInput.parse({ rowId: 'kur', status: 'berjalan', note, evidenceUrl: '' }), {
						now: at,
						files: [pdf(`${note}-1.pdf`), pdf(`${note}-2.pdf`)]
					})
				);
		const [kur] = await followup.loadTracked(db(), [sessionId]);
		// Newest first (track sorts by time; equal times keep the stored order, oldest first).
		expect(kur.updates.map((u) => u.note)).toEqual(['satu', 'dua', 'tiga']);
		expect(kur.updates.map((u) => u.files.map((f) => f.name))).toEqual([
			['satu-1.pdf', 'satu-2.pdf'],
			['dua-1.pdf', 'dua-2.pdf'],
			['tiga-1.pdf', 'tiga-2.pdf']
		]);
	});
});

import { beforeEach, describe, expect, it } from 'vitest';
import { getContext } from '../server/context';
import * as followup from '../server/followup';
import * as room from '../server/room';
import * as sessions from '../server/sessions';
import { inTransaction, must, type TestSession } from '../testing/server';
import { sessionInContext } from '../testing/stores';
import { MAX_EVIDENCE_BYTES } from '../domain/followup';
import { pdfOfSize, smallPdf } from '../testing/evidence';
import { downloadByLink, loadPicPage, RECENT_UPDATES, updateByForm } from './followup-pic.server';

let session: TestSession;
let key = '';
let linkId = '';
const rows: Record<string, string> = {};

beforeEach(async () => {
	session = await sessionInContext({ title: 'FGD PIC' });
	const db = getContext().store.db;
	for (const [activity, institution] of [
		['Pelatihan akses KUR', 'Dinas Koperasi dan UKM'],
		['Pendataan UMKM', 'Bappeda']
	]) {
		const { records } = await must(db, session.facilitator, { type: 'action.save', row: { activity, pic: { institution }, timeframe: '2099' } });
		rows[activity] = (records[0].event as { row: { id: string } }).row.id;
	}
	const link = await getContext().store.db.transaction().execute((trx) => followup.createPicLink(trx, session.row.id, 'Dinas Koperasi dan UKM'));
	({ key, id: linkId } = link);
});

const event = (k = key, form?: Record<string, string>) => {
	const params = { code: session.row.code, key: k };
	const url = new URL(`http://rembuk.test/t/${session.row.code}/${k}`);
	const request = form ? new Request(`${url}?/update`, { method: 'POST', body: new URLSearchParams(form) }) : new Request(url);
	return { params, request, url, getClientAddress: () => '192.0.2.90' };
};
const statuses = async () => (await followup.loadTracked(getContext().store.db, [session.row.id])).map((r) => [r.row.activity, r.status, r.updates.length]);

describe('the PIC page', () => {
	it('shows its institution’s rows only', async () => {
		const page = await loadPicPage(event());
		expect(page.refused).toBe(false);
		if (page.refused) return;
		expect(page.institution).toBe('Dinas Koperasi dan UKM');
		expect(page.rows.map((r) => r.activity)).toEqual(['Pelatihan akses KUR']);
		expect(page.saved).toBeNull();
		expect(JSON.stringify(page)).not.toContain('Pendataan UMKM');
	});

	it('writes its own row; another row, bad input and a revoked link change nothing', async () => {
		// Saved: back to the page (post, then get), which says which row was saved.
		await expect(updateByForm(event(key, { rowId: rows['Pelatihan akses KUR'], status: 'selesai', note: 'Selesai 12 Jan', evidenceUrl: 'https://example.org/x' }))).rejects.toMatchObject({
			status: 303,
			location: `/t/${session.row.code}/${key}?saved=${rows['Pelatihan akses KUR']}`
		});
		const before = await statuses();
		expect(before).toEqual([
			['Pelatihan akses KUR', 'selesai', 1],
			['Pendataan UMKM', 'rencana', 0]
		]);
		expect(await updateByForm(event(key, { rowId: rows['Pendataan UMKM'], status: 'selesai', note: '', evidenceUrl: '' }))).toMatchObject({ status: 404, data: { error: 'unknown_row' } });
		expect(await updateByForm(event(key, { rowId: rows['Pelatihan akses KUR'], status: 'selesai', note: '', evidenceUrl: 'ftp://x' }))).toMatchObject({ status: 400, data: { error: 'bad_evidence' } });
		expect(await updateByForm(event(key, { rowId: rows['Pelatihan akses KUR'], status: 'gagal', note: '', evidenceUrl: '' }))).toMatchObject({ status: 400, data: { error: 'invalid' } });
		expect(await updateByForm(event('wrong-key', { rowId: rows['Pelatihan akses KUR'], status: 'berjalan', note: '', evidenceUrl: '' }))).toMatchObject({ status: 403 });
		await followup.revokePicLink(getContext().store.db, session.row.id, linkId);
		expect(await loadPicPage(event())).toEqual({ refused: true });
		expect(await updateByForm(event(key, { rowId: rows['Pelatihan akses KUR'], status: 'berjalan', note: '', evidenceUrl: '' }))).toMatchObject({ status: 403 });
		expect(await statuses()).toEqual(before);
	});

	it('shows the latest updates open and every older one, files and all, under "earlier"', async () => {
		const form = (note: string, files: { name: string; bytes: Buffer }[] = []) => {
			const body = new FormData();
			for (const [k, v] of Object.entries({ rowId: rows['Pelatihan akses KUR'], status: 'berjalan', note, evidenceUrl: '' })) body.set(k, v);
			for (const f of files) body.append('files', new File([new Uint8Array(f.bytes)], f.name));
			const base = event();
			return { ...base, request: new Request(`${base.url}?/update`, { method: 'POST', body }) };
		};
		await expect(updateByForm(form('Tahap 1', [{ name: 'undangan.pdf', bytes: smallPdf('Undangan') }]))).rejects.toMatchObject({ status: 303 });
		for (let n = 2; n <= RECENT_UPDATES + 2; n++) await expect(updateByForm(form(`Tahap ${n}`))).rejects.toMatchObject({ status: 303 });
		const page = await loadPicPage(event());
		if (page.refused) throw new Error('refused');
		const [row] = page.rows;
		expect(row.updates.map((u) => u.note)).toEqual(['Tahap 7', 'Tahap 6', 'Tahap 5', 'Tahap 4', 'Tahap 3']);
		expect(row.earlier.map((u) => u.note)).toEqual(['Tahap 2', 'Tahap 1']);
		expect(row.earlier[1].files.map((f) => f.name)).toEqual(['undangan.pdf']);
	});

	it('keeps working after the facilitator replaced the join code', async () => {
		const oldCode = session.row.code;
		const db = getContext().store.db;
		await inTransaction(db, async (trx) => room.newCode(trx, await sessions.byId(trx, session.row.id)));
		expect((await sessions.byId(db, session.row.id)).code).not.toBe(oldCode);
		const page = await loadPicPage(event());
		expect(page.refused).toBe(false);
	});
});

describe('evidence files through the PIC link', () => {
	const multipart = (k: string, fields: Record<string, string>, files: { name: string; bytes: Buffer; type?: string }[]) => {
		const form = new FormData();
		for (const [name, value] of Object.entries(fields)) form.set(name, value);
		for (const f of files) form.append('files', new File([new Uint8Array(f.bytes)], f.name, { type: f.type ?? 'application/octet-stream' }));
		const base = event(k);
		return { ...base, request: new Request(`${base.url}?/update`, { method: 'POST', body: form }) };
	};
	const download = (k: string, id: string) => ({ ...event(k), params: { code: session.row.code, key: k, id } });
	const fields = (activity: string) => ({ rowId: rows[activity], status: 'berjalan', note: 'Bukti terlampir', evidenceUrl: '' });
	const fileCount = async () =>
		(
			await getContext()
				.store.db.selectFrom('action_evidence')
				.select((eb) => eb.fn.countAll<number>().as('n'))
				.where('session_id', '=', session.row.id)
				.executeTakeFirstOrThrow()
		).n;
	const refusedWith = async (response: Promise<unknown>) => response.then(() => 'served', (e: { status?: number }) => e.status);

	it('uploads with the form, then downloads its own file as an attachment that is never sniffed', async () => {
		const pdf = smallPdf('Surat keputusan');
		await expect(updateByForm(multipart(key, fields('Pelatihan akses KUR'), [{ name: 'SK pelatihan.pdf', bytes: pdf, type: 'image/png' }]))).rejects.toMatchObject({ status: 303 });
		const [row] = await followup.loadTracked(getContext().store.db, [session.row.id]);
		const file = row.updates[0].files[0];
		expect(file).toMatchObject({ name: 'SK pelatihan.pdf', type: 'pdf' });
		const response = await downloadByLink(download(key, file.id));
		expect(response.headers.get('content-type')).toBe('application/pdf');
		expect(response.headers.get('content-disposition')).toBe(`attachment; filename="SK pelatihan.pdf"; filename*=UTF-8''SK%20pelatihan.pdf`);
		expect(response.headers.get('x-content-type-options')).toBe('nosniff');
		expect(Buffer.compare(Buffer.from(await response.arrayBuffer()), pdf)).toBe(0);
		const page = await loadPicPage(event());
		expect(page.refused === false && page.rows[0].updates[0].files.map((f) => f.name)).toEqual(['SK pelatihan.pdf']);
	});

	it('cannot fetch another institution’s file, and a revoked link neither downloads nor uploads', async () => {
		const db = getContext().store.db;
		const theirs = (
			await db.transaction().execute((trx) =>
				followup.recordUpdate(trx, session.row.id, 'facilitator', followup.updateInput.parse(fields('Pendataan UMKM')), { files: [{ name: 'bappeda.pdf', type: 'pdf', data: smallPdf() }] })
			)
		).files[0].id;
		const mine = (
			await db.transaction().execute((trx) =>
				followup.recordUpdate(trx, session.row.id, 'facilitator', followup.updateInput.parse(fields('Pelatihan akses KUR')), { files: [{ name: 'kur.pdf', type: 'pdf', data: smallPdf() }] })
			)
		).files[0].id;
		expect(await refusedWith(downloadByLink(download(key, theirs)))).toBe(404);
		expect((await downloadByLink(download(key, mine))).status).toBe(200);
		// An upload to the other institution's row stores nothing either.
		expect(await updateByForm(multipart(key, fields('Pendataan UMKM'), [{ name: 'x.pdf', bytes: smallPdf() }]))).toMatchObject({ status: 404, data: { error: 'unknown_row' } });
		expect(await fileCount()).toBe(2);

		await followup.revokePicLink(db, session.row.id, linkId);
		expect(await refusedWith(downloadByLink(download(key, mine)))).toBe(403);
		expect(await updateByForm(multipart(key, fields('Pelatihan akses KUR'), [{ name: 'late.pdf', bytes: smallPdf() }]))).toMatchObject({ status: 403, data: { error: 'refused' } });
		expect(await fileCount()).toBe(2);
	});

	it('refuses a file too large or of another type with its reason, storing neither the file nor the update', async () => {
		const before = await statuses();
		expect(await updateByForm(multipart(key, fields('Pelatihan akses KUR'), [{ name: 'besar.pdf', bytes: pdfOfSize(MAX_EVIDENCE_BYTES + 1) }]))).toMatchObject({
			status: 413,
			data: { error: 'file_too_large', rowId: rows['Pelatihan akses KUR'] }
		});
		expect(await updateByForm(multipart(key, fields('Pelatihan akses KUR'), [{ name: 'laporan.pdf', bytes: Buffer.from('<html>bukan pdf</html>'), type: 'application/pdf' }]))).toMatchObject({
			status: 415,
			data: { error: 'file_wrong_type' }
		});
		expect(await statuses()).toEqual(before);
		expect(await fileCount()).toBe(0);
	});

	it('shows the size error when the server sent an upload too large to read back to the page', async () => {
		const base = event();
		const page = await loadPicPage({ ...base, url: new URL(`${base.url}?error=file_too_large`) });
		expect(page).toMatchObject({ refused: false, refusal: 'file_too_large' });
		expect(await loadPicPage(event())).toMatchObject({ refusal: null });
	});

	it('records uploads and downloads in the organization’s audit log', async () => {
		const db = getContext().store.db;
		const org = 'org-evidence';
		await db.insertInto('organizations').values({ id: org, name: 'Bappeda Kukar', created_at: '2026-01-01' }).execute();
		await db.updateTable('sessions').set({ organization_id: org }).where('id', '=', session.row.id).execute();
		await expect(updateByForm(multipart(key, fields('Pelatihan akses KUR'), [{ name: 'SK.pdf', bytes: smallPdf() }]))).rejects.toMatchObject({ status: 303 });
		const id = (await followup.loadTracked(getContext().store.db, [session.row.id]))[0].updates[0].files[0].id;
		await downloadByLink(download(key, id));
		const logged = await db.selectFrom('org_audit').select(['action', 'actor', 'detail']).where('action', 'like', 'evidence.%').orderBy('id').execute();
		expect(logged).toEqual([
			{ action: 'evidence.uploaded', actor: 'pic_link', detail: 'Dinas Koperasi dan UKM: SK.pdf' },
			{ action: 'evidence.downloaded', actor: 'pic_link', detail: 'Dinas Koperasi dan UKM: SK.pdf' }
		]);
	});
});

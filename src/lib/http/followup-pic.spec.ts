import { beforeEach, describe, expect, it } from 'vitest';
import { getContext } from '../server/context';
import * as followup from '../server/followup';
import * as room from '../server/room';
import * as sessions from '../server/sessions';
import { must, sessionInContext, type TestSession } from '../testing/server';
import { loadPicPage, updateByForm } from './followup-pic.server';

let session: TestSession;
let key = '';
let linkId = '';
const rows: Record<string, string> = {};

beforeEach(() => {
	session = sessionInContext({ title: 'FGD PIC' });
	const db = getContext().db;
	for (const [activity, institution] of [
		['Pelatihan akses KUR', 'Dinas Koperasi dan UKM'],
		['Pendataan UMKM', 'Bappeda']
	]) {
		const { records } = must(db, session.facilitator, { type: 'action.save', row: { activity, pic: { institution }, timeframe: '2099' } });
		rows[activity] = (records[0].event as { row: { id: string } }).row.id;
	}
	const link = db.transaction(() => followup.createPicLink(db, session.row.id, 'Dinas Koperasi dan UKM'))();
	({ key, id: linkId } = link);
});

const event = (k = key, form?: Record<string, string>) => {
	const params = { code: session.row.code, key: k };
	const url = new URL(`http://rembuk.test/t/${session.row.code}/${k}`);
	const request = form ? new Request(`${url}?/update`, { method: 'POST', body: new URLSearchParams(form) }) : new Request(url);
	return { params, request, url, getClientAddress: () => '192.0.2.90' };
};
const statuses = () => followup.loadTracked(getContext().db, [session.row.id]).map((r) => [r.row.activity, r.status, r.updates.length]);

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
		const before = statuses();
		expect(before).toEqual([
			['Pelatihan akses KUR', 'selesai', 1],
			['Pendataan UMKM', 'rencana', 0]
		]);
		expect(await updateByForm(event(key, { rowId: rows['Pendataan UMKM'], status: 'selesai', note: '', evidenceUrl: '' }))).toMatchObject({ status: 404, data: { error: 'unknown_row' } });
		expect(await updateByForm(event(key, { rowId: rows['Pelatihan akses KUR'], status: 'selesai', note: '', evidenceUrl: 'ftp://x' }))).toMatchObject({ status: 400, data: { error: 'bad_evidence' } });
		expect(await updateByForm(event(key, { rowId: rows['Pelatihan akses KUR'], status: 'gagal', note: '', evidenceUrl: '' }))).toMatchObject({ status: 400, data: { error: 'invalid' } });
		expect(await updateByForm(event('wrong-key', { rowId: rows['Pelatihan akses KUR'], status: 'berjalan', note: '', evidenceUrl: '' }))).toMatchObject({ status: 403 });
		followup.revokePicLink(getContext().db, session.row.id, linkId);
		expect(await loadPicPage(event())).toEqual({ refused: true });
		expect(await updateByForm(event(key, { rowId: rows['Pelatihan akses KUR'], status: 'berjalan', note: '', evidenceUrl: '' }))).toMatchObject({ status: 403 });
		expect(statuses()).toEqual(before);
	});

	it('keeps working after the facilitator replaced the join code', async () => {
		const oldCode = session.row.code;
		const db = getContext().db;
		db.transaction(() => room.newCode(db, sessions.byId(db, session.row.id)))();
		expect(sessions.byId(db, session.row.id).code).not.toBe(oldCode);
		const page = await loadPicPage(event());
		expect(page.refused).toBe(false);
	});
});

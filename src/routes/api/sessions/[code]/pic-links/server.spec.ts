import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { getContext } from '$lib/server/context';
import * as followup from '$lib/server/followup';
import * as reports from '$lib/server/reports';
import { must } from '$lib/testing/server';
import { sessionInContext } from '$lib/testing/stores';
import { GET, POST } from './+server';
import { DELETE } from './[id]/+server';
import { GET as rowsGET, POST as updatePOST } from '../followup/+server';
import { GET as sheetGET } from '../followup/sheet/+server';
import { GET as summaryGET } from '../followup/summary/+server';
import { GET as fileGET } from '../followup/files/[id]/+server';
import { smallPdf } from '$lib/testing/evidence';
import { cameraJpeg } from '$lib/testing/photos';
import sharp from 'sharp';

let code = '';
let sessionId = '';
let facilitatorKey = '';
let rowId = '';

beforeAll(async () => {
	const created = await sessionInContext({ title: 'FGD Tindak Lanjut' });
	({ code, id: sessionId } = created.row);
	facilitatorKey = created.facilitatorKey;
	const { records } = await must(getContext().store.db, created.facilitator, {
		type: 'action.save',
		row: { activity: 'Pelatihan akses KUR', pic: { institution: 'Dinas Koperasi dan UKM' }, funding: 'APBD', timeframe: 'Triwulan I 2020' }
	});
	rowId = (records[0].event as { row: { id: string } }).row.id;
});

function event(path: string, method: string, key?: string, body?: unknown, params: Record<string, string> = {}) {
	const url = new URL(`http://rembuk.test/api/sessions/${code}/${path}`);
	const headers: Record<string, string> = key ? { authorization: `Bearer ${key}` } : {};
	if (body !== undefined) headers['content-type'] = 'application/json';
	const request = new Request(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
	return { params: { code, ...params }, url, request, getClientAddress: () => '192.0.2.89' } as never;
}

describe('/api/sessions/[code]/pic-links', () => {
	it('makes a link for an institution of the plan, key in the path, listed without it; revokes it', async () => {
		const response = await POST(event('pic-links', 'POST', facilitatorKey, { institution: 'dinas koperasi dan ukm' }));
		expect(response.status).toBe(201);
		const body = (await response.json()) as { url: string; link: { id: string; institution: string } };
		const key = body.url.split('/').at(-1)!;
		expect(body.url).toBe(`http://rembuk.test/t/${code}/${key}`);
		expect(body.link.institution).toBe('Dinas Koperasi dan UKM');
		expect((await followup.openPicLink(getContext().store.db, sessionId, key))?.id).toBe(body.link.id);
		const listed = await (await GET(event('pic-links', 'GET', facilitatorKey))).text();
		expect(listed).toContain(body.link.id);
		expect(listed).not.toContain(key);
		expect((await DELETE(event(`pic-links/${body.link.id}`, 'DELETE', facilitatorKey, undefined, { id: body.link.id }))).status).toBe(204);
		expect(await followup.openPicLink(getContext().store.db, sessionId, key)).toBeNull();
		expect((await DELETE(event('pic-links/nope', 'DELETE', facilitatorKey, undefined, { id: 'nope' }))).status).toBe(404);
	});

	it('refuses an institution not on the plan, and anyone but the facilitator', async () => {
		expect((await POST(event('pic-links', 'POST', facilitatorKey, { institution: 'Dinas Pariwisata' }))).status).toBe(400);
		expect((await POST(event('pic-links', 'POST', facilitatorKey, { institution: '' }))).status).toBe(400);
		const report = await reports.create(getContext().store.db, sessionId);
		expect((await POST(event('pic-links', 'POST', report.key, { institution: 'Bappeda' }))).status).toBe(403);
		expect((await POST(event('pic-links', 'POST', undefined, { institution: 'Bappeda' }))).status).toBe(401);
		expect((await rowsGET(event('followup', 'GET', report.key))).status).toBe(403);
		expect((await sheetGET(event('followup/sheet', 'GET', report.key))).status).toBe(403);
	});
});

describe('/api/sessions/[code]/followup', () => {
	it('takes the facilitator’s update, refuses a bad one, and the sheet and summary carry it', async () => {
		const bad = await updatePOST(event('followup', 'POST', facilitatorKey, { rowId, status: 'selesai', note: '', evidenceUrl: 'javascript:alert(1)' }));
		expect(bad.status).toBe(400);
		expect((await updatePOST(event('followup', 'POST', facilitatorKey, { rowId: 'nope', status: 'selesai', note: '', evidenceUrl: '' }))).status).toBe(404);
		const ok = await updatePOST(event('followup', 'POST', facilitatorKey, { rowId, status: 'tertunda', note: 'Menunggu DPA', evidenceUrl: '' }));
		expect(ok.status).toBe(201);
		const { rows } = (await (await rowsGET(event('followup', 'GET', facilitatorKey))).json()) as { rows: { status: string; overdue: boolean; updates: unknown[] }[] };
		expect(rows).toMatchObject([{ status: 'tertunda', overdue: true, updates: [{ note: 'Menunggu DPA', by: 'staff' }] }]);

		const sheet = await sheetGET(event('followup/sheet?lang=en&status=overdue', 'GET', facilitatorKey));
		expect(sheet.headers.get('content-disposition')).toMatch(new RegExp(`follow-up-${code}-\\d{4}-\\d{2}-\\d{2}\\.xlsx`));
		const book = new ExcelJS.Workbook();
		await book.xlsx.load(await sheet.arrayBuffer());
		expect((book.getWorksheet('Monitoring')!.getRow(2).values as unknown[]).slice(1)).toEqual(expect.arrayContaining(['On hold', 'Yes', 'Menunggu DPA']));
		const empty = await sheetGET(event('followup/sheet?status=selesai', 'GET', facilitatorKey));
		const none = new ExcelJS.Workbook();
		await none.xlsx.load(await empty.arrayBuffer());
		expect(none.getWorksheet('Pemantauan')!.rowCount).toBe(1);

		const { text } = (await (await summaryGET(event('followup/summary?lang=id', 'GET', facilitatorKey))).json()) as { text: string };
		expect(text).toContain('*Tindak lanjut FGD: FGD Tindak Lanjut*');
		expect(text).toContain('1 terlambat');
		expect(text).toContain('Pelatihan akses KUR (Dinas Koperasi dan UKM): Tertunda');
	});
});

describe('/api/sessions/[code]/followup with evidence files', () => {
	const upload = (key: string | undefined, files: { name: string; bytes: Buffer }[]) => {
		const form = new FormData();
		for (const [name, value] of Object.entries({ rowId, status: 'berjalan', note: 'Dengan bukti', evidenceUrl: '' })) form.set(name, value);
		for (const f of files) form.append('files', new File([new Uint8Array(f.bytes)], f.name));
		const url = new URL(`http://rembuk.test/api/sessions/${code}/followup`);
		const request = new Request(url, { method: 'POST', headers: key ? { authorization: `Bearer ${key}` } : {}, body: form });
		return { params: { code }, url, request, getClientAddress: () => '192.0.2.89' } as never;
	};
	const fileEvent = (id: string, key?: string) => event(`followup/files/${id}`, 'GET', key, undefined, { id });

	it('the facilitator uploads a PDF and a photo (re-encoded, EXIF gone) and downloads them with the key only', async () => {
		const pdf = smallPdf('Berita acara');
		const response = await updatePOST(upload(facilitatorKey, [{ name: 'berita acara.pdf', bytes: pdf }, { name: 'kegiatan.jpeg', bytes: await cameraJpeg(800, 600) }]));
		expect(response.status).toBe(201);
		const { update } = (await response.json()) as { update: { files: { id: string; name: string; type: string }[] } };
		expect(update.files.map((f) => [f.name, f.type])).toEqual([['berita acara.pdf', 'pdf'], ['kegiatan.jpg', 'jpeg']]);
		const got = await fileGET(fileEvent(update.files[0].id, facilitatorKey));
		expect(got.headers.get('content-disposition')).toMatch(/^attachment; /);
		expect(got.headers.get('x-content-type-options')).toBe('nosniff');
		expect(Buffer.compare(Buffer.from(await got.arrayBuffer()), pdf)).toBe(0);
		const photo = await fileGET(fileEvent(update.files[1].id, facilitatorKey));
		expect(photo.headers.get('content-type')).toBe('image/jpeg');
		expect((await sharp(Buffer.from(await photo.arrayBuffer())).metadata()).exif).toBeUndefined();
		expect((await fileGET(fileEvent(update.files[0].id))).status).toBe(401);
		expect((await fileGET(fileEvent(update.files[0].id, 'not-the-key'))).status).toBe(403);
		expect((await fileGET(fileEvent('no-such-file', facilitatorKey))).status).toBe(404);
	});

	it('refuses a wrong type or too many files with a clear status, storing nothing', async () => {
		const count = async () => (await followup.loadTracked(getContext().store.db, [sessionId]))[0].updates.length;
		const before = await count();
		const wrong = await updatePOST(upload(facilitatorKey, [{ name: 'laporan.pdf', bytes: Buffer.from('MZ executable') }]));
		expect(wrong.status).toBe(415);
		expect(await wrong.text()).toContain('wrong_type');
		const many = await updatePOST(upload(facilitatorKey, Array.from({ length: 4 }, (_, i) => ({ name: `${i}.pdf`, bytes: smallPdf() }))));
		expect(many.status).toBe(400);
		expect((await updatePOST(upload(undefined, [{ name: 'a.pdf', bytes: smallPdf() }]))).status).toBe(401);
		expect(await count()).toBe(before);
	});
});

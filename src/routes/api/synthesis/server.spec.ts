import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { getContext } from '$lib/server/context';
import { createSession, joinParticipant, must, newToken, type TestSession } from '$lib/testing/server';
import { testContext } from '$lib/testing/stores';
import { POST } from './+server';
import { POST as EDIT } from './edits/+server';

const sessions: TestSession[] = [];
const items: string[] = [];

beforeAll(async () => {
	const db = (await testContext()).store.db;
	for (const [region, text] of [['Paser', 'Sinyal seluler sering putus'], ['Samarinda', 'Jaringan internet lemah di kampung']]) {
		const session = await createSession(db, { title: `FGD ${region}`, theme: 'Desa digital', region });
		const person = await joinParticipant(db, session, 'Ani', newToken(), 'pemerintah', 'Diskominfo');
		await must(db, session.facilitator, { type: 'phase.set', phase: 'writing' });
		const { result } = await must(db, person.identity, { type: 'item.add', kind: 'kendala', text });
		items.push((result as { itemId: string }).itemId);
		sessions.push(session);
	}
});

const both = () => sessions.map((s) => ({ code: s.row.code, key: s.facilitatorKey }));

function post(handler: (event: never) => Response | Promise<Response>, path: string, body: unknown) {
	const url = new URL(`http://rembuk.test/api/${path}`);
	const request = new Request(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
	return handler({ url, request, getClientAddress: () => '192.0.2.9', params: {} } as never);
}

const errorOf = async (response: Response) => ((await response.json()) as { error: { code: string; message: string } }).error;

describe('POST /api/synthesis', () => {
	it('returns the report of the sessions whose keys it was given, in the asked format and language', async () => {
		const response = await post(POST, 'synthesis', { sessions: both(), format: 'docx', lang: 'en', paper: 'f4' });
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toMatch(/wordprocessingml/);
		expect(response.headers.get('content-disposition')).toMatch(/fgd-results-report-\d{4}-\d\d-\d\d-f4\.docx/);
		const xml = await (await JSZip.loadAsync(await response.arrayBuffer())).file('word/document.xml')!.async('string');
		expect(xml).toContain('FOCUS GROUP DISCUSSION RESULTS REPORT');
		expect(xml).toContain('Sinyal seluler sering putus');
		const pdf = await post(POST, 'synthesis', { sessions: both(), format: 'pdf' });
		expect(pdf.headers.get('content-type')).toBe('application/pdf');
		expect(new TextDecoder().decode((await pdf.arrayBuffer()).slice(0, 5))).toBe('%PDF-');
	});

	it('refuses the whole request when one key is wrong, or missing', async () => {
		const wrong = [both()[0], { code: sessions[1].row.code, key: sessions[0].facilitatorKey }];
		const response = await post(POST, 'synthesis', { sessions: wrong, format: 'pdf' });
		expect(response.status).toBe(403);
		expect((await post(POST, 'synthesis', { sessions: [{ code: sessions[0].row.code, key: sessions[0].minutetakerKey }], format: 'pdf' })).status).toBe(403);
	});

	it.each([
		[{ sessions: [], format: 'pdf' }],
		[{ sessions: 'all', format: 'pdf' }],
		[{ format: 'pdf' }],
		[{ sessions: [{ code: 'AAAAAA', key: 'x' }], format: 'md' }]
	])('refuses %j with 400', async (body) => {
		const response = await post(POST, 'synthesis', body);
		expect(response.status).toBe(400);
		expect((await errorOf(response)).code).toBe('invalid_input');
	});

	it('refuses a session named twice', async () => {
		const response = await post(POST, 'synthesis', { sessions: [both()[0], both()[0]], format: 'xlsx' });
		expect(response.status).toBe(400);
	});
});

describe('POST /api/synthesis/edits', () => {
	it('logs a hand edit that the next report applies and marks as made by hand', async () => {
		const response = await post(EDIT, 'synthesis/edits', { sessions: both(), edit: { op: 'rename', itemIds: [items[0]], name: 'Sinyal dan jaringan lemah' } });
		expect(response.status).toBe(201);
		expect(await response.json()).toMatchObject({ op: 'rename', actor: 'facilitator', name: 'Sinyal dan jaringan lemah' });
		// The same sessions in another order find the same edits.
		const report = await post(POST, 'synthesis', { sessions: both().reverse(), format: 'docx', lang: 'id' });
		const xml = await (await JSZip.loadAsync(await report.arrayBuffer())).file('word/document.xml')!.async('string');
		expect(xml).toContain('Sinyal dan jaringan lemah');
		expect(xml).toContain('manual (diberi nama)');
	});

	it('refuses an edit naming an item of another session, storing nothing', async () => {
		const response = await post(EDIT, 'synthesis/edits', { sessions: [both()[0]], edit: { op: 'split', itemIds: [items[1]] } });
		expect(response.status).toBe(400);
		expect((await errorOf(response)).message).toMatch(/not an item of these sessions/);
		const count = await getContext()
			.store.db.selectFrom('synthesis_edits')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.where('op', '=', 'split')
			.executeTakeFirstOrThrow();
		expect(count.n).toBe(0);
	});
});

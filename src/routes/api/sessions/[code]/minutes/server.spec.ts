import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { everyMinutesFile, MINUTES_FORMATS, minutesFilename, minutesPath } from '$lib/domain/minutes-formats';
import * as sessions from '$lib/server/sessions';
import { sessionInContext } from '$lib/testing/stores';
import { GET } from './+server';

let code = '';
let key = '';

beforeAll(async () => {
	const created = await sessionInContext({ title: 'FGD Uji', minutesLanguage: 'en' });
	({ row: { code }, facilitatorKey: key } = created);
});

/** Calls the endpoint as SvelteKit would, with only the parts of the event it reads. */
function get(query: string, authorization?: string, sessionCode = code) {
	const url = new URL(`http://rembuk.test/api/sessions/${sessionCode}/minutes${query}`);
	const headers = authorization ? { authorization } : undefined;
	const event = { params: { code: sessionCode }, url, request: new Request(url, { headers }), getClientAddress: () => '192.0.2.1' };
	return GET(event as unknown as Parameters<typeof GET>[0]);
}

const errorCode = async (response: Response) => ((await response.json()) as { error: { code: string } }).error.code;

describe('GET /api/sessions/[code]/minutes', () => {
	it('asks for the facilitator key', async () => {
		const response = await get('');
		expect(response.status).toBe(401);
		expect(await errorCode(response)).toBe('unauthenticated');
	});

	it('refuses a wrong key', async () => {
		const response = await get('', 'Bearer not-the-key');
		expect(response.status).toBe(403);
		expect(await errorCode(response)).toBe('forbidden');
	});

	it('answers 404 for an unknown session', async () => {
		expect((await get('', `Bearer ${key}`, 'XXXXXX')).status).toBe(404);
	});

	it.each(['?format=odt', '?format=exe', '?lang=fr', '?format=', '?paper=a3', '?format=pdf&paper=a3', '?format=csv&csv=tab'])('refuses %s with 400', async (query) => {
		const response = await get(query, `Bearer ${key}`);
		expect(response.status).toBe(400);
		expect(await errorCode(response)).toBe('invalid_input');
	});

	it("defaults to Markdown in the session's minutes language, as a download", async () => {
		const response = await get('', `Bearer ${key}`);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
		expect(response.headers.get('content-disposition')).toBe(`attachment; filename="notulen-${code}-en.md"`);
		expect(response.headers.get('cache-control')).toBe('no-store');
		expect(await response.text()).toMatch(/^# MINUTES OF THE FOCUS GROUP DISCUSSION\n/);
	});

	it('gives JSON in the asked language', async () => {
		const response = await get('?format=json&lang=id', `Bearer ${key}`);
		expect(response.headers.get('content-type')).toBe('application/json');
		expect(response.headers.get('content-disposition')).toBe(`attachment; filename="notulen-${code}-id.json"`);
		expect(await response.json()).toMatchObject({ schemaVersion: 2, lang: 'id', session: { code, title: 'FGD Uji' } });
	});

	it('gives the contributions as CSV and the workbook as XLSX', async () => {
		const csv = await get('?format=csv', `Bearer ${key}`);
		expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
		expect(csv.headers.get('content-disposition')).toBe(`attachment; filename="notulen-${code}-en-excel.csv"`);
		expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(await csv.arrayBuffer())).toBe('\uFEFFNo;Kind;Theme;Contribution;By;Group;Votes;Supported by (participants)\r\n');
		const standard = await get('?format=csv&csv=rfc4180', `Bearer ${key}`);
		expect(standard.headers.get('content-disposition')).toBe(`attachment; filename="notulen-${code}-en-rfc4180.csv"`);
		expect(await standard.text()).toBe('No,Kind,Theme,Contribution,By,Group,Votes,Supported by (participants)\r\n');
		const xlsx = await get('?format=xlsx&lang=id', `Bearer ${key}`);
		expect(xlsx.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
		expect(xlsx.headers.get('content-disposition')).toBe(`attachment; filename="notulen-${code}-id.xlsx"`);
		expect(new TextDecoder().decode(new Uint8Array(await xlsx.arrayBuffer()).slice(0, 2))).toBe('PK');
	});

	it('gives an editable Word document on F4 paper when asked', async () => {
		const response = await get('?format=docx&paper=f4', `Bearer ${key}`);
		expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
		expect(response.headers.get('content-disposition')).toBe(`attachment; filename="notulen-${code}-en-f4.docx"`);
		const zip = await JSZip.loadAsync(await response.arrayBuffer());
		expect(await zip.file('word/document.xml')!.async('string')).toMatch(/<w:pgSz w:w="12189" w:h="18709"/);
	});
});

describe('every file the download screens offer', () => {
	it.each(everyMinutesFile())('$format in $lang on $paper answers with its type and its own name', async (file) => {
		const response = await get(minutesPath(code, file).replace(/^[^?]*/, ''), `Bearer ${key}`);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe(MINUTES_FORMATS[file.format].contentType);
		expect(response.headers.get('content-disposition')).toBe(`attachment; filename="${minutesFilename(code, file)}"`);
	});
});

import { beforeAll, describe, expect, it } from 'vitest';
import { getContext } from '$lib/server/context';
import * as reports from '$lib/server/reports';
import { sessionInContext } from '$lib/testing/stores';
import { GET } from './+server';

let code = '';
let reportKey = '';

beforeAll(async () => {
	const created = await sessionInContext({ title: 'FGD Ringkas' });
	code = created.row.code;
	reportKey = (await reports.create(getContext().store.db, created.row.id)).key;
});

function get(query: string, key?: string) {
	const url = new URL(`http://rembuk.test/api/sessions/${code}/summary${query}`);
	const headers = key ? { authorization: `Bearer ${key}` } : undefined;
	const event = { params: { code }, url, request: new Request(url, { headers }), getClientAddress: () => '192.0.2.99' };
	return GET(event as unknown as Parameters<typeof GET>[0]);
}

describe('GET /api/sessions/[code]/summary', () => {
	it('answers plain text to a report key, in the asked language', async () => {
		const response = await get('?lang=en', reportKey);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
		expect(await response.text()).toMatch(/^\*FGD summary: FGD Ringkas\*\n/);
	});

	it('refuses without a key, with a wrong one and with a bad language', async () => {
		expect((await get('')).status).toBe(401);
		expect((await get('', 'wrong')).status).toBe(403);
		expect((await get('?lang=fr', reportKey)).status).toBe(400);
	});
});

import { beforeAll, describe, expect, it } from 'vitest';
import { getContext } from '$lib/server/context';
import * as reports from '$lib/server/reports';
import { sessionInContext } from '$lib/testing/stores';
import { GET } from './+server';

let code = '';
let sessionId = '';
let facilitatorKey = '';

beforeAll(async () => {
	const created = await sessionInContext({ title: 'FGD Laporan' });
	({ code, id: sessionId } = created.row);
	facilitatorKey = created.facilitatorKey;
});

function get(query: string, key?: string) {
	const url = new URL(`http://rembuk.test/api/sessions/${code}/minutes${query}`);
	const headers = key ? { authorization: `Bearer ${key}` } : undefined;
	// Another address than the other specs', so their wrong keys do not add up to a block here.
	const event = { params: { code }, url, request: new Request(url, { headers }), getClientAddress: () => '192.0.2.77' };
	return GET(event as unknown as Parameters<typeof GET>[0]);
}

describe('minutes through a report link', () => {
	it('opens with a live report key, as a PDF on F4', async () => {
		const { key } = await reports.create(getContext().store.db, sessionId);
		const response = await get('?format=pdf&lang=id&paper=f4', key);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('application/pdf');
		expect(response.headers.get('content-disposition')).toBe(`attachment; filename="notulen-${code}-id-f4.pdf"`);
		const bytes = new Uint8Array(await response.arrayBuffer());
		expect(new TextDecoder().decode(bytes.subarray(0, 5))).toBe('%PDF-');
	});

	it('refuses a revoked report key with 403 and no key with 401', async () => {
		const link = await reports.create(getContext().store.db, sessionId);
		await reports.revoke(getContext().store.db, sessionId, link.id);
		expect((await get('?format=md', link.key)).status).toBe(403);
		expect((await get('?format=md')).status).toBe(401);
	});

	it('still opens with the facilitator key', async () => {
		expect((await get('?format=json', facilitatorKey)).status).toBe(200);
	});
});

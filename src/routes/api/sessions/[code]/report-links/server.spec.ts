import { beforeAll, describe, expect, it } from 'vitest';
import { getContext } from '$lib/server/context';
import * as reports from '$lib/server/reports';
import { sessionInContext } from '$lib/testing/stores';
import { GET, POST } from './+server';
import { DELETE } from './[id]/+server';

let code = '';
let sessionId = '';
let facilitatorKey = '';

beforeAll(async () => {
	const created = await sessionInContext({ title: 'FGD Tautan' });
	({ code, id: sessionId } = created.row);
	facilitatorKey = created.facilitatorKey;
});

function event(method: string, key?: string, id?: string) {
	const url = new URL(`http://rembuk.test/api/sessions/${code}/report-links${id ? `/${id}` : ''}`);
	const headers = key ? { authorization: `Bearer ${key}` } : undefined;
	return { params: { code, id }, url, request: new Request(url, { method, headers }), getClientAddress: () => '192.0.2.88' } as never;
}

describe('/api/sessions/[code]/report-links', () => {
	it('creates a link for the facilitator, with the key in the fragment', async () => {
		const response = await POST(event('POST', facilitatorKey));
		expect(response.status).toBe(201);
		const body = (await response.json()) as { key: string; url: string; link: { id: string } };
		expect(body.url).toBe(`http://rembuk.test/r/${code}#key=${body.key}`);
		expect(await reports.check(getContext().store.db, sessionId, body.key)).toBe(true);
		const listed = (await (await GET(event('GET', facilitatorKey))).json()) as { links: { id: string }[] };
		expect(listed.links.map((l) => l.id)).toContain(body.link.id);
		expect(JSON.stringify(listed)).not.toContain(body.key);
	});

	it('revokes a link, and answers 404 for an unknown one', async () => {
		const { id, key } = await reports.create(getContext().store.db, sessionId);
		expect((await DELETE(event('DELETE', facilitatorKey, id))).status).toBe(204);
		expect(await reports.check(getContext().store.db, sessionId, key)).toBe(false);
		expect((await DELETE(event('DELETE', facilitatorKey, 'nope'))).status).toBe(404);
	});

	it('is for the facilitator only: a report key cannot make more links', async () => {
		const { key } = await reports.create(getContext().store.db, sessionId);
		expect((await POST(event('POST'))).status).toBe(401);
		expect((await POST(event('POST', key))).status).toBe(403);
	});
});

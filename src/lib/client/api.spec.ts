import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../i18n/index.svelte';
import { phone } from '../i18n/id/phone';
import { postJson, refusalText, request } from './api';

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
let fetchMock: ReturnType<typeof vi.fn>;

beforeEach(() => {
	i18n.use('id');
	fetchMock = vi.fn();
	vi.stubGlobal('fetch', fetchMock);
});
afterEach(() => vi.unstubAllGlobals());

describe('request', () => {
	it('sends a key in the Authorization header and a body as JSON, never in the address', async () => {
		fetchMock.mockResolvedValue(json(200, { ok: true }));
		const answer = await request('/api/sessions/ABC123/letterhead', { method: 'PUT', key: 'secret', json: { office: 'DPMD' } });
		expect(answer.ok).toBe(true);
		const [path, init] = fetchMock.mock.calls[0];
		expect(path).toBe('/api/sessions/ABC123/letterhead');
		expect(init).toMatchObject({ method: 'PUT', body: '{"office":"DPMD"}', headers: { authorization: 'Bearer secret', 'content-type': 'application/json' } });
	});

	it("turns the API's error code into the user's words, with its status", async () => {
		fetchMock.mockResolvedValue(json(403, { error: { code: 'forbidden', message: 'Wrong key' } }));
		expect(await request('/x', { key: 'k' })).toEqual({ ok: false, status: 403, code: 'forbidden', message: phone.errors.forbidden });
	});

	it('names the field to fix when the input was refused', async () => {
		fetchMock.mockResolvedValue(json(400, { error: { code: 'invalid_input', message: 'title: too long' } }));
		const answer = await postJson('/api/sessions', { title: 'x'.repeat(500) });
		expect(answer).toMatchObject({ ok: false, code: 'invalid_input', message: `${phone.errors.invalid_input} (title: too long)` });
	});

	it('reads a body cut off by the size limit as refused input, and anything else unexplained as internal', async () => {
		fetchMock.mockResolvedValueOnce(new Response('Payload Too Large', { status: 413 }));
		expect(await request('/x')).toMatchObject({ ok: false, status: 413, code: 'invalid_input' });
		fetchMock.mockResolvedValueOnce(new Response('<html>Bad gateway</html>', { status: 502 }));
		expect(await request('/x')).toMatchObject({ ok: false, status: 502, code: 'internal', message: phone.errors.internal });
	});

	it('says so when the server was not reached', async () => {
		fetchMock.mockRejectedValue(new TypeError('Failed to fetch'));
		expect(await request('/x')).toEqual({ ok: false, status: 0, code: 'network', message: phone.errors.network });
	});
});

describe('postJson', () => {
	it('gives the answer parsed', async () => {
		fetchMock.mockResolvedValue(json(201, { code: 'ABC123' }));
		expect(await postJson<{ code: string }>('/api/sessions', {})).toEqual({ ok: true, data: { code: 'ABC123' } });
		expect(fetchMock.mock.calls[0][1]).toMatchObject({ method: 'POST', body: '{}' });
	});
});

describe('refusalText', () => {
	it('falls back to the internal error when no code came', () => {
		expect(refusalText(undefined)).toBe(phone.errors.internal);
		expect(refusalText('over_cap', 'ignored detail')).toBe(phone.errors.over_cap);
	});
});

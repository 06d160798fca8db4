import { describe, expect, it } from 'vitest';
import { joinSchema } from '../realtime/schemas';
import { handle, HttpProblem, readBody } from './endpoint.server';

const post = (body: string, type = 'application/json') =>
	new Request('http://rembuk.test/api', { method: 'POST', headers: { 'content-type': type }, body });
const goodJoin = { token: 'AbCdEfGhIjKlMnOpQrStUv', name: 'Siti', group: 'media', consent: true };

/** The problem readBody throws, or a failure when it throws none. */
async function problemOf(request: Request): Promise<HttpProblem> {
	try {
		await readBody(request, joinSchema);
	} catch (error) {
		if (error instanceof HttpProblem) return error;
		throw error;
	}
	throw new Error('readBody accepted the body');
}

describe('readBody', () => {
	it('returns the parsed, normalised body', async () => {
		const body = await readBody(post(JSON.stringify({ ...goodJoin, name: '  Siti  ' }), 'application/json; charset=utf-8'), joinSchema);
		expect(body).toEqual({ ...goodJoin, institution: '', position: '', sex: '' });
	});

	it('wants JSON: 415', async () => {
		expect(await problemOf(post(JSON.stringify(goodJoin), 'text/plain'))).toMatchObject({ status: 415, code: 'invalid_input' });
	});

	it('refuses a body over 32 KiB: 413', async () => {
		const big = JSON.stringify({ ...goodJoin, padding: 'x'.repeat(32 * 1024) });
		expect(await problemOf(post(big))).toMatchObject({ status: 413, code: 'invalid_input' });
	});

	it('refuses a body that says it is too big before reading it: 413', async () => {
		// The server takes photo-sized bodies, so a JSON endpoint must not read megabytes to refuse them.
		const body = new ReadableStream({ pull: () => Promise.reject(new Error('the body was read')) });
		const headers = { 'content-type': 'application/json', 'content-length': String(8 * 1024 * 1024) };
		const request = new Request('http://rembuk.test/api', { method: 'POST', headers, body, duplex: 'half' } as RequestInit);
		expect(await problemOf(request)).toMatchObject({ status: 413, code: 'invalid_input' });
	});

	it('refuses text that is not JSON: 400', async () => {
		expect(await problemOf(post('{"name": '))).toMatchObject({ status: 400, code: 'invalid_input' });
	});

	it('names the first invalid field', async () => {
		const problem = await problemOf(post(JSON.stringify({ ...goodJoin, name: '' })));
		expect(problem).toMatchObject({ status: 400, code: 'invalid_input' });
		expect(problem.message).toMatch(/^name: /);
	});

	it('answers consent_required when consent is the problem', async () => {
		for (const consent of [false, undefined, 'true']) {
			const problem = await problemOf(post(JSON.stringify({ ...goodJoin, consent })));
			expect(problem, String(consent)).toMatchObject({ status: 400, code: 'consent_required' });
		}
	});
});

describe('handle', () => {
	it('turns an HttpProblem into the JSON error shape', async () => {
		const response = await handle(() => {
			throw new HttpProblem(409, 'session_closed', 'The session is closed');
		});
		expect(response.status).toBe(409);
		expect(await response.json()).toEqual({ error: { code: 'session_closed', message: 'The session is closed' } });
	});

	it('passes a normal response through', async () => {
		const response = await handle(() => new Response(null, { status: 204 }));
		expect(response.status).toBe(204);
	});

	it('lets unexpected errors reach SvelteKit', async () => {
		await expect(handle(() => Promise.reject(new TypeError('bug')))).rejects.toThrow('bug');
	});
});

/**
 * Brute force and headers, against the production build with its real limits: guessing join
 * codes, facilitator keys or participant tokens is cut off per address, faking the address does
 * not help, joins are capped, and every page carries the CSP and the other security headers.
 * Each test gets a fresh server, because a blocked address stays blocked for a minute.
 */
import { expect, test } from '@playwright/test';
import { createSession, join, newToken } from '../../scripts/bench/phone.mjs';
import { freePort } from '../../scripts/bench/ports.mjs';
import { rembuk, type RembukProcess } from '../../scripts/bench/server.mjs';
import { refusal } from './socket';

const WRONG_SECRETS_ALLOWED = 20;
let server: RembukProcess;

test.beforeEach(async () => {
	server = rembuk({ port: await freePort() });
	await server.start();
});
test.afterEach(() => server.dispose());

const status = async (path: string, headers: Record<string, string> = {}) => (await fetch(`${server.url}${path}`, { headers })).status;

test('guessing join codes is cut off after 20 misses, even for the right code and a faked address', async () => {
	const { code } = await createSession(server.url);
	for (let i = 0; i < WRONG_SECRETS_ALLOWED; i++) expect(await status(`/api/sessions/QQQQQ${'ACDEFGHJKMNPQRTUVWXY'[i]}`)).toBe(404);
	expect(await status(`/api/sessions/${code}`)).toBe(429);
	expect(await status(`/j/${code}`)).toBe(429);
	// The limit is per connection address; headers a client can write do not move it.
	expect(await status(`/api/sessions/${code}`, { 'x-forwarded-for': '203.0.113.9', 'x-real-ip': '203.0.113.9' })).toBe(429);
	expect(await refusal(server.url, { code, role: 'presenter' })).toBe('rate_limited');
});

test('guessing facilitator keys over the socket is cut off, and then the right key is refused too', async () => {
	const { code, facilitatorKey } = await createSession(server.url);
	for (let i = 0; i < WRONG_SECRETS_ALLOWED; i++) expect(await refusal(server.url, { code, role: 'facilitator', key: `tebakan-${i}` })).toBe('unauthenticated');
	expect(await refusal(server.url, { code, role: 'facilitator', key: facilitatorKey })).toBe('rate_limited');
});

test('guessing facilitator keys on the minutes download is cut off too', async () => {
	const { code, facilitatorKey } = await createSession(server.url);
	for (let i = 0; i < WRONG_SECRETS_ALLOWED; i++)
		expect(await status(`/api/sessions/${code}/minutes`, { authorization: `Bearer tebakan-${i}` })).toBe(403);
	expect(await status(`/api/sessions/${code}/minutes`, { authorization: `Bearer ${facilitatorKey}` })).toBe(429);
});

test('guessing participant tokens is cut off', async () => {
	const { code } = await createSession(server.url);
	const { token } = await join(server.url, code, 1);
	for (let i = 0; i < WRONG_SECRETS_ALLOWED; i++) expect(await refusal(server.url, { code, role: 'participant', token: newToken() })).toBe('unauthenticated');
	expect(await refusal(server.url, { code, role: 'participant', token })).toBe('rate_limited');
});

test('joins are capped at 120 a minute per address', async () => {
	const { code } = await createSession(server.url);
	const answers = await Promise.all(
		Array.from({ length: 125 }, () =>
			fetch(`${server.url}/api/sessions/${code}/participants`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ token: newToken(), name: 'Peserta', group: 'media', consent: true })
			}).then((r) => r.status)
		)
	);
	expect(answers.filter((s) => s === 201)).toHaveLength(120);
	expect(answers.filter((s) => s === 429)).toHaveLength(5);
});

test('every page sends a strict CSP, frame-ancestors none, no referrer, nosniff and DENY framing', async () => {
	const { code } = await createSession(server.url);
	for (const path of ['/', `/j/${code}`, `/f/${code}`, `/p/${code}`, '/j/QQQQQQ']) {
		const response = await fetch(`${server.url}${path}`);
		const csp = response.headers.get('content-security-policy') ?? '';
		expect(csp, path).toContain("frame-ancestors 'none'");
		expect(csp, path).toContain("default-src 'self'");
		expect(csp, path).toMatch(/script-src 'self' 'nonce-[^']+'/);
		expect(csp, path).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
		expect(response.headers.get('referrer-policy'), path).toBe('same-origin');
		expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
		expect(response.headers.get('x-frame-options'), path).toBe('DENY');
		// Every inline script carries the nonce; nothing else may run.
		const html = await response.text();
		const nonce = /'nonce-([^']+)'/.exec(csp)![1];
		for (const tag of html.match(/<script\b[^>]*>/g) ?? []) expect(tag, path).toContain(`nonce="${nonce}"`);
	}
	for (const path of ['/healthz', `/api/sessions/${code}`]) {
		const response = await fetch(`${server.url}${path}`);
		expect(response.headers.get('referrer-policy'), path).toBe('same-origin');
		expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
	}
});

test('a socket from another site is refused before it can authenticate', async () => {
	const { code } = await createSession(server.url);
	const response = await fetch(`${server.url}/socket.io/?EIO=4&transport=polling`, { headers: { origin: 'http://rembuk-palsu.invalid' } });
	expect(response.status).toBe(403);
	expect(await refusal(server.url, { code, role: 'presenter' })).toBe('connected');
});

/**
 * Brute force and headers, against the production build with its real limits: guessing join
 * codes, facilitator keys or participant tokens slows that address down (never the holder of a
 * right secret), faking the address does not help, a room behind one address joins at once, and
 * every page carries the CSP and the other security headers. Each test gets a fresh server,
 * because the slow-down remembers an address's misses.
 */
import { expect, test } from '@playwright/test';
import { createSession, join, newToken } from '../../scripts/bench/phone.mjs';
import { freePort } from '../../scripts/bench/ports.mjs';
import { rembuk, type RembukProcess } from '../../scripts/bench/server.mjs';
import { refusal } from './socket';

/** Free misses per address (src/lib/server/guessing.ts); past them, one look-up every 3 s. */
const FREE_MISSES = 20;
/** More guesses at once than can wait their turn (10 s at one per 3 s): some are told to come back. */
const BURST = 8;
let server: RembukProcess;

test.beforeEach(async () => {
	server = rembuk({ port: await freePort() });
	await server.start();
});
test.afterEach(() => server.dispose());

const status = async (path: string, headers: Record<string, string> = {}) => (await fetch(`${server.url}${path}`, { headers })).status;
const burstOf = <T>(guess: (i: number) => Promise<T>) => Promise.all(Array.from({ length: BURST }, (_, i) => guess(i)));
const wrongCode = (i: number) => `QQQQQ${'ACDEFGHJKMNPQRTUVWXY'[i % 20]}`;

test('guessing join codes slows that address down, and a faked address does not help, but a key still opens', async () => {
	const { code, facilitatorKey } = await createSession(server.url);
	for (let i = 0; i < FREE_MISSES; i++) expect(await status(`/api/sessions/${wrongCode(i)}`)).toBe(404);
	const burst = burstOf((i) => status(`/api/sessions/${wrongCode(i)}`));
	// While the burst waits its turn, the right code is one more guess from this address: told to come back.
	expect(await status(`/api/sessions/${code}`)).toBe(429);
	// The limit is per connection address; headers a client can write do not move it.
	expect(await status(`/api/sessions/${code}`, { 'x-forwarded-for': '203.0.113.9', 'x-real-ip': '203.0.113.9' })).toBe(429);
	expect(await refusal(server.url, { code, role: 'presenter' })).toBe('rate_limited');
	// A secret is checked first: the facilitator's download and console are not slowed.
	expect(await status(`/api/sessions/${code}/minutes`, { authorization: `Bearer ${facilitatorKey}` })).toBe(200);
	expect(await refusal(server.url, { code, role: 'facilitator', key: facilitatorKey })).toBe('connected');
	const answers = await burst;
	expect(answers).toContain(404);
	expect(answers).toContain(429);
});

test('guessing facilitator keys over the socket slows down, and the right key still opens', async () => {
	const { code, facilitatorKey } = await createSession(server.url);
	for (let i = 0; i < FREE_MISSES; i++) expect(await refusal(server.url, { code, role: 'facilitator', key: `tebakan-${i}` })).toBe('unauthenticated');
	const burst = burstOf((i) => refusal(server.url, { code, role: 'facilitator', key: `lagi-${i}` }));
	expect(await refusal(server.url, { code, role: 'facilitator', key: facilitatorKey })).toBe('connected');
	const answers = await burst;
	expect(answers).toContain('rate_limited');
	expect(answers).not.toContain('connected');
});

test('guessing facilitator keys on the minutes download slows down too', async () => {
	const { code, facilitatorKey } = await createSession(server.url);
	for (let i = 0; i < FREE_MISSES; i++)
		expect(await status(`/api/sessions/${code}/minutes`, { authorization: `Bearer tebakan-${i}` })).toBe(403);
	const burst = burstOf((i) => status(`/api/sessions/${code}/minutes`, { authorization: `Bearer lagi-${i}` }));
	expect(await status(`/api/sessions/${code}/minutes`, { authorization: `Bearer ${facilitatorKey}` })).toBe(200);
	const answers = await burst;
	expect(answers).toContain(429);
	expect(answers).not.toContain(200);
});

test('guessing participant tokens slows down, and the phone that joined still connects', async () => {
	const { code } = await createSession(server.url);
	const { token } = await join(server.url, code, 1);
	for (let i = 0; i < FREE_MISSES; i++) expect(await refusal(server.url, { code, role: 'participant', token: newToken() })).toBe('unauthenticated');
	const burst = burstOf(() => refusal(server.url, { code, role: 'participant', token: newToken() }));
	expect(await refusal(server.url, { code, role: 'participant', token })).toBe('connected');
	expect(await burst).toContain('rate_limited');
});

test('a room behind one address joins at once: 150 phones, none turned away', async () => {
	const { code } = await createSession(server.url);
	const answers = await Promise.all(
		Array.from({ length: 150 }, () =>
			fetch(`${server.url}/api/sessions/${code}/participants`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ token: newToken(), name: 'Peserta', group: 'media', consent: true })
			}).then((r) => r.status)
		)
	);
	expect(answers.filter((s) => s === 201)).toHaveLength(150);
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

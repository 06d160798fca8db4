// joinStorm: a whole room arriving at once through one venue address. N phones on 127.0.0.1, the
// server at its default limits (never RATE_LIMITS=off), all starting together: each joins over
// HTTP, connects its socket with its token and waits for the board. Reports how many were refused
// (an HTTP 4xx/5xx or a refused socket), how many failed otherwise (network, timeout) and the
// seconds until the last phone had its board. A fresh server per N, so one storm's joins do not
// count against the next.
import { io } from 'socket.io-client';
import { GROUPS, createSession, newToken } from './phone.mjs';
import { freePort } from './ports.mjs';
import { rembuk } from './server.mjs';

/** Joins over the pace wait on the server (up to a minute for the 601st), so allow two. */
const PHONE_TIMEOUT_MS = 150_000;

class Refused extends Error {}

async function joinOver(base, code, index) {
	const token = newToken();
	const response = await fetch(`${base}/api/sessions/${code}/participants`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ token, name: `Peserta ${index}`, group: GROUPS[index % GROUPS.length], institution: `Lembaga ${index}`, consent: true }),
		signal: AbortSignal.timeout(PHONE_TIMEOUT_MS)
	});
	const body = await response.json().catch(() => null);
	if (!response.ok) throw new Refused(`join ${response.status} ${body?.error?.code ?? ''}`);
	return token;
}

/** Connects as the phone does and resolves once the sync answer (the board) is in. */
function boardOver(base, code, token) {
	const socket = io(base, { path: '/socket.io', auth: { code, role: 'participant', token }, transports: ['websocket'], forceNew: true, reconnection: false, timeout: PHONE_TIMEOUT_MS });
	return new Promise((resolve, reject) => {
		socket.once('connect_error', (error) => (socket.close(), reject(new Refused(`socket ${error.message}`))));
		socket.once('connect', async () => {
			try {
				const answer = await socket.timeout(PHONE_TIMEOUT_MS).emitWithAck('sync', { lastSeq: 0 });
				if (!answer?.ok) throw new Refused(`sync ${answer?.error?.code}`);
				resolve(socket);
			} catch (error) {
				socket.close();
				reject(error);
			}
		});
	});
}

/** One storm of `phones` phones against a fresh server; returns the figures. */
export async function joinStorm({ phones, script = 'build/server.js', log = () => {} }) {
	// RATE_LIMITS is set to a value that leaves every limit on, whatever this shell exported.
	const server = rembuk({ port: await freePort(), script, probe: false, env: { RATE_LIMITS: 'on' } });
	const sockets = [];
	try {
		await server.start();
		const { code } = await createSession(server.url);
		log(`joinStorm: ${phones} phones from 127.0.0.1 at once`);
		const started = performance.now();
		const outcomes = await Promise.allSettled(
			Array.from({ length: phones }, async (_, i) => {
				const token = await joinOver(server.url, code, i);
				sockets.push(await boardOver(server.url, code, token));
				return performance.now() - started;
			})
		);
		const done = outcomes.filter((o) => o.status === 'fulfilled').map((o) => o.value);
		const errors = outcomes.filter((o) => o.status === 'rejected').map((o) => o.reason);
		const refused = errors.filter((e) => e instanceof Refused);
		const reasons = [...new Set(errors.map((e) => `${e.message ?? e}${e.cause?.code ? ` (${e.cause.code})` : ''}`))].slice(0, 5);
		return {
			phones,
			joined: done.length,
			refused: refused.length,
			failed: errors.length - refused.length,
			allBoardSeconds: done.length === phones ? Math.max(...done) / 1000 : null,
			medianBoardSeconds: done.length ? done.sort((a, b) => a - b)[Math.floor(done.length / 2)] / 1000 : null,
			reasons
		};
	} finally {
		for (const socket of sockets) socket.close();
		await server.dispose();
	}
}

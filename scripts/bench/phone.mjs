// What a simulated phone does, through Rembuk's real HTTP API and socket.io protocol: make a
// token, join, connect, sync, send commands with ids. Shared by the bench and the torture script.
import { randomBytes, randomUUID } from 'node:crypto';
import { io } from 'socket.io-client';

export const GROUPS = ['pemerintah', 'akademisi', 'dunia_usaha', 'csr', 'komunitas', 'media', 'lainnya'];

/** As a phone does: 24 random bytes, base64url. */
export const newToken = () => randomBytes(24).toString('base64url');
export const newCommandId = () => randomUUID();

async function post(url, body) {
	const response = await fetch(url, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(body),
		signal: AbortSignal.timeout(20_000)
	});
	const data = await response.json().catch(() => null);
	if (!response.ok) throw new Error(`POST ${new URL(url).pathname} answered ${response.status} ${JSON.stringify(data)}`);
	return data;
}

/** POST /api/sessions: a session as the home page creates it. */
export const createSession = (base, overrides = {}) =>
	post(`${base}/api/sessions`, { title: 'FGD uji beban', startsAt: '2026-11-28T09:00', ...overrides });

/** POST /api/sessions/{code}/participants with a fresh token; resolves with the token and participant. */
export async function join(base, code, index, token = newToken()) {
	const { participant } = await post(`${base}/api/sessions/${code}/participants`, {
		token,
		name: `Peserta ${index}`,
		group: GROUPS[index % GROUPS.length],
		institution: `Lembaga ${index}`,
		consent: true
	});
	return { token, participant };
}

/**
 * A socket of its own (forceNew: socket.io-client would otherwise multiplex every phone over one
 * connection). Resolves once connected; with `reconnection: false` a refusal rejects.
 */
export function connect(base, auth, { reconnection = false, timeout = 20_000, url = base } = {}) {
	const socket = io(url, { path: '/socket.io', auth, transports: ['websocket'], forceNew: true, reconnection, timeout });
	return new Promise((resolve, reject) => {
		const fail = (error) => {
			if (reconnection) return; // keeps trying by itself
			socket.close();
			reject(new Error(`socket refused: ${error.message}`));
		};
		socket.once('connect', () => (socket.off('connect_error', fail), resolve(socket)));
		socket.on('connect_error', fail);
	});
}

/** Sends one command and waits for its ack; rejects when none comes within `timeout`. */
export const command = (socket, command, id = newCommandId(), timeout = 10_000) =>
	socket.timeout(timeout).emitWithAck('command', { id, command });

export const sync = (socket, lastSeq, timeout = 20_000) => socket.timeout(timeout).emitWithAck('sync', { lastSeq });

// `npm run demo`: fills a running Rembuk with the sample FGD in ./demo-data.mjs, through the
// app's own HTTP API and socket.io, the way phones would. BASE_URL picks the app
// (default http://localhost:3000). Progress goes to stderr; stdout gets exactly one JSON line
// with the links and the facilitator key, so `npm run demo --silent | jq` works.
// It also seeds a demo organization with a programme of three sessions (./demo-org.mjs; its admin's
// one-time setup link is printed as `organizationSetupLink`); `--no-org` leaves that out.
import { randomBytes, randomUUID } from 'node:crypto';
import { io } from 'socket.io-client';
import { SCHEDULE, sessionClock } from './demo-clock.mjs';
import { items, participants, session } from './demo-data.mjs';
import { facilitate } from './demo-steps.mjs';
import { seedOrganization } from './demo-org.mjs';

const BASE_URL = (process.env.BASE_URL ?? 'http://localhost:3000').replace(/\/+$/, '');
const TIMEOUT_MS = 10_000;

/** A failure with a message meant for the person running the demo (no stack trace needed). */
class DemoError extends Error {}

const progress = (message) => process.stderr.write(`${message}\n`);

async function request(method, path, body, key) {
	let response;
	try {
		const headers = { ...(body ? { 'content-type': 'application/json' } : {}), ...(key ? { authorization: `Bearer ${key}` } : {}) };
		response = await fetch(`${BASE_URL}${path}`, {
			method,
			headers,
			body: body ? JSON.stringify(body) : undefined,
			signal: AbortSignal.timeout(TIMEOUT_MS)
		});
	} catch (error) {
		const reason = error.cause?.code ?? error.name ?? 'no answer';
		throw new DemoError(
			`Rembuk is not reachable at ${BASE_URL} (${reason}). Start it (npm start) or point BASE_URL at it.`
		);
	}
	const text = await response.text();
	let data;
	try {
		data = JSON.parse(text);
	} catch {
		data = undefined;
	}
	if (response.status === 204) return undefined;
	if (!response.ok) {
		const reason = data?.error ? `${data.error.code}: ${data.error.message}` : text.slice(0, 200);
		throw new DemoError(`${method} ${path} answered ${response.status} (${reason})`);
	}
	return data;
}

/** A participant's phone: connected and authenticated, or a clear reason why not. */
function connect(code, token, name, role = 'participant') {
	const auth = role === 'participant' ? { code, role, token } : { code, role, key: token };
	return new Promise((resolve, reject) => {
		const socket = io(BASE_URL, {
			path: '/socket.io',
			auth,
			transports: ['websocket'],
			reconnection: false,
			timeout: TIMEOUT_MS
		});
		socket.once('connect', () => resolve(socket));
		socket.once('connect_error', (error) => {
			socket.close();
			reject(new DemoError(`The socket for ${name} was refused: ${error.message}`));
		});
	});
}

/** Sends one command and waits for its acknowledgement; a refusal stops the demo loudly. */
async function send(socket, command) {
	const id = randomUUID();
	let ack;
	for (;;) {
		try {
			ack = await socket.timeout(TIMEOUT_MS).emitWithAck('command', { id, command });
		} catch {
			throw new DemoError(`No acknowledgement within ${TIMEOUT_MS / 1000} s for ${command.type}`);
		}
		// The server allows each socket a burst, then a few commands a second: wait, resend the same id.
		if (ack?.error?.code !== 'rate_limited') break;
		await new Promise((resolve) => setTimeout(resolve, 1000));
	}
	if (!ack?.ok) throw new DemoError(`${command.type} refused: ${ack?.error?.code}: ${ack?.error?.message}`);
	return ack;
}

async function addItem(socket, item) {
	const ack = await send(socket, { type: 'item.add', kind: item.kind, text: item.text, anonymous: item.anonymous });
	return ack.itemId;
}

function checkData() {
	const refs = new Set(participants.map((p) => p.ref));
	const unknown = items.filter((item) => !refs.has(item.by));
	if (unknown.length) throw new DemoError(`demo-data.mjs: items by unknown participants: ${unknown.map((i) => i.by).join(', ')}`);
}

async function main() {
	checkData();
	const health = await request('GET', '/healthz');
	if (health?.service !== 'rembuk') throw new DemoError(`${BASE_URL} answers, but it is not Rembuk`);

	// A sample session, so its clock can follow the event day (see demo-clock.mjs).
	const created = await request('POST', '/api/sessions', { ...session, sample: true });
	progress(`Session ${created.code} created: ${session.title}`);
	const setClock = sessionClock(request, session, created.code, created.facilitatorKey);

	const tokens = new Map();
	for (const [index, person] of participants.entries()) {
		await setClock(SCHEDULE.registration, index * 60);
		// A phone makes its own token: 24 random bytes, 32 base64url characters.
		const token = randomBytes(24).toString('base64url');
		const { ref, ...profile } = person;
		await request('POST', `/api/sessions/${created.code}/participants`, { token, ...profile, consent: true });
		tokens.set(ref, token);
	}
	progress(`${participants.length} participants joined`);

	const sockets = new Map();
	try {
		for (const person of participants) {
			sockets.set(person.ref, await connect(created.code, tokens.get(person.ref), person.name));
		}
		const staff = {
			facilitator: await connect(created.code, created.facilitatorKey, 'the facilitator', 'facilitator'),
			minutetaker: await connect(created.code, created.minutetakerKey, 'the minute-taker', 'minutetaker')
		};
		sockets.set('facilitator', staff.facilitator).set('minutetaker', staff.minutetaker);
		await setClock(SCHEDULE.writing);
		await send(staff.facilitator, { type: 'phase.set', phase: 'writing' });
		const posted = [];
		for (const [index, item] of items.entries()) {
			await setClock(SCHEDULE.posts, index * 30);
			posted.push({ ...item, id: await addItem(sockets.get(item.by), item) });
		}
		progress(`${items.length} items posted (${items.filter((i) => i.anonymous).length} anonymous)`);
		await facilitate({ send, progress, setClock, staff, sockets, posted, participants });
	} finally {
		for (const socket of sockets.values()) socket.close();
	}

	const { code, facilitatorKey, facilitatorUrl, participantUrl, presenterUrl } = created;
	const output = { code, facilitatorKey, facilitatorUrl, participantUrl, presenterUrl };
	if (!process.argv.includes('--no-org')) {
		const started = Date.now();
		try {
			const seeded = await seedOrganization({ baseUrl: BASE_URL, timeoutMs: TIMEOUT_MS, request, connect, send, progress });
			output.organizationSetupLink = seeded.organizationSetupLink;
		} catch (error) {
			throw error instanceof DemoError ? error : new DemoError(`demo organization: ${error.message}`);
		}
		progress(`Demo organization seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
	}
	process.stdout.write(`${JSON.stringify(output)}\n`);
}

main().catch((error) => {
	progress(error instanceof DemoError ? `demo: ${error.message}` : error?.stack ?? String(error));
	process.exitCode = 1;
});

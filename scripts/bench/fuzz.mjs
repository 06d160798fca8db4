// The hostile-input fuzzer: thousands of malformed, oversized and odd socket.io payloads, raw
// WebSocket frames and HTTP requests against a running Rembuk on loopback. It checks, as it goes,
// that every answer is a clear error (a known code and a message, never a stack trace), that the
// server stays up, and it returns the odd-but-valid items it posted so the caller can check they
// were stored exactly as acknowledged. Seeded, so a failing run can be replayed.
import { connect as tcpConnect } from 'node:net';
import { frame, OP, RawSocket } from './rawsocket.mjs';

export const KNOWN_CODES = [
	'invalid_input',
	'unauthenticated',
	'forbidden',
	'not_found',
	'session_closed',
	'rate_limited',
	'kinds_locked',
	'anonymous_not_allowed',
	'consent_required',
	'internal'
];
/** What a leaked stack trace or server path looks like. */
const STACK = /\n\s+at .+:\d+:\d+|node_modules\/|\/build\/server|\/src\/lib\/|SqliteError|TypeError:|RangeError:/;

/** mulberry32: small, fast, and the same sequence for the same seed. */
export function random(seed) {
	let a = seed >>> 0;
	const next = () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	const int = (n) => Math.floor(next() * n);
	return { next, int, pick: (list) => list[int(list.length)] };
}

const NOT_OBJECTS = ['null', '0', '-1', '1e309', '"command"', '[]', 'true', '[1,2,3]', '""'];
const BAD_IDS = [undefined, 123, null, {}, [], true, '', 'a', 'short', 'x'.repeat(65), 'bad id with spaces', 'ümlaut-id-1234', '../../etc/passwd', '<script>x</script>'];
const BAD_COMMANDS = [undefined, null, 'item.add', 42, [], {}];
const BAD_TYPES = [undefined, 'item.ad', 'ITEM.ADD', ' item.add', 42, null, '__proto__', 'constructor', 'toString', 'session.delete', 'x'.repeat(1000)];
const BAD_KINDS = [undefined, '', 'KENDALA', 'x'.repeat(33), 42, null, ['kendala'], { k: 1 }, 'ken dala', 'kendala\u0000', 'tidakada'];
const BAD_TEXTS = [undefined, '', '   ', '\n\t \r', 'x'.repeat(501), 'a\u0000b', 'bell\u0007', 'esc\u001b[31m', 'del\u007f', 'v\u000bt', 'lone \ud800 surrogate', '\udfff', 42, null, [], {}, true];
const BAD_BOOLEANS = ['true', 1, null, {}, 'yes'];
const BAD_ITEM_IDS = [42, null, 'x'.repeat(41), [], {}, undefined];

/** A valid envelope to start each mutation from. */
const baseline = (rng) => ({ id: `fz-${rng.int(1e9)}-${rng.int(1e9)}`, command: { type: 'item.add', kind: 'kendala', text: 'Dasar fuzz' } });

/** Envelopes that must be refused: each is invalid by construction. */
const INVALID = [
	(rng) => rng.pick(NOT_OBJECTS),
	(rng) => JSON.stringify({ ...baseline(rng), id: rng.pick(BAD_IDS) }),
	(rng) => JSON.stringify({ id: baseline(rng).id, command: rng.pick(BAD_COMMANDS) }),
	(rng) => JSON.stringify({ ...baseline(rng), command: { ...baseline(rng).command, type: rng.pick(BAD_TYPES) } }),
	(rng) => JSON.stringify({ ...baseline(rng), command: { ...baseline(rng).command, kind: rng.pick(BAD_KINDS) } }),
	(rng) => JSON.stringify({ ...baseline(rng), command: { ...baseline(rng).command, text: rng.pick(BAD_TEXTS) } }),
	(rng) => JSON.stringify({ ...baseline(rng), command: { ...baseline(rng).command, anonymous: rng.pick(BAD_BOOLEANS) } }),
	(rng) => JSON.stringify({ ...baseline(rng), command: { type: rng.pick(['item.edit', 'item.delete']), itemId: rng.pick(BAD_ITEM_IDS), text: 'ubah' } }),
	(rng) => JSON.stringify({ ...baseline(rng), command: { type: 'item.edit', itemId: 'tidak-ada-item', text: rng.pick(['ubah', ...BAD_TEXTS]) } }),
	(rng) => JSON.stringify({ ...baseline(rng), command: { type: 'item.delete', itemId: `tidak-ada-${rng.int(1e6)}` } }),
	(rng) => JSON.stringify({ ...baseline(rng), command: { type: rng.pick(['session.close', 'session.settings']), allowAnonymous: false } }),
	(rng) =>
		JSON.stringify({
			...baseline(rng),
			command: { type: 'session.settings', kinds: rng.pick([[], Array.from({ length: 9 }, (_, i) => ({ key: `k${i}`, label: 'L' })), [{ key: 'a', label: 'A' }, { key: 'a', label: 'B' }], [{ key: 'A B', label: 'x' }], [{ key: 'a', label: 'x'.repeat(41) }]]) }
		}),
	// Deep JSON: nesting as far as the 16 KiB message limit allows.
	(rng) => {
		const depth = 500 + rng.int(7000);
		return rng.next() < 0.5 ? `${'['.repeat(depth)}${']'.repeat(depth)}` : `{"id":"fz-deep-${depth}","command":${'{"a":'.repeat(depth >> 1)}1${'}'.repeat(depth >> 1)}}`;
	},
	(rng) => JSON.stringify({ ...baseline(rng), command: { ...baseline(rng).command, text: 'x'.repeat(2000 + rng.int(12000)) } })
];

/**
 * Items that are odd but valid: stored, and stored as their NFC-normalised, trimmed selves.
 * Unknown fields and `__proto__` keys must be dropped, not obeyed.
 */
const ODD_VALID_TEXTS = [
	'  spasi di tepi  ',
	'e\u0301 (NFD jadi NFC)',
	'\u202Eterbalik\u202C RTL',
	'نص عربي من اليمين',
	'zero\u200Bwidth\u200Djoiner',
	'🙂👍🏽👨‍👩‍👧 emoji',
	'<script>alert(1)</script>',
	'<img src=x onerror=alert(1)>',
	'javascript:alert(1)',
	'baris\nbaru\tdan tab',
	'x'.repeat(480),
	'𝔘𝔫𝔦𝔠𝔬𝔡𝔢 di luar BMP'
];
const oddValid = (rng, n) => {
	const text = `${rng.pick(ODD_VALID_TEXTS)} #${n}`;
	const extras = rng.pick(['', ',"extra":"diabaikan"', ',"__proto__":{"ok":true,"role":"facilitator"}', ',"constructor":{"prototype":{"x":1}}']);
	const id = `fz-ok-${n}-${rng.int(1e9)}`;
	return { text, json: `{"id":"${id}","command":{"type":"item.add","kind":"kendala","text":${JSON.stringify(text)}${extras}}${extras}}` };
};

/** Raw socket.io packets that are broken, reserved, or for places that do not exist. */
const BROKEN_PACKETS = [
	'4', '42', '42[', '42["command"', '43', '44', '41', '49', '4x', '40/admin,', '40/admin,{}', '42/admin,["command",{}]',
	'451-["command",{"_placeholder":true,"num":0}]', '45x', '42{"a":1}', '42"str"', '42[]', '42[42]', '42[null]', '42["command"]',
	'42["disconnect"]', '42["connect"]', '42["newListener","command"]', '42["removeListener","command"]', '42["__proto__",{}]',
	'42["constructor",{}]', '42["hasOwnProperty",{}]', '42["record",{"seq":1}]', '42["presence",{"online":-1}]', '42["nope",{}]',
	'2', '3', '5', '6', '7', '8', '9', '0', '40', '41', '1'
];

/** Whole frames that break the WebSocket protocol itself: the server must drop this connection only. */
const BAD_FRAMES = [
	() => frame(Buffer.from([0x34, 0x32, 0xff, 0xfe, 0xfd])), // invalid UTF-8 in a text frame
	() => frame(Buffer.from([0x34, 0x32, 0xc0, 0xaf])), // overlong encoding
	() => frame(Buffer.from([0x34, 0x32, 0xed, 0xa0, 0x80])), // a UTF-16 surrogate encoded as UTF-8
	() => frame('42["command",{}]', { masked: false }),
	() => frame('42', { opcode: 3 }),
	() => frame('42', { opcode: 0x0b }),
	() => frame('42["comm', { fin: false }),
	() => frame('x'.repeat(200), { opcode: OP.ping }),
	() => frame('42', { declaredLength: 2 ** 40 }),
	() => frame(`42["command",${JSON.stringify({ id: 'fz-big-0001', command: { type: 'item.add', kind: 'kendala', text: 'x'.repeat(20_000) } })}]`),
	() => frame(Buffer.from([0x12, 0x34, 0x56, 0x78, 0x9a]), { opcode: OP.binary }),
	() => frame(Buffer.from([0x03, 0xe7]), { opcode: OP.close })
];

/** A problem with an answer, or `null` when it is a clear refusal (or, for valid input, a success). */
function judgeAck(ack, { valid = false } = {}) {
	if (!Array.isArray(ack) || ack.length !== 1) return `ack is not one argument: ${JSON.stringify(ack)?.slice(0, 200)}`;
	const [result] = ack;
	const text = JSON.stringify(result);
	if (STACK.test(text)) return `ack leaks internals: ${text.slice(0, 300)}`;
	if (result?.ok === true) return valid ? null : `accepted invalid input: ${text.slice(0, 200)}`;
	if (result?.ok !== false || !KNOWN_CODES.includes(result.error?.code) || typeof result.error?.message !== 'string')
		return `unclear refusal: ${text.slice(0, 200)}`;
	if (result.error.code === 'internal') return `internal error: ${result.error.message}`;
	return valid ? `refused valid input: ${text.slice(0, 200)}` : null;
}

/**
 * Socket.io fuzzing as an authenticated participant. Returns counts, the violations found and
 * the odd-but-valid texts that were acknowledged (to compare with what the server stored).
 */
export async function fuzzSockets({ port, auth, cases, seed, healthy, onProgress = () => {} }) {
	const rng = random(seed);
	const report = { cases: 0, refused: 0, accepted: 0, ignored: 0, dropped: 0, reconnects: 0, refusedBy: {}, violations: [], stored: [] };
	let raw = null;
	let ackId = 0;
	const ensure = async () => {
		if (raw && !raw.closed) return raw;
		const { raw: fresh, answer } = await RawSocket.authenticate(port, auth);
		if (!answer.startsWith('40')) throw new Error(`the fuzzer could not authenticate: ${answer}`);
		report.reconnects++;
		return (raw = fresh);
	};
	const violation = (kind, detail) => report.violations.length < 50 && report.violations.push(`${kind}: ${detail}`);
	try {
		for (let n = 0; n < cases; n++) {
			const socket = await ensure();
			report.cases++;
			const roll = rng.next();
			if (roll < 0.55) {
				const event = rng.next() < 0.85 ? 'command' : 'sync';
				const payload = event === 'command' ? rng.pick(INVALID)(rng) : rng.pick(['{"lastSeq":-1}', '{"lastSeq":1.5}', '{"lastSeq":"1"}', '{"lastSeq":null}', '{}', '[]', 'null', '{"lastSeq":1e308}', '{"lastSeq":9007199254740993}']);
				const ack = await socket.emitWithAck(++ackId, event, payload);
				if (ack === null) {
					if (socket.closed) report.dropped++;
					else violation('no answer', `${event} ${payload.slice(0, 120)}`);
					continue;
				}
				// A sync with a huge lastSeq is valid: it gets a snapshot.
				const problem = judgeAck(ack, { valid: event === 'sync' && ack[0]?.ok === true });
				if (problem) violation('command', `${problem} ← ${payload.slice(0, 120)}`);
				if (ack[0]?.ok === false) report.refusedBy[ack[0].error.code] = (report.refusedBy[ack[0].error.code] ?? 0) + 1;
				report.refused++;
			} else if (roll < 0.65) {
				const { text, json } = oddValid(rng, n);
				let ack = await socket.emitWithAck(++ackId, 'command', json);
				// Dropped by an earlier broken frame? Resend with the same id, as a phone's outbox would.
				if (ack === null && socket.closed) ack = await (await ensure()).emitWithAck(++ackId, 'command', json);
				const problem = ack === null ? 'no answer' : judgeAck(ack, { valid: true });
				if (problem) violation('odd but valid', `${problem} ← ${json.slice(0, 120)}`);
				else (report.accepted++, report.stored.push(text));
			} else if (roll < 0.75) {
				socket.send(`42["${rng.pick(['command', 'sync'])}",${rng.pick(INVALID)(rng)}]`); // no ack asked: must be ignored
				report.ignored++;
			} else if (roll < 0.93) {
				// Packets like a second CONNECT or a DISCONNECT leave the connection in a state the
				// next case should not inherit: start the next one on a fresh connection.
				socket.send(rng.pick(BROKEN_PACKETS));
				if (await socket.whenClosed(30)) report.dropped++;
				else socket.close();
				report.ignored++;
			} else {
				socket.sendFrame(rng.pick(BAD_FRAMES)());
				if (await socket.whenClosed(1000)) report.dropped++;
				else socket.close(); // a protocol error the server tolerated; start clean anyway
			}
			if (n % 100 === 99) {
				if (!(await healthy())) {
					violation('server down', `after case ${n + 1}`);
					break;
				}
				onProgress(report);
			}
		}
	} finally {
		raw?.close();
	}
	return report;
}

/** One HTTP/1.1 request written by hand, for requests fetch() refuses to send. */
function rawRequest(port, text, timeout = 5000) {
	return new Promise((resolve) => {
		const socket = tcpConnect(port, '127.0.0.1');
		let answer = '';
		const done = () => (clearTimeout(timer), socket.destroy(), resolve(answer));
		const timer = setTimeout(done, timeout);
		socket.on('data', (d) => (answer += d.toString('latin1')));
		socket.on('end', done);
		socket.on('error', done);
		socket.write(text);
	});
}

/** HTTP fuzzing: bad bodies, types, methods, paths and headers. */
export async function fuzzHttp({ base, port, code, cases, seed, healthy }) {
	const rng = random(seed);
	const report = { cases: 0, byStatus: {}, violations: [] };
	const violation = (detail) => report.violations.length < 50 && report.violations.push(detail);
	const post = [`/api/sessions`, `/api/sessions/${code}/participants`];
	const paths = [...post, `/api/sessions/${code}`, `/api/sessions/${code}/minutes`, `/api/sessions/${code}/qr.svg`, '/healthz', `/j/${code}`, `/f/${code}`, `/p/${code}`, '/'];
	const badCodes = ['%ff', '%', '..%2F..%2Fetc%2Fpasswd', 'x'.repeat(3000), '%3Cscript%3E', '🙂🙂🙂', 'AAAAAA', '%00%00'];
	const bodies = [
		'',
		'null',
		'[]',
		'"str"',
		'{',
		'{"title":',
		Buffer.from([0x7b, 0x22, 0x74, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]),
		`${'['.repeat(20000)}${']'.repeat(20000)}`,
		JSON.stringify({ title: 'x'.repeat(40_000), startsAt: '2026-01-01T09:00' }),
		'x'.repeat(600_000),
		JSON.stringify({ title: 42, startsAt: [] }),
		JSON.stringify({ title: 'Sah', startsAt: '2026-13-45T99:99', timeZone: 'Mars/Olympus' }),
		JSON.stringify({ token: 'short', name: '', group: 'nope', consent: 'true' }),
		JSON.stringify({ token: 'A'.repeat(22), name: 'a\u0000b', group: 'media', consent: true }),
		JSON.stringify({ __proto__: { admin: true }, token: 'B'.repeat(22), name: 'Proto', group: '__proto__', consent: true })
	];
	const types = [undefined, 'text/plain', 'application/json; charset=klingon', 'multipart/form-data; boundary=x', 'application/x-www-form-urlencoded', 'application/json'];
	const checkResponse = (path, status, type, body, method = 'GET') => {
		report.byStatus[status] = (report.byStatus[status] ?? 0) + 1;
		if (status >= 500) violation(`${status} for ${path.slice(0, 80)}: ${body.slice(0, 200)}`);
		if (STACK.test(body)) violation(`stack trace in ${status} for ${path.slice(0, 80)}: ${body.slice(0, 300)}`);
		if (path.startsWith('/api/') && method !== 'HEAD' && status >= 400 && type?.includes('application/json')) {
			let error;
			try {
				error = JSON.parse(body).error;
			} catch {
				error = undefined;
			}
			if (!KNOWN_CODES.includes(error?.code) || typeof error?.message !== 'string') violation(`unclear JSON error ${status} for ${path.slice(0, 80)}: ${body.slice(0, 200)}`);
		}
	};
	const raws = [
		() => `POST /api/sessions HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: abc\r\n\r\n{}`,
		() => `POST /api/sessions HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: 5\r\nContent-Length: 7\r\n\r\n{}`,
		() => `POST /api/sessions HTTP/1.1\r\nHost: x\r\nConnection: close\r\nTransfer-Encoding: chunked\r\nContent-Length: 2\r\n\r\nzz\r\n{}\r\n0\r\n\r\n`,
		() => `POST /api/sessions HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nnot-hex\r\n{}\r\n0\r\n\r\n`,
		() => `GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
		() => `GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\nBad Header Name: 1\r\n\r\n`,
		() => `GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\nX-Ctl: a\u0001b\r\n\r\n`,
		() => `GET http://rembuk.invalid/healthz HTTP/1.1\r\nHost: rembuk.invalid\r\nConnection: close\r\n\r\n`,
		() => `GARBAGE\r\n\r\n`,
		() => `GET /${'a'.repeat(70_000)} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`,
		() => `GET /api/sessions/${code}/minutes HTTP/1.1\r\nHost: x\r\nConnection: close\r\nAuthorization: Bearer ${'\u00ff'.repeat(300)}\r\n\r\n`,
		() => `GET /socket.io/?EIO=4&transport=polling&sid=bogus HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`,
		() => `POST /socket.io/?EIO=4&transport=polling&sid=bogus HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: 4\r\n\r\n\u00ff\u00fe42`,
		() => `GET /socket.io/?EIO=99&transport=carrier-pigeon HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`
	];
	for (let n = 0; n < cases; n++) {
		report.cases++;
		const roll = rng.next();
		try {
			if (roll < 0.55) {
				const path = rng.pick(post).replace(code, rng.next() < 0.2 ? rng.pick(badCodes) : code);
				const type = rng.pick(types);
				const response = await fetch(`${base}${path}`, {
					method: 'POST',
					headers: type ? { 'content-type': type } : {},
					body: rng.pick(bodies),
					signal: AbortSignal.timeout(10_000)
				});
				checkResponse(path, response.status, response.headers.get('content-type'), await response.text());
			} else if (roll < 0.8) {
				const path = rng.pick(paths).replace(code, rng.next() < 0.5 ? rng.pick(badCodes) : code) + rng.pick(['', '?format=pdf', '?format=md&lang=xx', '?lang[]=id', '?%ff=%ff']);
				const method = rng.pick(['GET', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD', 'POST']);
				const headers = rng.pick([{}, { authorization: 'Bearer ' + 'z'.repeat(5000) }, { authorization: 'Basic Zm9vOmJhcg==' }, { authorization: 'Bearer' }, { origin: 'http://evil.invalid' }, { accept: 'application/json' }]);
				const response = await fetch(`${base}${path}`, { method, headers, signal: AbortSignal.timeout(10_000) });
				checkResponse(path, response.status, response.headers.get('content-type'), await response.text(), method);
			} else {
				const answer = await rawRequest(port, rng.pick(raws)());
				const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(answer)?.[1] ?? 0);
				const [head, ...rest] = answer.split('\r\n\r\n');
				checkResponse('(raw)', status, /content-type: ([^\r\n]+)/i.exec(head)?.[1], rest.join('\r\n\r\n'));
			}
		} catch (error) {
			violation(`request failed: ${error.message}`);
		}
		if (n % 50 === 49 && !(await healthy())) {
			violation(`server down after HTTP case ${n + 1}`);
			break;
		}
	}
	return report;
}

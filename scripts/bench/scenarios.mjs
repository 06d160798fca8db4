// The torture scenarios, each against a running server (scripts/bench/server.mjs) on loopback:
// a crash in the middle of a burst, phones cut off without a goodbye, slow phones, and the
// fuzzer. Each returns counts and a list of failures; `npm run torture` runs them at full size
// and tests/e2e/torture.e2e.ts at a size CI can afford.
import { fuzzHttp, fuzzSockets } from './fuzz.mjs';
import { storedItems, storedSeq } from './invariants.mjs';
import { LivePhone } from './live-phone.mjs';
import { connect, createSession, join, sync } from './phone.mjs';
import { freePort } from './ports.mjs';
import { Proxy } from './proxy.mjs';
import { pool, sleep, summarize } from './stats.mjs';

/** Polls `test` every 20 ms; throws naming `what` if it is still false after `timeoutMs`. */
export async function waitUntil(test, timeoutMs, what) {
	for (const until = Date.now() + timeoutMs; Date.now() < until; await sleep(20)) if (test()) return;
	if (!test()) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
}

/** `count` phones joined over HTTP, connected (phone i through `via(i)` if given) and synced. */
export async function joinPhones(server, code, count, via = () => server.url) {
	const joined = await pool(Array.from({ length: count }, (_, i) => i), 16, (i) => join(server.url, code, i));
	const phones = joined.map(({ token }, i) => Object.assign(new LivePhone(via(i), { code, role: 'participant', token }), { token }));
	await waitUntil(() => phones.every((p) => p.firstSnapshotSeq !== null), 60_000, `${count} phones to sync`);
	return phones;
}

/** The server's own view of a session, through a presenter's snapshot: `{ seq, items: Map(id → text) }`. */
export async function serverView(server, code) {
	const socket = await connect(server.url, { code, role: 'presenter' });
	try {
		const result = await sync(socket, 0);
		return { seq: result.seq, items: new Map(result.snapshot.items.map((item) => [item.id, item.text])) };
	} finally {
		socket.close();
	}
}

/** Why each diverged phone differs, for the failure message. */
function describeDiverged(phones, view) {
	return diverged(phones, view)
		.slice(0, 5)
		.map((p) => `phone ${phones.indexOf(p)} at seq ${p.seq} of ${view.seq}, ${p.items.size} of ${view.items.size} items, ${p.connects} connects, ${p.snapshots} snapshots, ${p.outbox.length} unsent`)
		.join('; ');
}

/** Phones whose board and seq are not the server's. */
function diverged(phones, view) {
	return phones.filter((p) => p.seq !== view.seq || p.items.size !== view.items.size || [...view.items].some(([id, text]) => p.items.get(id) !== text));
}

const dbPath = (server) => server.databasePath;
const closeAll = (phones) => phones.forEach((p) => p.close());

/**
 * SIGKILL while `phones` phones each post `posts` items, once `killAt` of them are acknowledged;
 * then restart. Every acknowledged item must exist exactly once, every queued one must arrive
 * (retried with its id), and every phone must end with the server's board.
 */
export async function crashScenario({ server, phones: count = 200, posts = 10, killAt = 0.25, log = () => {} }) {
	const session = await createSession(server.url, { title: 'Torture: SIGKILL di tengah ledakan' });
	log(`crash: ${count} phones joining`);
	const phones = await joinPhones(server, session.code, count);
	const failures = [];
	try {
		const total = count * posts;
		phones.forEach((phone, p) => {
			for (let k = 0; k < posts; k++) phone.post({ type: 'item.add', kind: 'kendala', text: `ledakan ${p}:${k}` });
		});
		const acked = () => phones.reduce((n, p) => n + p.acked.size, 0);
		await waitUntil(() => acked() >= killAt * total, 60_000, 'the first acknowledgements');
		const ackedBeforeKill = acked();
		const inFlight = new Set(phones.flatMap((p) => (p.outbox[0]?.sends ? [p.outbox[0].id] : [])));
		await server.stop('SIGKILL');
		const committedAtKill = storedSeq(dbPath(server), session.code);
		log(`crash: SIGKILL with ${ackedBeforeKill} of ${total} acknowledged, ${committedAtKill} records committed`);
		await sleep(300);
		await server.start();
		await waitUntil(() => phones.every((p) => p.outbox.length === 0), 120_000, 'every outbox to empty after the restart');
		const view = await serverView(server, session.code);
		await waitUntil(() => diverged(phones, view).length === 0, 30_000, 'every phone to converge').catch((e) => failures.push(e.message));

		const stored = storedItems(dbPath(server), session.code);
		const byId = new Map(stored.map((item) => [item.id, item.text]));
		const texts = stored.map((item) => item.text);
		const duplicates = texts.length - new Set(texts).size;
		let lostAcked = 0;
		for (const phone of phones) for (const result of phone.acked.values()) if (!byId.has(result.itemId)) lostAcked++;
		const missing = total - new Set(texts).size;
		const refused = phones.reduce((n, p) => n + p.refused.length, 0);
		const differing = diverged(phones, view).length;
		if (duplicates) failures.push(`${duplicates} duplicated items`);
		if (lostAcked) failures.push(`${lostAcked} acknowledged items missing`);
		if (missing) failures.push(`${missing} posted items never stored`);
		if (refused) failures.push(`${refused} commands refused`);
		if (differing) failures.push(`${differing} phones differ from the server: ${describeDiverged(phones, view)}`);
		// Commands in flight at the kill that had committed: their retry must be answered from memory.
		let retriesAlreadyDone = 0;
		for (const phone of phones) for (const [id, result] of phone.acked) if (inFlight.has(id) && result.seq <= committedAtKill) retriesAlreadyDone++;
		return {
			phones: count,
			posted: total,
			ackedBeforeKill,
			inFlightAtKill: inFlight.size,
			retriesAlreadyDone,
			acknowledged: acked(),
			stored: stored.length,
			retriedCommands: phones.reduce((n, p) => n + p.resent, 0),
			lost: lostAcked + missing,
			duplicated: duplicates,
			converged: count - differing,
			failures
		};
	} finally {
		closeAll(phones);
	}
}

/**
 * `blocked` of `count` phones lose their network for `blockSeconds` (black-holed by a proxy,
 * never closed) while others keep posting. On return they must receive every missed record,
 * one seq after another, with no snapshot papering over a gap, and their own posts exactly once.
 */
export async function blockScenario({ server, phones: count = 200, blocked = 20, blockSeconds = 30, writers = 20, log = () => {} }) {
	const proxy = new Proxy({ port: await freePort(), target: server.port });
	await proxy.listen();
	const session = await createSession(server.url, { title: 'Torture: jaringan putus' });
	log(`block: ${count} phones joining, ${blocked} behind the proxy`);
	const phones = await joinPhones(server, session.code, count, (i) => (i < blocked ? proxy.url : server.url));
	const failures = [];
	try {
		const cut = phones.slice(0, blocked);
		const others = phones.slice(blocked);
		const seqAtBlock = cut.map((p) => p.seq);
		proxy.block();
		log(`block: ${blocked} phones cut off for ${blockSeconds} s`);
		cut.forEach((phone, i) => phone.post({ type: 'item.add', kind: 'peluang', text: `ditulis tanpa sinyal ${i}` }));
		let round = 0;
		for (const until = Date.now() + blockSeconds * 1000; Date.now() < until; round++) {
			others.slice(0, writers).forEach((phone, w) => phone.post({ type: 'item.add', kind: 'kendala', text: `selama putus ${round}:${w}` }));
			await sleep(Math.min(2000, Math.max(0, until - Date.now())));
		}
		proxy.unblock();
		log('block: back online');
		await waitUntil(() => phones.every((p) => p.outbox.length === 0), 90_000, 'every outbox to empty after the block');
		const view = await serverView(server, session.code);
		await waitUntil(() => diverged(phones, view).length === 0, 60_000, 'every phone to converge').catch((e) => failures.push(e.message));

		let gaps = 0;
		let extraSnapshots = 0;
		for (const phone of cut) {
			const from = phone.firstSnapshotSeq;
			if (phone.applied.some((seq, i) => seq !== from + i + 1) || from + phone.applied.length !== phone.seq) gaps++;
			if (phone.snapshots > 1) extraSnapshots++;
		}
		const texts = storedItems(dbPath(server), session.code).map((item) => item.text);
		const own = cut.map((_, i) => texts.filter((t) => t === `ditulis tanpa sinyal ${i}`).length);
		const duplicates = texts.length - new Set(texts).size;
		const differing = diverged(phones, view).length;
		if (gaps) failures.push(`${gaps} phones applied records with a gap in seq`);
		if (extraSnapshots) failures.push(`${extraSnapshots} phones needed a snapshot to catch up`);
		if (own.some((n) => n !== 1)) failures.push(`own posts from the blocked phones stored ${own.join(',')} times`);
		if (duplicates) failures.push(`${duplicates} duplicated items`);
		if (differing) failures.push(`${differing} phones differ from the server: ${describeDiverged(phones, view)}`);
		return {
			phones: count,
			blocked,
			blockSeconds,
			missedPerPhone: summarize(cut.map((p, i) => view.seq - seqAtBlock[i])).p50,
			reconnected: cut.filter((p) => p.connects > 1).length,
			seqGaps: gaps,
			lost: own.filter((n) => n === 0).length,
			duplicated: duplicates + own.filter((n) => n > 1).length,
			converged: count - differing,
			failures
		};
	} finally {
		closeAll(phones);
		await proxy.close();
	}
}

/**
 * One phone posts at 10/s to `count` phones, in rounds that alternate between no slow phones
 * and `slow` phones on a throttled link; the others' latency must not suffer, and the slow
 * phones must still end with the full board once their link recovers.
 */
export async function slowScenario({ server, phones: count = 100, slow = 5, posts = 50, rounds = 6, bytesPerSecond = 1000, delayMs = 500, log = () => {} }) {
	const proxy = new Proxy({ port: await freePort(), target: server.port });
	await proxy.listen();
	const session = await createSession(server.url, { title: 'Torture: HP lambat' });
	log(`slow: ${count} phones and ${slow} slow ones joining`);
	const phones = await joinPhones(server, session.code, count);
	const slowTokens = (await pool(Array.from({ length: slow }, (_, i) => count + i), 8, (i) => join(server.url, session.code, i))).map((j) => j.token);
	let slowPhones = [];
	const failures = [];
	const latencies = { without: [], with: [] };
	/** Each measured round's p95: the verdict uses their medians, so one noisy round cannot decide it. */
	const p95s = { without: [], with: [] };
	let lost = 0;
	try {
		const [sender, ...receivers] = phones;
		// Round -1 warms up (JIT, caches) and is not counted.
		for (let round = -1; round < rounds; round++) {
			const withSlow = round % 2 !== 0 && round >= 0;
			if (withSlow) {
				proxy.throttle(null);
				slowPhones = slowTokens.map((token) => new LivePhone(proxy.url, { code: session.code, role: 'participant', token }));
				await waitUntil(() => slowPhones.every((p) => p.firstSnapshotSeq !== null), 30_000, 'the slow phones to sync');
				proxy.throttle({ bytesPerSecond, delayMs });
			}
			const tag = `lambat${round}:`;
			const sentAt = new Map();
			let received = 0;
			const bucket = round < 0 ? [] : withSlow ? latencies.with : latencies.without;
			const mark = bucket.length;
			for (const phone of receivers)
				phone.onRecord = (_, record) => {
					const text = record.event.item?.text;
					if (!text?.startsWith(tag)) return;
					received++;
					bucket.push(performance.now() - sentAt.get(text));
				};
			const start = performance.now();
			for (let n = 0; n < posts; n++) {
				await sleep(Math.max(0, start + n * 100 - performance.now()));
				const text = `${tag}${n}`;
				sentAt.set(text, performance.now());
				sender.post({ type: 'item.add', kind: 'rekomendasi', text });
			}
			await waitUntil(() => received >= posts * receivers.length, 20_000, 'every phone to receive the round').catch(() => undefined);
			lost += posts * receivers.length - received;
			const p95 = summarize(bucket.slice(mark)).p95;
			if (round >= 0) p95s[withSlow ? 'with' : 'without'].push(p95);
			const behind = withSlow ? `, slow phones at seq ${Math.round(slowPhones.reduce((n, p) => n + p.seq, 0) / slow)} of ${sender.seq}` : '';
			log(`slow: round ${round} ${withSlow ? 'with' : 'without'} slow phones, others' p95 ${round1(p95 ?? 0)} ms${behind}`);
			if (withSlow) {
				proxy.throttle(null);
				const view = await serverView(server, session.code);
				await waitUntil(() => diverged(slowPhones, view).length === 0, 60_000, 'the slow phones to catch up').catch((e) => failures.push(e.message));
				closeAll(slowPhones);
				slowPhones = [];
			}
		}
		const without = summarize(p95s.without).p50;
		const withSlowPhones = summarize(p95s.with).p50;
		if (lost) failures.push(`${lost} deliveries to the other phones lost`);
		if (withSlowPhones > without * 1.5 + 5) failures.push(`median round p95 ${withSlowPhones.toFixed(1)} ms with slow phones vs ${without.toFixed(1)} ms without`);
		return {
			phones: count,
			slow,
			p95WithoutMs: round1(without),
			p95WithMs: round1(withSlowPhones),
			pooledP95WithoutMs: round1(summarize(latencies.without).p95),
			pooledP95WithMs: round1(summarize(latencies.with).p95),
			lost,
			failures
		};
	} finally {
		closeAll(phones);
		closeAll(slowPhones);
		await proxy.close();
	}
}

const round1 = (n) => Math.round(n * 10) / 10;

/** The fuzzer against one participant's connection and the HTTP API; stored items must be exactly the accepted ones. */
export async function fuzzScenario({ server, cases = 5000, httpCases = 1500, seed = 20261128, log = () => {} }) {
	const session = await createSession(server.url, { title: 'Torture: fuzz' });
	const { token } = await join(server.url, session.code, 0);
	const healthy = async () => {
		try {
			return server.running && (await fetch(`${server.url}/healthz`, { signal: AbortSignal.timeout(5000) })).ok;
		} catch {
			return false;
		}
	};
	log(`fuzz: ${cases} socket cases, seed ${seed}`);
	const sockets = await fuzzSockets({ port: server.port, auth: { code: session.code, role: 'participant', token }, cases, seed, healthy });
	log(`fuzz: ${httpCases} HTTP cases`);
	const http = await fuzzHttp({ base: server.url, port: server.port, code: session.code, cases: httpCases, seed, healthy });
	const failures = [...sockets.violations, ...http.violations];
	const expected = sockets.stored.map((t) => t.normalize('NFC').trim());
	const stored = storedItems(dbPath(server), session.code).map((item) => item.text);
	const wrong = stored.length !== expected.length || stored.some((t, i) => t !== expected[i]);
	if (wrong) failures.push(`stored items differ from the accepted ones (${stored.length} stored, ${expected.length} accepted)`);
	const alive = await healthy();
	if (!alive) failures.push('the server is down after fuzzing');
	return {
		socketCases: sockets.cases,
		refused: sockets.refused,
		refusedBy: sockets.refusedBy,
		ignoredOrDropped: sockets.ignored + sockets.dropped,
		acceptedOdd: sockets.accepted,
		httpCases: http.cases,
		httpByStatus: http.byStatus,
		storedWrong: wrong ? 1 : 0,
		crashes: alive ? 0 : 1,
		failures
	};
}

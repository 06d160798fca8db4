// The load process: N simulated phones in one Node process of their own, away from the server
// under test, driven over IPC by run.mjs. Phones join through the real join flow (HTTP, then
// socket.io auth and sync) or, against the bare relay, just connect.
import { connect, command, join, sync } from './phone.mjs';
import { pool, sleep } from './stats.mjs';

/** The client's wait for an overtaken record before it asks for a sync (GAP_GRACE in src/lib/realtime/contract.ts). */
const GAP_GRACE = 300;

/**
 * One phone: its socket and what it has seen of the session's `seq`. Records may come out of
 * order in a cluster (two nodes commit for the session, each publishes its own): one that skips
 * ahead is held until the gap fills. Every such gap is an overtaking; one still open after
 * GAP_GRACE is a gap the real client would close by `sync`.
 */
class Phone {
	lastSeq = 0;
	duplicated = 0;
	overtaken = 0;
	gapSyncs = 0;
	received = 0;
	/** Seqs seen past a gap, waiting for it to fill. */
	ahead = new Set();
	constructor(socket, session) {
		this.socket = socket;
		/** Which of the run's sessions (0 … S − 1) it joined. */
		this.session = session;
		socket.on('record', (record) => this.#receive(record));
	}

	#receive(record) {
		this.received++;
		if (record.seq <= this.lastSeq || this.ahead.has(record.seq)) this.duplicated++;
		else if (record.seq === this.lastSeq + 1) {
			this.lastSeq = record.seq;
			while (this.ahead.delete(this.lastSeq + 1)) this.lastSeq++;
		} else {
			if (this.ahead.size === 0) this.#openGap(this.lastSeq);
			this.ahead.add(record.seq);
		}
		if (probe) probe(this, record);
	}

	#openGap(before) {
		this.overtaken++;
		setTimeout(() => {
			if (this.lastSeq <= before) this.gapSyncs++;
		}, GAP_GRACE).unref();
	}
}

let phones = [];
/** The fan-out phase's receive hook, or null between phases. */
let probe = null;

const filler = ' Akses modal usaha sulit tanpa agunan; pelatihan pemasaran digital belum menjangkau desa.';

const handlers = {
	/**
	 * Joins (Rembuk) and connects every phone, phone i to session i mod S of `codes` (for the relay,
	 * rooms of those names); returns how long that took.
	 */
	async setup({ url, codes, clients, target }) {
		const started = performance.now();
		const sessionOf = (i) => i % codes.length;
		let auths;
		if (target === 'rembuk') {
			const joined = await pool(
				Array.from({ length: clients }, (_, i) => i),
				16,
				(i) => join(url, codes[sessionOf(i)], i)
			);
			auths = joined.map(({ token }, i) => ({ code: codes[sessionOf(i)], role: 'participant', token }));
		} else auths = Array.from({ length: clients }, (_, i) => ({ code: codes[sessionOf(i)] }));
		const joinedAt = performance.now();
		phones = await pool(auths, 32, async (auth, i) => {
			const socket = await connect(url, auth);
			const phone = new Phone(socket, sessionOf(i));
			const result = await sync(socket, 0);
			if (!result.ok) throw new Error(`sync refused: ${JSON.stringify(result.error)}`);
			phone.lastSeq = result.seq;
			return phone;
		});
		return { joinMs: joinedAt - started, connectMs: performance.now() - joinedAt };
	},

	/**
	 * `posts` items at `rate` per second, post n from the first phone of session n mod S; every
	 * other phone of that session times its arrival.
	 */
	async fanout({ posts, rate, tag }) {
		const sessions = Math.max(...phones.map((p) => p.session)) + 1;
		const senders = Array.from({ length: sessions }, (_, s) => phones.find((p) => p.session === s));
		const receivers = phones.filter((p) => !senders.includes(p));
		const prefix = `${tag}:`;
		const sentAt = new Float64Array(posts);
		const seen = receivers.map(() => new Uint8Array(posts));
		const index = new Map(receivers.map((phone, i) => [phone, i]));
		const receiversOf = Array.from({ length: sessions }, (_, s) => receivers.filter((p) => p.session === s).length);
		const latencies = [];
		let duplicated = 0;
		probe = (phone, record) => {
			const text = record.event?.item?.text;
			const r = index.get(phone);
			if (r === undefined || typeof text !== 'string' || !text.startsWith(prefix)) return;
			const n = Number.parseInt(text.slice(prefix.length), 10);
			if (seen[r][n]) return void duplicated++;
			seen[r][n] = 1;
			latencies.push(performance.now() - sentAt[n]);
		};
		const cpu = process.cpuUsage();
		let acked = 0;
		let refused = 0;
		const finalSeq = new Map();
		const acks = [];
		let expected = 0;
		const start = performance.now();
		for (let n = 0; n < posts; n++) {
			const due = start + (n * 1000) / rate;
			const wait = due - performance.now();
			if (wait > 0) await sleep(wait);
			const sender = senders[n % sessions];
			expected += receiversOf[n % sessions];
			sentAt[n] = performance.now();
			acks.push(
				command(sender.socket, { type: 'item.add', kind: 'kendala', text: `${prefix}${n}${filler}` })
					.then((ack) => (ack.ok ? (acked++, reached(finalSeq, sender.session, ack.seq)) : refused++))
					.catch(() => refused++)
			);
		}
		await Promise.all(acks);
		await settle(finalSeq);
		probe = null;
		const lost = expected - latencies.length;
		const wallMs = performance.now() - start;
		return { latencies, lost, duplicated, acked, refused, wallMs, loadCpuMs: cpuMs(cpu), ...seqHealth(finalSeq) };
	},

	/** `writers` phones post back to back (one command in flight each, as a phone's outbox does) for `seconds`. */
	async writes({ writers, seconds, tag }) {
		const cpu = process.cpuUsage();
		const start = performance.now();
		const end = start + seconds * 1000;
		let acked = 0;
		let refused = 0;
		const finalSeq = new Map();
		await Promise.all(
			phones.slice(0, writers).map(async (phone, w) => {
				for (let k = 0; performance.now() < end; k++) {
					try {
						const ack = await command(phone.socket, { type: 'item.add', kind: 'peluang', text: `${tag}:${w}:${k}${filler}` });
						if (!ack.ok) refused++;
						else if (performance.now() <= end) acked++;
						if (ack.ok) reached(finalSeq, phone.session, ack.seq);
					} catch {
						refused++;
					}
				}
			})
		);
		const elapsed = Math.min(performance.now(), end) - start;
		await settle(finalSeq);
		const wallMs = performance.now() - start;
		return { elapsedMs: elapsed, acked, refused, wallMs, loadCpuMs: cpuMs(cpu), ...seqHealth(finalSeq) };
	},

	async close() {
		for (const phone of phones) phone.socket.close();
		phones = [];
		return {};
	}
};

const cpuMs = (since) => {
	const { user, system } = process.cpuUsage(since);
	return (user + system) / 1000;
};

/** Notes that `session`'s log reached `seq` (an acknowledged command's). */
const reached = (finalSeq, session, seq) => finalSeq.set(session, Math.max(finalSeq.get(session) ?? 0, seq));

/** Waits (at most 15 s) until every phone has seen its session's last acknowledged seq. */
async function settle(finalSeq) {
	const deadline = performance.now() + 15_000;
	while (performance.now() < deadline && phones.some((p) => p.lastSeq < (finalSeq.get(p.session) ?? 0))) await sleep(20);
}

/**
 * Deliveries missing or repeated by `seq` over every phone since the last call (a phase), the
 * records that overtook another, the gaps a phone would have closed by `sync`, and the records
 * delivered. A record never delivered leaves its phone short of `finalSeq`; the next phase starts
 * past it.
 */
function seqHealth(finalSeq) {
	let missing = 0;
	let duplicated = 0;
	let gapSyncs = 0;
	let overtaken = 0;
	let deliveries = 0;
	for (const phone of phones) {
		const final = finalSeq.get(phone.session) ?? 0;
		missing += Math.max(0, final - phone.lastSeq - [...phone.ahead].filter((seq) => seq <= final).length);
		duplicated += phone.duplicated;
		gapSyncs += phone.gapSyncs;
		overtaken += phone.overtaken;
		deliveries += phone.received;
		phone.lastSeq = Math.max(final, phone.lastSeq, ...phone.ahead);
		phone.ahead.clear();
		phone.gapSyncs = phone.overtaken = phone.duplicated = phone.received = 0;
	}
	return { seqMissing: missing, seqDuplicated: duplicated, gapSyncs, overtaken, deliveries };
}

process.on('message', async ({ id, type, ...args }) => {
	try {
		process.send({ id, ok: true, result: await handlers[type](args) });
	} catch (error) {
		process.send({ id, ok: false, error: error?.stack ?? String(error) });
	}
});
process.on('disconnect', () => process.exit(0));

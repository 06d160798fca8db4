// A simulated phone that follows the client rules of docs/protocol.md, like the real one
// (src/lib/client/live.svelte.ts): sync on every (re)connect, apply records in seq order, sync on
// a gap, and an outbox that resends every unacknowledged command with the same id. Two things it
// does more carefully than live.svelte.ts today: records arriving during a sync are held, not
// dropped, and a sync left unanswered on a live connection is asked again. It keeps what the
// torture script checks: its view of the board, every seq it applied, and every ack.
import { io } from 'socket.io-client';
import { newCommandId } from './phone.mjs';

const ACK_TIMEOUT = 5000;

export class LivePhone {
	/** itemId → text: this phone's view of the board. */
	items = new Map();
	seq = 0;
	/** Every seq applied one by one after the first snapshot, to prove there was no gap. */
	applied = [];
	/** The seq of the first snapshot; later snapshots would hide gaps, so they are counted. */
	firstSnapshotSeq = null;
	snapshots = 0;
	/** Records that arrived with a seq already applied (ignored, as the rules say). */
	repeatedRecords = 0;
	connects = 0;
	/** Commands not yet acknowledged, oldest first: `{ id, command, sends }`. */
	outbox = [];
	/** Command id → its successful result. */
	acked = new Map();
	resent = 0;
	/** Commands answered with a final refusal: `{ id, command, error }`. */
	refused = [];
	/** Called with (phone, record) for each record as it arrives; for latency probes. */
	onRecord = null;
	#socket;
	/** Records that arrived while a sync was in flight, judged once it is answered. */
	#held = [];
	#syncing = false;
	#draining = false;
	#closed = false;

	/** @param {string} url where to connect (the server, or a proxy in front of it) */
	constructor(url, auth) {
		this.#socket = io(url, {
			path: '/socket.io',
			auth,
			transports: ['websocket'],
			forceNew: true,
			reconnectionDelay: 300,
			reconnectionDelayMax: 2000,
			timeout: 5000
		});
		this.#socket.on('connect', () => (this.connects++, void this.#sync()));
		this.#socket.on('record', (record) => this.#receive(record));
	}

	get connected() {
		return this.#socket.connected;
	}

	/** True once the phone has synced at least once and has nothing left to send. */
	get settled() {
		return this.firstSnapshotSeq !== null && this.outbox.length === 0;
	}

	post(command) {
		const entry = { id: newCommandId(), command, sends: 0 };
		this.outbox.push(entry);
		void this.#drain();
		return entry;
	}

	close() {
		this.#closed = true;
		this.#socket.close();
	}

	#receive(record) {
		this.onRecord?.(this, record);
		this.#judge(record);
	}

	/**
	 * The protocol's rule for a record. While a sync is in flight the record is held, not dropped:
	 * in Node (and on the polling transport) a record can be dispatched in the same tick as the
	 * sync's answer, before that answer is applied, and dropping it would leave this phone one
	 * record behind until the next one arrives.
	 */
	#judge(record) {
		if (this.#syncing) return void this.#held.push(record);
		if (this.firstSnapshotSeq === null) return;
		if (record.seq <= this.seq) return void this.repeatedRecords++;
		if (record.seq > this.seq + 1) return void this.#sync();
		this.#apply(record);
	}

	#apply(record) {
		const { event } = record;
		if (event.type === 'item.added') this.items.set(event.item.id, event.item.text);
		else if (event.type === 'item.edited') this.items.set(event.itemId, event.text);
		else if (event.type === 'item.deleted') this.items.delete(event.itemId);
		this.seq = record.seq;
		this.applied.push(record.seq);
	}

	async #sync() {
		if (this.#syncing || this.#closed) return;
		this.#syncing = true;
		let again = false;
		let unanswered = false;
		try {
			const result = await this.#socket.timeout(ACK_TIMEOUT).emitWithAck('sync', { lastSeq: this.seq });
			if (result.ok && result.mode === 'snapshot') {
				this.items = new Map(result.snapshot.items.map((item) => [item.id, item.text]));
				this.seq = result.snapshot.seq;
				this.snapshots++;
				this.firstSnapshotSeq ??= this.seq;
			} else if (result.ok) {
				for (const record of result.records) if (record.seq === this.seq + 1) this.#apply(record);
				again = this.seq < result.seq;
			}
		} catch {
			unanswered = true;
		} finally {
			this.#syncing = false;
		}
		if (again) return void this.#sync();
		// No answer while still connected (a busy server): ask again rather than wait for a record
		// that may never come. Over a dead link the next connect syncs anyway.
		if (unanswered && this.#socket.connected) return void setTimeout(() => void this.#sync(), 500);
		for (const record of this.#held.splice(0)) this.#judge(record);
		void this.#drain();
	}

	/** One command in flight at a time, in order; kept (same id) until a final answer comes. */
	async #drain() {
		if (this.#draining || this.#syncing || this.#closed || !this.#socket.connected) return;
		this.#draining = true;
		try {
			while (this.outbox.length && this.#socket.connected && !this.#closed) {
				const entry = this.outbox[0];
				if (entry.sends++ > 0) this.resent++;
				let result;
				try {
					result = await this.#socket.timeout(ACK_TIMEOUT).emitWithAck('command', { id: entry.id, command: entry.command });
				} catch {
					break; // no answer: the connection is probably gone; the next connect drains again
				}
				if (result.ok) this.acked.set(entry.id, result);
				else if (['rate_limited', 'internal'].includes(result.error.code)) {
					await new Promise((resolve) => setTimeout(resolve, 500));
					continue;
				} else this.refused.push({ id: entry.id, command: entry.command, error: result.error });
				this.outbox.shift();
			}
		} finally {
			this.#draining = false;
		}
		if (this.outbox.length && !this.#closed) setTimeout(() => void this.#drain(), 1000);
	}
}

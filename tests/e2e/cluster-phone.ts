/**
 * A phone as the cluster specs need it, outside a browser but by the client's rules
 * (src/lib/client/live.svelte.ts, outbox.svelte.ts): it keeps the load balancer's cookie as a
 * browser would (got with the page, here /healthz), applies records in seq order and asks `sync`
 * on a gap still open after GAP_GRACE, sends its outbox one command at a time with ids that never change, and after losing
 * its node comes back through the load balancer.
 */
import { randomUUID } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import { GAP_GRACE, type CommandResult, type SessionRecord, type SocketAuth, type SyncResult } from '../../src/lib/realtime/contract';

type Transport = 'websocket' | 'polling';
interface Entry {
	id: string;
	text: string;
}

export class ClusterPhone {
	/** The node the load balancer's cookie names now. */
	node = '';
	nodesSeen = new Set<string>();
	cookie = '';
	lastSeq = 0;
	/** Item id → text, as this phone's board shows them. */
	items = new Map<string, string>();
	outbox: Entry[] = [];
	/** Command id → the item it made, for every acknowledged post. */
	acked = new Map<string, { itemId: string; text: string }>();
	/** Syncs asked because a record skipped a seq and the missing one had not come within GAP_GRACE. */
	gapSyncs = 0;
	/** `internal` answers (nothing saved: resent with the same id, as the phone does). */
	internal = 0;
	reconnects = 0;
	/** Posts the server refused for good (none expected). */
	refused: string[] = [];
	socket: Socket | null = null;
	#closed = false;
	#draining = false;
	#syncing = false;
	/** Records that came during a sync or behind a gap, applied once it is filled. */
	#held: SessionRecord[] = [];
	#gapTimer: ReturnType<typeof setTimeout> | null = null;

	constructor(
		readonly base: string,
		readonly auth: SocketAuth,
		readonly transports: Transport[]
	) {}

	get online() {
		return this.socket?.connected === true;
	}

	/** Loads "the page": the load balancer answers with its cookie, the node with its name. */
	async #visit(): Promise<void> {
		const response = await fetch(`${this.base}/healthz`, { headers: this.cookie ? { cookie: this.cookie } : {}, signal: AbortSignal.timeout(5000) });
		if (!response.ok) throw new Error(`healthz answered ${response.status}`);
		const set = response.headers.get('set-cookie');
		if (set) this.cookie = set.split(';')[0];
		this.node = ((await response.json()) as { node: string }).node;
		this.nodesSeen.add(this.node);
	}

	async open(): Promise<void> {
		await this.#visit();
		const socket = io(this.base, {
			path: '/socket.io',
			auth: this.auth,
			transports: this.transports,
			extraHeaders: { cookie: this.cookie },
			forceNew: true,
			reconnection: false
		});
		this.socket = socket;
		socket.on('record', (record: SessionRecord) => this.#record(record));
		socket.on('connect', () => void this.#sync().then(() => this.#drain()));
		socket.on('disconnect', () => this.#comeBack(socket));
		socket.on('connect_error', () => this.#comeBack(socket));
		await new Promise<void>((resolve, reject) => {
			socket.once('connect', resolve);
			socket.once('connect_error', reject);
		});
	}

	/** After losing its node: the page's next request goes through the load balancer again. */
	#comeBack(socket: Socket) {
		if (this.#closed || socket !== this.socket) return;
		this.socket = null;
		socket.removeAllListeners();
		socket.close();
		this.reconnects++;
		const again = async () => {
			while (!this.#closed) {
				try {
					await this.open();
					return;
				} catch {
					await new Promise((r) => setTimeout(r, 300));
				}
			}
		};
		setTimeout(again, 200);
	}

	post(text: string) {
		this.outbox.push({ id: randomUUID(), text });
		void this.#drain();
	}

	close() {
		this.#closed = true;
		if (this.#gapTimer) clearTimeout(this.#gapTimer);
		this.socket?.close();
	}

	#record(record: SessionRecord) {
		if (this.#syncing) return void this.#held.push(record);
		if (record.seq <= this.lastSeq) return;
		if (record.seq > this.lastSeq + 1) return this.#waitForGap(record);
		this.#apply([record]);
		this.#releaseHeld();
	}

	/** As the client does: holds the record that skipped ahead, and syncs if the gap is still open later. */
	#waitForGap(record: SessionRecord) {
		this.#held.push(record);
		this.#gapTimer ??= setTimeout(() => {
			this.#gapTimer = null;
			this.gapSyncs++;
			void this.#sync();
		}, GAP_GRACE);
	}

	#releaseHeld() {
		if (this.#held.length === 0) return;
		if (this.#gapTimer) clearTimeout(this.#gapTimer);
		this.#gapTimer = null;
		const held = this.#held.splice(0).sort((x, y) => x.seq - y.seq);
		for (const record of held) this.#record(record);
	}

	#apply(records: SessionRecord[]) {
		for (const record of records) {
			if (record.seq !== this.lastSeq + 1) continue;
			this.lastSeq = record.seq;
			if (record.event.type === 'item.added') this.items.set(record.event.item.id, record.event.item.text);
		}
	}

	async #sync(): Promise<void> {
		const socket = this.socket;
		if (!socket || this.#syncing) return;
		this.#syncing = true;
		if (this.#gapTimer) clearTimeout(this.#gapTimer);
		this.#gapTimer = null;
		try {
			for (;;) {
				const result: SyncResult = await socket.timeout(5000).emitWithAck('sync', { lastSeq: this.lastSeq });
				if (!result.ok) throw new Error(result.error.code);
				if (result.mode === 'snapshot') {
					this.items = new Map(result.snapshot.items.map((item) => [item.id, item.text]));
					this.lastSeq = result.seq;
				} else this.#apply(result.records);
				if (this.lastSeq >= result.seq) break;
			}
		} catch {
			// No answer (the node died meanwhile): asked again on the next connect.
		} finally {
			this.#syncing = false;
		}
		this.#releaseHeld();
	}

	async #drain(): Promise<void> {
		if (this.#draining) return;
		this.#draining = true;
		try {
			while (this.outbox.length && this.socket?.connected) {
				const entry = this.outbox[0];
				let result: CommandResult;
				try {
					result = await this.socket
						.timeout(5000)
						.emitWithAck('command', { id: entry.id, command: { type: 'item.add', kind: 'kendala', text: entry.text } });
				} catch {
					break; // no answer: kept, same id, sent again after the reconnect
				}
				if (result.ok) {
					this.acked.set(entry.id, { itemId: result.itemId!, text: entry.text });
					this.outbox.shift();
				} else if (result.error.code === 'internal' || result.error.code === 'rate_limited') {
					if (result.error.code === 'internal') this.internal++;
					await new Promise((r) => setTimeout(r, 200));
				} else {
					this.refused.push(`${entry.text}: ${result.error.code}`);
					this.outbox.shift();
				}
			}
		} finally {
			this.#draining = false;
		}
	}
}

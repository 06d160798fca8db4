/**
 * One live connection to a session, for any role: keeps the board in step with the server's
 * log by `seq`, asks for what it missed after every (re)connect, and drains the outbox.
 */
import { nanoid } from 'nanoid';
import { io, type Socket } from 'socket.io-client';
import { applyEvent, needsSnapshot, type Board } from '../board';
import {
	GAP_GRACE,
	type ClientToServerEvents,
	type Command,
	type CommandResult,
	type ErrorCode,
	type ServerToClientEvents,
	type SessionRecord,
	type SocketAuth,
	type SyncResult
} from '../realtime/contract';
import { keepLastBoard, loadLastBoard } from './last-board';
import { Outbox } from './outbox.svelte';

type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
export type ConnectionState = 'connecting' | 'online' | 'offline';

const ACK_TIMEOUT = 10_000;
const RESYNC_DELAY = 2_000;

export class LiveSession {
	board = $state<Board | null>(null);
	connection = $state<ConnectionState>('connecting');
	/** Set when the server refuses this connection for good (bad key, unknown token or code). */
	refused = $state<ErrorCode | null>(null);
	online = $state(0);
	/** A participant's phone: the facilitator's reason, once they removed this participant. */
	removedReason = $state<string | null>(null);
	ownItemIds = $state<string[]>([]);
	/** Item ids acknowledged during this visit, to show "saved" beside them. */
	justSaved = $state<string[]>([]);
	/** Server clock minus this device's clock, so countdowns agree across screens. */
	clockOffset = $state(0);
	/** Ticks every second while a view shows a countdown (see `now`). */
	#tick = $state(Date.now());
	#ticker: ReturnType<typeof setInterval> | null = null;
	readonly outbox: Outbox;
	#socket: LiveSocket;
	#seq = 0;
	#syncing = false;
	#held: SessionRecord[] = [];
	/** Set while a gap waits for its record (GAP_GRACE). */
	#gapTimer: ReturnType<typeof setTimeout> | null = null;
	/**
	 * Commands acknowledged before their record reached this board. The ack comes first, so for a
	 * moment the board does not show what was saved; a tap in that moment must still count it.
	 */
	#acked = $state<{ seq: number; command: Command }[]>([]);
	#draining = false;
	#participant: boolean;
	#kept: ReturnType<typeof keepLastBoard> | null = null;

	/** `lastBoardKey`: keep the board in localStorage, to show it after a reload without a network. */
	constructor(auth: SocketAuth, outboxKey: string, lastBoardKey?: string) {
		this.#participant = auth.role === 'participant';
		this.outbox = new Outbox(outboxKey);
		if (lastBoardKey) this.#keepBoard(lastBoardKey);
		// WebSocket first; where a network refuses it, HTTP long-polling (tryAllTransports: without it
		// engine.io-client retries the WebSocket for ever and never falls back). withCredentials: the
		// fetch() long-polling otherwise omits cookies, among them the load balancer's that keeps every
		// poll on the node holding this connection (docs/cluster.md); same origin, so nothing else changes.
		this.#socket = io({ path: '/socket.io', auth, transports: ['websocket', 'polling'], tryAllTransports: true, withCredentials: true });
		this.#socket.on('connect', () => this.#sync());
		this.#socket.on('disconnect', (reason) => {
			this.connection = 'offline';
			// The server closed this socket on purpose (a removed phone): ask once more, to hear why.
			if (reason === 'io server disconnect') this.#socket.connect();
		});
		this.#socket.on('connect_error', (error) => this.#refusedOrOffline(error.message));
		this.#socket.on('record', (record) => this.#receive(record));
		this.#socket.on('presence', ({ online }) => (this.online = online));
		// A phone that loses its network often keeps a half-dead socket; drop it at once.
		addEventListener('offline', this.#goOffline);
		addEventListener('online', this.#goOnline);
	}

	/** Starts from the board last kept (its seq too, so the sync asks only for what came after). */
	#keepBoard(key: string) {
		const last = loadLastBoard(key);
		if (last) {
			this.board = last.board;
			this.#seq = last.seq;
			this.ownItemIds = last.ownItemIds;
		}
		this.#kept = keepLastBoard(key, () =>
			this.board ? { board: $state.snapshot(this.board) as Board, seq: this.#seq, ownItemIds: [...this.ownItemIds] } : null
		);
	}

	get seq() {
		return this.#seq;
	}

	/** The server's current time in ms, reactive once a second. */
	get now(): number {
		this.#ticker ??= setInterval(() => (this.#tick = Date.now()), 1000);
		void this.#tick; // read for reactivity; the figure itself is always current
		return Date.now() + this.clockOffset;
	}

	/** Queues a participant's change in the outbox and sends it when it can. */
	/** What this phone has sent that its board does not show yet: acknowledged, then pending. */
	get unsettled(): Command[] {
		return [...this.#acked.map((a) => a.command), ...this.outbox.pending.map((e) => e.command)];
	}

	submit(command: Command) {
		this.outbox.add(command);
		void this.#drain();
	}

	retry(id: string) {
		this.outbox.retry(id);
		void this.#drain();
	}

	/** Sends a facilitator command directly and resolves with the server's answer. */
	async send(command: Command): Promise<CommandResult> {
		if (!this.#socket.connected) return { ok: false, error: { code: 'internal', message: 'offline' } };
		try {
			return await this.#socket.timeout(ACK_TIMEOUT).emitWithAck('command', { id: nanoid(), command });
		} catch {
			return { ok: false, error: { code: 'internal', message: 'no answer' } };
		}
	}

	destroy() {
		if (this.#ticker) clearInterval(this.#ticker);
		this.#stopGapTimer();
		this.#kept?.stop();
		removeEventListener('offline', this.#goOffline);
		removeEventListener('online', this.#goOnline);
		this.#socket.disconnect();
	}

	#goOffline = () => {
		this.#socket.disconnect();
		this.connection = 'offline';
	};

	#goOnline = () => {
		if (!this.refused) this.#socket.connect();
	};

	#refusedOrOffline(message: string) {
		if (['unauthenticated', 'not_found', 'invalid_input', 'removed'].includes(message)) {
			this.refused = message as ErrorCode;
			this.#socket.disconnect();
		}
		this.connection = 'offline';
	}

	#receive(record: SessionRecord) {
		// Only the removed phone's own copy (and staff's) carries the reason; staff do not keep it here.
		if (record.event.type === 'participant.removed' && record.event.reason && this.#participant) this.removedReason = record.event.reason;
		// Records that arrive during a sync are kept and applied after it, not dropped: at the end
		// of a session no later record would reveal the gap.
		if (!this.board || this.#syncing) return void this.#held.push(record);
		if (record.seq <= this.#seq) return;
		if (record.seq > this.#seq + 1) return this.#waitForGap(record);
		applyEvent(this.board, record.event);
		this.#seq = record.seq;
		this.#settle();
		// What this viewer may see changed wholesale (a phase, revealed tallies): start afresh.
		if (needsSnapshot(record.event)) void this.#sync(true);
		else this.#releaseHeld();
	}

	/** Holds a record that skipped ahead; asks for a sync if the one missing has not come by then. */
	#waitForGap(record: SessionRecord) {
		this.#held.push(record);
		this.#gapTimer ??= setTimeout(() => {
			this.#gapTimer = null;
			// Offline, the sync on reconnecting asks from here anyway.
			if (this.#socket.connected) void this.#sync();
		}, GAP_GRACE);
	}

	/** Records held behind a gap or a sync, in seq order now that it is filled. A gap still open waits again. */
	#releaseHeld() {
		if (this.#held.length === 0) return;
		this.#stopGapTimer();
		const held = this.#held.sort((a, b) => a.seq - b.seq);
		this.#held = [];
		for (const record of held) this.#receive(record);
	}

	#stopGapTimer() {
		if (this.#gapTimer) clearTimeout(this.#gapTimer);
		this.#gapTimer = null;
	}

	async #sync(fresh = false) {
		if (this.#syncing) return;
		this.#syncing = true;
		this.#stopGapTimer();
		let answered = false;
		try {
			const lastSeq = fresh ? 0 : this.#seq;
			const result: SyncResult = await this.#socket.timeout(ACK_TIMEOUT).emitWithAck('sync', { lastSeq });
			if (result.ok) this.#applySync(result);
			answered = result.ok;
		} catch {
			// No answer in time: asked again below while the socket is up, else on reconnect.
		} finally {
			this.#syncing = false;
		}
		if (!answered && this.#socket.connected) setTimeout(() => void this.#sync(fresh), RESYNC_DELAY);
		this.#releaseHeld();
		if (this.#socket.connected) {
			this.connection = 'online';
			void this.#drain();
		}
	}

	#applySync(result: Extract<SyncResult, { ok: true }>) {
		this.clockOffset = Date.parse(result.serverTime) - Date.now();
		if (result.mode === 'snapshot') {
			const { seq: _, ...board } = result.snapshot;
			this.board = board;
		} else if (this.board) {
			for (const record of result.records) if (record.seq > this.#seq) applyEvent(this.board, record.event);
			if (result.records.some((r) => r.seq > this.#seq && needsSnapshot(r.event))) queueMicrotask(() => this.#sync(true));
		}
		this.#seq = result.mode === 'snapshot' ? result.snapshot.seq : Math.max(this.#seq, ...result.records.map((r) => r.seq));
		this.ownItemIds = result.ownItemIds;
		this.#settle();
		// More than one page of records missed: ask again until caught up.
		// (Not when a record held meanwhile has already filled the rest.)
		if (result.mode === 'events' && this.#seq < result.seq) queueMicrotask(() => this.#seq < result.seq && void this.#sync());
	}

	/** Forgets the acknowledged commands the board now shows (and keeps the board for an offline reload). */
	#settle() {
		this.#kept?.save();
		if (this.#acked.some((a) => a.seq <= this.#seq)) this.#acked = this.#acked.filter((a) => a.seq > this.#seq);
	}

	/**
	 * Keeps an acknowledged command counted until its record arrives, and asks for the record if
	 * it never does (protocol client rule 7): no later record would otherwise reveal the gap.
	 */
	#awaitRecord(seq: number, command: Command) {
		if (seq <= this.#seq) return;
		this.#acked = [...this.#acked, { seq, command }];
		setTimeout(() => {
			if (this.#seq < seq && this.#socket.connected) void this.#sync();
		}, RESYNC_DELAY);
	}

	/** Sends pending entries one at a time, in the order they were written. */
	async #drain() {
		if (this.#draining || !this.#socket.connected || this.#syncing) return;
		this.#draining = true;
		try {
			for (let entry = this.outbox.pending[0]; entry && this.#socket.connected; entry = this.outbox.pending[0]) {
				let result: CommandResult;
				try {
					result = await this.#socket.timeout(ACK_TIMEOUT).emitWithAck('command', { id: entry.id, command: entry.command });
				} catch {
					// No answer in time: keep it (same id, so no duplicate) and try again shortly.
					setTimeout(() => void this.#drain(), 3000);
					break;
				}
				if (result.ok) {
					this.#awaitRecord(result.seq, entry.command);
					this.outbox.remove(entry.id);
					if (result.itemId && entry.command.type === 'item.add') {
						this.ownItemIds = [...this.ownItemIds, result.itemId];
						this.justSaved = [...this.justSaved, result.itemId];
					}
				} else if (result.error.code === 'rate_limited') {
					await new Promise((r) => setTimeout(r, 2000));
				} else if (result.error.code === 'internal') {
					// Nothing was saved (the database or the node was failing): kept, same id, sent again
					// shortly, as for a lost ack (protocol client rule 6). No tap on "retry" needed.
					setTimeout(() => void this.#drain(), 3000);
					break;
				} else {
					this.outbox.fail(entry.id, result.error.code);
				}
			}
		} finally {
			this.#draining = false;
		}
	}
}

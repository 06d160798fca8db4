/**
 * A socket.io client socket that a spec drives by hand, for the `.svelte.ts` state classes that
 * talk to the server (client/live.svelte.ts). It keeps to the real client's rules that those
 * classes rely on: `timeout(ms).emitWithAck` rejects when no answer came in `ms` (fake timers
 * move the clock) and at once on a disconnect; `disconnect()` fires `disconnect`; nothing is
 * connected until the spec says so. Also a localStorage and a window for Node.
 */
import type { SessionRecord } from '../realtime/contract';

type Handler = (...args: never[]) => void;

/** Something the client sent that waits for the server's answer. */
export interface Request {
	event: string;
	payload: unknown;
	/** Answers it as the server would; does nothing once it has timed out or the socket dropped. */
	answer: (value: unknown) => void;
	/** Rejects it, as the client library does on a timeout or a disconnect. */
	fail: (message: string) => void;
	settled: boolean;
}

/** Stands in for socket.io-client's `io`: `vi.mock('socket.io-client', () => ({ io: fakeIo }))`. */
export function fakeIo(options: { auth?: unknown }): FakeSocket {
	const socket = new FakeSocket(options);
	FakeSocket.made.push(socket);
	return socket;
}

export class FakeSocket {
	/** Every socket `fakeIo` made, oldest first; a spec empties it before each test. */
	static readonly made: FakeSocket[] = [];

	connected = false;
	/** Every request sent, oldest first, answered or not. */
	readonly sent: Request[] = [];
	#handlers = new Map<string, Handler[]>();

	/** `options` as the client passed them to `io()`. */
	constructor(readonly options: { auth?: unknown } = {}) {}

	on(event: string, handler: Handler) {
		this.#handlers.set(event, [...(this.#handlers.get(event) ?? []), handler]);
		return this;
	}

	/** What the client calls to (re)connect: the spec decides when it succeeds (`open`). */
	connectRequested = 0;
	connect() {
		this.connectRequested++;
		return this;
	}

	disconnect() {
		if (this.connected) this.drop('io client disconnect');
		return this;
	}

	timeout(ms: number) {
		return {
			emitWithAck: (event: string, payload: unknown) =>
				new Promise((resolve, reject) => {
					const request: Request = {
						event,
						payload,
						settled: false,
						answer: (value) => settle(() => resolve(value)),
						fail: (message) => settle(() => reject(new Error(message)))
					};
					const settle = (done: () => void) => {
						if (request.settled) return;
						request.settled = true;
						clearTimeout(timer);
						done();
					};
					const timer = setTimeout(() => request.fail('operation has timed out'), ms);
					this.sent.push(request);
				})
		};
	}

	/** The socket connects (first time or again): `connect` fires. */
	open() {
		this.connected = true;
		this.#fire('connect');
	}

	/** The connection is lost: unanswered requests fail at once, as socket.io's do. */
	drop(reason = 'transport close') {
		this.connected = false;
		for (const request of this.pending()) request.fail('socket has been disconnected');
		this.#fire('disconnect', reason);
	}

	/** The server refuses the handshake, e.g. with `unauthenticated`. */
	refuse(code: string) {
		this.#fire('connect_error', new Error(code));
	}

	/** A `record` from the server. */
	deliver(...records: SessionRecord[]) {
		for (const record of records) this.#fire('record', structuredClone(record));
	}

	presence(online: number) {
		this.#fire('presence', { online });
	}

	/** Requests still waiting for an answer, optionally of one event. */
	pending(event?: string): Request[] {
		return this.sent.filter((r) => !r.settled && (!event || r.event === event));
	}

	/** The one unanswered request of `event`; fails when there is not exactly one. */
	waiting(event: string): Request {
		const found = this.pending(event);
		if (found.length !== 1) throw new Error(`expected one unanswered ${event}, found ${found.length}`);
		return found[0];
	}

	#fire(event: string, ...args: unknown[]) {
		for (const handler of this.#handlers.get(event) ?? []) (handler as (...a: unknown[]) => void)(...args);
	}
}

/** A Storage kept in memory; `full` makes every write throw, as a full or disabled storage does. */
export function memoryStorage() {
	const data = new Map<string, string>();
	return {
		full: false,
		getItem: (key: string) => data.get(key) ?? null,
		setItem(key: string, value: string) {
			if (this.full) throw new DOMException('quota exceeded', 'QuotaExceededError');
			data.set(key, String(value));
		},
		removeItem: (key: string) => void data.delete(key),
		clear: () => data.clear(),
		key: (index: number) => [...data.keys()][index] ?? null,
		get length() {
			return data.size;
		}
	};
}

/**
 * Short messages between the nodes (presence counts, an account's re-check, programme news) over
 * one Redis pub/sub channel. Not socket.io's serverSideEmit: in the Streams adapter 0.3 its
 * publish is not caught, so one sent while Redis is away would end the process with an unhandled
 * rejection. A message sent while Redis is away is dropped here, on purpose: each kind is either
 * repeated (presence, every few seconds) or re-checked on the next request (access, reports).
 */
import type { Redis } from './redis';

type Handlers<Events> = { [E in keyof Events]?: (payload: Events[E]) => void };

export class NodeChannel<Events extends Record<string, unknown>> {
	#redis: Redis;
	#name: string;
	#node: string;
	#handlers: Handlers<Events> = {};
	#subscriber: Redis;

	constructor(redis: Redis, name: string, node: string) {
		this.#redis = redis;
		this.#name = name;
		this.#node = node;
		this.#subscriber = redis.duplicate();
		// The publishing client logs the outage; the subscriber reconnects and subscribes again by itself.
		this.#subscriber.on('error', () => {});
		this.#subscriber
			.connect()
			.then(() => this.#subscriber.subscribe(name, (message) => this.#receive(message)))
			.catch((error: Error) => console.error(`node channel: could not subscribe (${error.message})`));
	}

	on<E extends keyof Events>(event: E, handler: (payload: Events[E]) => void) {
		this.#handlers[event] = handler;
	}

	/** Tells every other node; dropped when Redis cannot take it. */
	send<E extends keyof Events & string>(event: E, payload: Events[E]) {
		const message = JSON.stringify({ from: this.#node, event, payload });
		this.#redis.publish(this.#name, message).catch(() => {});
	}

	close() {
		this.#subscriber.destroy();
	}

	#receive(message: string) {
		try {
			const { from, event, payload } = JSON.parse(message) as { from: string; event: keyof Events; payload: never };
			if (from !== this.#node) this.#handlers[event]?.(payload);
		} catch (error) {
			console.error('node channel: could not handle a message', error);
		}
	}
}

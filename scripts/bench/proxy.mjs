// A TCP proxy on loopback that stands for the phones' network: it can black-hole the link (stop
// forwarding without closing anything, as a phone walking out of Wi-Fi range does) and throttle
// what reaches the phone (a congested 3G link). Only ever forwards to the server under test.
import { connect, createServer } from 'node:net';
import { HOST } from './ports.mjs';

export class Proxy {
	/** Connections in both directions, so block() can freeze every one of them. */
	#pairs = new Set();
	/** Phones that connected while blocked: they wait, as a SYN into a dead network does. */
	#held = [];
	#blocked = false;
	#throttle = null;
	#server;

	/** @param {{ port: number, target: number }} options listen on `port`, forward to `target` */
	constructor({ port, target }) {
		this.port = port;
		this.target = target;
		this.#server = createServer((phone) => (this.#blocked ? this.#hold(phone) : this.#link(phone)));
	}

	get url() {
		return `http://${HOST}:${this.port}`;
	}

	listen() {
		return new Promise((resolve, reject) => {
			this.#server.once('error', reject);
			this.#server.listen(this.port, HOST, resolve);
		});
	}

	/** Stops every byte in both directions; nothing is closed, nothing is refused. */
	block() {
		this.#blocked = true;
		for (const { phone, server } of this.#pairs) phone.pause(), server.pause();
	}

	unblock() {
		this.#blocked = false;
		for (const { phone, server } of this.#pairs) phone.resume(), server.resume();
		for (const phone of this.#held.splice(0)) if (!phone.destroyed) (phone.resume(), this.#link(phone));
	}

	/** Server→phone bytes at most `bytesPerSecond`, each chunk at least `delayMs` late; null lifts it. */
	throttle(options) {
		this.#throttle = options;
	}

	async close() {
		for (const { phone, server, timer } of this.#pairs) clearInterval(timer), phone.destroy(), server.destroy();
		for (const phone of this.#held) phone.destroy();
		this.#pairs.clear();
		await new Promise((resolve) => this.#server.close(resolve));
	}

	#hold(phone) {
		phone.pause();
		phone.on('error', () => {});
		this.#held.push(phone);
	}

	#link(phone) {
		const server = connect(this.target, HOST);
		const pair = { phone, server, queue: [], queued: 0, timer: null };
		this.#pairs.add(pair);
		const end = () => {
			clearInterval(pair.timer);
			this.#pairs.delete(pair);
			phone.destroy();
			server.destroy();
		};
		phone.on('error', end).on('close', end);
		server.on('error', end).on('close', end);
		phone.on('data', (chunk) => server.write(chunk) || (phone.pause(), server.once('drain', () => this.#blocked || phone.resume())));
		server.on('data', (chunk) => this.#down(pair, chunk));
		if (this.#blocked) phone.pause(), server.pause();
	}

	/** Server→phone: straight through, or through the throttle's queue. */
	#down(pair, chunk) {
		if (!this.#throttle && pair.queue.length === 0) {
			if (!pair.phone.write(chunk)) pair.server.pause(), pair.phone.once('drain', () => this.#blocked || pair.server.resume());
			return;
		}
		pair.queue.push({ chunk, due: Date.now() + (this.#throttle?.delayMs ?? 0) });
		pair.queued += chunk.length;
		if (pair.queued > 64 * 1024) pair.server.pause(); // let the backlog pile up on the server, as a slow link does
		pair.timer ??= setInterval(() => this.#drip(pair), 50);
	}

	#drip(pair) {
		if (this.#blocked) return;
		let budget = this.#throttle ? Math.max(1, Math.floor(this.#throttle.bytesPerSecond / 20)) : Infinity;
		while (pair.queue.length && budget > 0 && pair.queue[0].due <= Date.now()) {
			const head = pair.queue[0];
			const part = head.chunk.subarray(0, budget);
			pair.phone.write(part);
			budget -= part.length;
			pair.queued -= part.length;
			if (part.length === head.chunk.length) pair.queue.shift();
			else head.chunk = head.chunk.subarray(part.length);
		}
		if (pair.queued <= 16 * 1024 && !this.#blocked) pair.server.resume();
		if (pair.queue.length === 0) clearInterval(pair.timer), (pair.timer = null);
	}
}

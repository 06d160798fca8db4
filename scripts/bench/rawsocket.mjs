// A deliberately bare WebSocket client (node:net, no library) that speaks just enough
// engine.io/socket.io to authenticate, and then sends whatever bytes it is told to: broken
// packets, invalid UTF-8, unknown opcodes, unmasked or oversized frames. A real client library
// refuses to send most of those, which is why the fuzzer needs this one.
import { randomBytes } from 'node:crypto';
import { connect as tcpConnect } from 'node:net';

const OP = { text: 1, binary: 2, close: 8, ping: 9, pong: 10 };

/** One client→server frame: masked (as the protocol requires) unless `masked` is false. */
export function frame(payload, { opcode = OP.text, fin = true, masked = true, declaredLength } = {}) {
	const data = Buffer.isBuffer(payload) ? payload : Buffer.from(payload);
	const length = declaredLength ?? data.length;
	const head = [(fin ? 0x80 : 0) | opcode];
	const maskBit = masked ? 0x80 : 0;
	if (length < 126) head.push(maskBit | length);
	else if (length < 65536) head.push(maskBit | 126, length >> 8, length & 0xff);
	else {
		head.push(maskBit | 127);
		const big = Buffer.alloc(8);
		big.writeBigUInt64BE(BigInt(length));
		head.push(...big);
	}
	if (!masked) return Buffer.concat([Buffer.from(head), data]);
	const mask = randomBytes(4);
	const body = Buffer.from(data.map((byte, i) => byte ^ mask[i % 4]));
	return Buffer.concat([Buffer.from(head), mask, body]);
}

/** A raw connection to `/socket.io/` over WebSocket. */
export class RawSocket {
	/** Text messages received (engine.io packets), oldest first. */
	messages = [];
	closed = false;
	closeCode = null;
	#socket;
	#buffer = Buffer.alloc(0);
	#waiters = [];

	static open(port, host = '127.0.0.1', timeout = 5000) {
		return new Promise((resolve, reject) => {
			const raw = new RawSocket();
			const socket = tcpConnect(port, host);
			raw.#socket = socket;
			const timer = setTimeout(() => (socket.destroy(), reject(new Error('websocket handshake timed out'))), timeout);
			let handshake = Buffer.alloc(0);
			const onData = (chunk) => {
				handshake = Buffer.concat([handshake, chunk]);
				const end = handshake.indexOf('\r\n\r\n');
				if (end < 0) return;
				clearTimeout(timer);
				socket.off('data', onData);
				const head = handshake.subarray(0, end).toString();
				if (!head.startsWith('HTTP/1.1 101')) return reject(new Error(`no upgrade: ${head.split('\r\n')[0]}`));
				socket.on('data', (more) => raw.#receive(more));
				raw.#receive(handshake.subarray(end + 4));
				resolve(raw);
			};
			socket.on('data', onData);
			socket.on('error', (error) => (clearTimeout(timer), raw.#end(), reject(error)));
			socket.on('close', () => raw.#end());
			socket.write(
				`GET /socket.io/?EIO=4&transport=websocket HTTP/1.1\r\nHost: ${host}:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
					`Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\nSec-WebSocket-Version: 13\r\n\r\n`
			);
		});
	}

	/** Opens, then sends socket.io's CONNECT with `auth`; resolves with the server's answer packet. */
	static async authenticate(port, auth) {
		const raw = await RawSocket.open(port);
		await raw.next((m) => m.startsWith('0'));
		raw.send(`40${JSON.stringify(auth)}`);
		const answer = await raw.next((m) => m.startsWith('40') || m.startsWith('44'));
		return { raw, answer };
	}

	send(text) {
		this.sendFrame(frame(text));
	}

	sendFrame(bytes) {
		if (!this.closed) this.#socket.write(bytes);
	}

	/** Sends an event with ack id `ackId` and resolves with the ack's arguments, or null if none comes in `timeout`. */
	async emitWithAck(ackId, event, payloadText, timeout = 3000) {
		this.send(`42${ackId}["${event}",${payloadText}]`);
		const reply = await this.next((m) => m.startsWith(`43${ackId}[`), timeout).catch(() => null);
		return reply === null ? null : JSON.parse(reply.slice(2 + String(ackId).length));
	}

	/** The first received message (already received or yet to come) that `test` accepts. */
	next(test, timeout = 3000) {
		const index = this.messages.findIndex(test);
		if (index >= 0) return Promise.resolve(this.messages.splice(index, 1)[0]);
		if (this.closed) return Promise.reject(new Error(`closed (${this.closeCode})`));
		return new Promise((resolve, reject) => {
			const waiter = { test, resolve, reject };
			waiter.timer = setTimeout(() => {
				this.#waiters = this.#waiters.filter((w) => w !== waiter);
				reject(new Error('no such message in time'));
			}, timeout);
			this.#waiters.push(waiter);
		});
	}

	/** Resolves once the server has closed the connection, or false after `timeout`. */
	async whenClosed(timeout = 3000) {
		for (const until = Date.now() + timeout; Date.now() < until && !this.closed; ) await new Promise((r) => setTimeout(r, 10));
		return this.closed;
	}

	close() {
		this.#socket.destroy();
		this.#end();
	}

	#end() {
		if (this.closed) return;
		this.closed = true;
		for (const waiter of this.#waiters) clearTimeout(waiter.timer), waiter.reject(new Error(`closed (${this.closeCode})`));
		this.#waiters = [];
	}

	#receive(chunk) {
		this.#buffer = Buffer.concat([this.#buffer, chunk]);
		for (;;) {
			if (this.#buffer.length < 2) return;
			const opcode = this.#buffer[0] & 0x0f;
			let length = this.#buffer[1] & 0x7f;
			let offset = 2;
			if (length === 126) {
				if (this.#buffer.length < 4) return;
				length = this.#buffer.readUInt16BE(2);
				offset = 4;
			} else if (length === 127) {
				if (this.#buffer.length < 10) return;
				length = Number(this.#buffer.readBigUInt64BE(2));
				offset = 10;
			}
			if (this.#buffer.length < offset + length) return;
			const payload = this.#buffer.subarray(offset, offset + length);
			this.#buffer = this.#buffer.subarray(offset + length);
			if (opcode === OP.close) {
				this.closeCode = payload.length >= 2 ? payload.readUInt16BE(0) : null;
				this.close();
				return;
			}
			if (opcode === OP.ping) this.sendFrame(frame(payload, { opcode: OP.pong }));
			if (opcode !== OP.text) continue;
			const text = payload.toString();
			if (text === '2') {
				this.send('3'); // engine.io heartbeat
				continue;
			}
			const waiter = this.#waiters.find((w) => w.test(text));
			if (waiter) {
				clearTimeout(waiter.timer);
				this.#waiters = this.#waiters.filter((w) => w !== waiter);
				waiter.resolve(text);
			} else if (this.messages.push(text) > 1000) this.messages.shift(); // records nobody waits for
		}
	}
}

export { OP };

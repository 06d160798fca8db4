/**
 * Rembuk nodes inside one test process: each its own HTTP server, socket.io and Redis client,
 * all over one database, as separate processes would be over one shared store. Commands sent
 * to a node commit through the one GroupCommit, which publishes through the node that `commits`.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { io as connectTo, type Socket } from 'socket.io-client';
import type { SessionRecord, SocketAuth } from '../realtime/contract';
import { openRedis, type Redis } from '../server/cluster/redis';
import type { RembukContext } from '../server/context';
import type { Store } from '../server/db/store';
import { GroupCommit } from '../server/group-commit';
import { ProgrammeWatch } from '../server/programmes/watch';
import { attachRealtime } from '../server/realtime/attach';
import type { RembukServer } from '../server/realtime/fanout';

export interface TestNode {
	name: string;
	url: string;
	io: RembukServer;
	redis: Redis;
	context: RembukContext;
	close: () => Promise<void>;
}

/**
 * Nodes over `store`; the first one commits every command, whichever node it came through.
 * `timeoutMs` shortens how long a command waits for an absent Redis (15 s in production).
 */
export async function startNodes(store: Store, names: string[], redisUrl: string, prefix: string, timeoutMs?: number): Promise<TestNode[]> {
	const nodes: TestNode[] = [];
	const writes = new GroupCommit(store, (id, records) => nodes[0].context.publish(id, records));
	for (const name of names) {
		const context: RembukContext = { store, writes, publish: () => {}, recheckAccount: () => {}, programmes: new ProgrammeWatch(store.db, 50) };
		const redis = openRedis(redisUrl, `redis (${name})`, timeoutMs);
		const server = createServer();
		const io = attachRealtime(server, { context, redis, prefix, node: name, blockMs: timeoutMs && timeoutMs / 4 });
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
		const close = async () => {
			await new Promise<void>((resolve) => io.close(() => resolve()));
			redis.destroy();
		};
		nodes.push({ name, url, io, redis, context, close });
	}
	writes.observe((id, records) => nodes[0].context.programmes.committed(id, records));
	return nodes;
}

/** A raw client that keeps every record and presence it is sent, as received. */
export interface Screen {
	socket: Socket;
	records: SessionRecord[];
	online: number[];
}

export async function screen(url: string, auth: SocketAuth, transports: ('websocket' | 'polling')[] = ['websocket']): Promise<Screen> {
	const socket = connectTo(url, { path: '/socket.io', auth, transports, reconnection: false, forceNew: true });
	const records: SessionRecord[] = [];
	const online: number[] = [];
	socket.on('record', (record) => records.push(record));
	socket.on('presence', ({ online: count }) => online.push(count));
	await new Promise<void>((resolve, reject) => {
		socket.once('connect', resolve);
		socket.once('connect_error', reject);
	});
	return { socket, records, online };
}

/** Resolves once `check` holds, polling; fails with `what` after `ms`. */
export async function until(check: () => boolean, what: string, ms = 10_000): Promise<void> {
	const deadline = Date.now() + ms;
	while (!check()) {
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await new Promise((r) => setTimeout(r, 20));
	}
}

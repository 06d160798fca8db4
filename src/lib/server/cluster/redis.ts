/**
 * Redis, when Rembuk runs as several nodes (REDIS_URL set): the socket.io fan-out between nodes
 * and the rate limits every node must count together. Without REDIS_URL there is no client at
 * all and every piece of state stays in the one process, as it always has.
 */
import { hostname } from 'node:os';
import { createClient } from 'redis';

/**
 * How long a command may wait for Redis (queued while it is away, or unanswered) before it is
 * given up: a room emit sent during an outage shorter than this still reaches the other nodes,
 * late; after a longer one the screens there catch up through `sync` (their next record shows
 * the gap, or they reconnect). It must stay above the adapter's XREAD block (5 s).
 */
export const COMMAND_TIMEOUT_MS = 15_000;

const client = (url: string, timeout = COMMAND_TIMEOUT_MS) => createClient({ url, commandOptions: { timeout } });
export type Redis = ReturnType<typeof client>;

/** Where Redis is; undefined on a single process. */
export const redisUrl = (env = process.env): string | undefined => env.REDIS_URL || undefined;

/** Prefixes every key, stream and channel, so two deployments (or two test runs) can share one Redis. */
export const redisPrefix = (env = process.env): string => env.REDIS_PREFIX || 'rembuk:';

/** This node's name in logs, /healthz and the messages between nodes: REMBUK_NODE, else host and pid. */
export const nodeName = (env = process.env): string => env.REMBUK_NODE || `${hostname()}:${process.pid}`;

/**
 * A client that reconnects by itself. Commands sent while Redis is away wait in the client's
 * queue and go out once it is back (the fan-out resumes late rather than losing records); the
 * rate limits do not wait for it (they fall back to memory, see ratelimit.ts). An outage is
 * logged once when it starts and once when it ends, not at every reconnect attempt.
 */
export function openRedis(url: string, name = 'redis', timeoutMs = COMMAND_TIMEOUT_MS): Redis {
	const redis = client(url, timeoutMs);
	let down = false;
	redis.on('error', (error: Error) => {
		if (down) return;
		down = true;
		console.error(`${name}: connection lost (${error.message}); retrying`);
	});
	redis.on('ready', () => {
		if (!down) return;
		down = false;
		console.log(`${name}: connected again`);
	});
	// The first connection is retried like any later one; commands queue meanwhile.
	redis.connect().catch((error: Error) => console.error(`${name}: could not connect (${error.message})`));
	return redis;
}

/**
 * The process's one client, on globalThis like the context: the socket server and SvelteKit's
 * routes are separate bundles and must not open a connection each. Null without REDIS_URL.
 */
const KEY = Symbol.for('rembuk.redis');
type Holder = { [KEY]?: Redis | null };

export function sharedRedis(): Redis | null {
	const holder = globalThis as Holder;
	if (holder[KEY] !== undefined) return holder[KEY];
	const url = redisUrl();
	return (holder[KEY] = url ? openRedis(url) : null);
}

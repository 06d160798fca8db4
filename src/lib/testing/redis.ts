/**
 * Redis for the cluster specs. The machine's Redis is shared, so each spec keys everything under
 * its own prefix and removes it after; a spec that stops Redis runs its own redis-server on a free
 * port. Where Redis (or redis-server) is missing the specs skip and print why.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { anyFreePort as freePort } from '../../../scripts/bench/ports.mjs';
import { createClient } from 'redis';
import type { Redis } from '../server/cluster/redis';
export { skipping } from './services';

export const TEST_REDIS_URL = process.env.REDIS_TEST_URL ?? 'redis://127.0.0.1:6379';

/** Null when Redis answers at `url`, else why the cluster specs skip. */
export async function whyNoRedis(url = TEST_REDIS_URL): Promise<string | null> {
	const probe = createClient({ url, socket: { connectTimeout: 1000, reconnectStrategy: false } });
	probe.on('error', () => {});
	try {
		await probe.connect();
		await probe.ping();
		probe.destroy();
		return null;
	} catch (error) {
		return `Redis is not reachable at ${url} (${(error as Error).message}); set REDIS_TEST_URL or start Redis`;
	}
}

/** Null when redis-server can be started here, else why the restart specs skip. */
export function whyNoRedisServer(): string | null {
	const probe = spawnSync('redis-server', ['--version'], { encoding: 'utf8' });
	return probe.error ? `redis-server is not installed (${probe.error.message})` : null;
}

/** A prefix no other run uses. */
export const testPrefix = () => `rembuk-test:${randomBytes(6).toString('hex')}:`;

/** Deletes every key under the prefix. */
export async function dropPrefix(redis: Redis, prefix: string) {
	for await (const keys of redis.scanIterator({ MATCH: `${prefix}*`, COUNT: 1000 })) if (keys.length) await redis.del(keys);
}

/** A redis-server of the spec's own, without persistence, that can be killed and started again on its port. */
export class RedisProcess {
	port = 0;
	#child: ChildProcess | null = null;

	get url() {
		return `redis://127.0.0.1:${this.port}`;
	}

	async start() {
		if (!this.port) this.port = await freePort();
		const child = spawn('redis-server', ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
		this.#child = child;
		const deadline = Date.now() + 10_000;
		while ((await whyNoRedis(this.url)) !== null) {
			if (Date.now() > deadline || child.exitCode !== null) throw new Error(`redis-server did not start on ${this.port}`);
			await new Promise((r) => setTimeout(r, 50));
		}
	}

	/** Kills it (SIGKILL: no goodbye to the clients) and waits for the exit. */
	async kill() {
		const child = this.#child;
		if (!child || child.exitCode !== null) return;
		const exited = new Promise((r) => child.once('exit', r));
		child.kill('SIGKILL');
		await exited;
		this.#child = null;
	}
}

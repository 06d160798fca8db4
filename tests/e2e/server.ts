/**
 * A real production server for one spec file: its own port and throw-away database, and the
 * means to kill and restart it (SIGKILL, no goodbye) to prove nothing acknowledged is lost.
 *
 * `REMBUK_E2E_CLUSTER=3 npx playwright test` runs the same suite against a cluster instead: three
 * nodes behind HAProxy on a fresh PostgreSQL database and the machine's Redis, each browser
 * context landing on a node of HAProxy's choosing (see README "Running a cluster").
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createClient } from 'redis';
import { anyFreePort as freePort } from '../../scripts/bench/ports.mjs';
import { scratchDatabase, startCluster } from '../../scripts/cluster.mjs';
import { PG_TEST_URL, queryRows } from '../../src/lib/testing/postgres';
import { dropPrefix, testPrefix, TEST_REDIS_URL } from '../../src/lib/testing/redis';

/** Nodes per test server when the suite runs against a cluster; 0 for one process on SQLite. */
export const CLUSTER_NODES = Number(process.env.REMBUK_E2E_CLUSTER ?? 0);
/** For the few specs that open the SQLite file itself: why they cannot run against a cluster. */
export const notOnCluster = CLUSTER_NODES > 0 ? 'reads the SQLite file directly; the cluster stores in PostgreSQL' : null;

export class TestServer {
	port = 0;
	readonly dir = mkdtempSync(join(tmpdir(), 'rembuk-e2e-'));
	#child: ChildProcess | null = null;
	#cluster: Awaited<ReturnType<typeof startCluster>> | null = null;
	#database: Awaited<ReturnType<typeof scratchDatabase>> | null = null;
	readonly #prefix = testPrefix();
	log = '';

	get url() {
		return `http://127.0.0.1:${this.port}`;
	}

	/** Where this server stores, for the admin scripts a spec runs against it. */
	databaseEnv(): Record<string, string> {
		return this.#database ? { DATABASE_URL: this.#database.url } : { DATABASE_PATH: join(this.dir, 'rembuk.sqlite') };
	}

	/** Rows of `sql` (with `?` placeholders), read beside the running server on whichever engine it stores in. */
	async rows<T>(sql: string, ...params: unknown[]): Promise<T[]> {
		if (this.#database) {
			let n = 0;
			return queryRows<T>(this.#database.url, sql.replace(/\?/g, () => `$${++n}`), params);
		}
		const db = new Database(join(this.dir, 'rembuk.sqlite'), { readonly: true, fileMustExist: true });
		try {
			return db.prepare(sql).all(...params) as T[];
		} finally {
			db.close();
		}
	}

	async start() {
		if (!this.port) this.port = await freePort();
		if (CLUSTER_NODES > 0) return this.#startCluster();
		this.#child = spawn(process.execPath, ['build/server.js'], {
			env: { ...process.env, PORT: String(this.port), HOST: '127.0.0.1', ...this.databaseEnv() },
			stdio: ['ignore', 'pipe', 'pipe']
		});
		this.#child.stdout?.on('data', (d) => (this.log += d));
		this.#child.stderr?.on('data', (d) => (this.log += d));
		await this.#waitHealthy();
	}

	async #waitHealthy() {
		const deadline = Date.now() + 15_000;
		while (Date.now() < deadline) {
			try {
				if ((await fetch(`${this.url}/healthz`)).ok) return;
			} catch {
				// not listening yet
			}
			await new Promise((r) => setTimeout(r, 100));
		}
		throw new Error(`server did not become healthy:\n${this.log}`);
	}

	async #startCluster() {
		this.#database ??= await scratchDatabase(PG_TEST_URL);
		this.#cluster = await startCluster({ nodes: CLUSTER_NODES, port: this.port, redisUrl: TEST_REDIS_URL, prefix: this.#prefix, env: this.databaseEnv() });
	}

	/** Kills the process (SIGKILL by default, as a crash would) and waits for it to exit; on a cluster, every node. */
	async stop(signal: NodeJS.Signals = 'SIGKILL') {
		if (this.#cluster) {
			const cluster = this.#cluster;
			this.#cluster = null;
			this.log = cluster.nodes.map((n) => `[${n.name}]\n${n.log}`).join('\n');
			return cluster.stop(signal);
		}
		const child = this.#child;
		if (!child || child.exitCode !== null) return;
		const exited = new Promise((r) => child.once('exit', r));
		child.kill(signal);
		await exited;
		this.#child = null;
	}

	async restart() {
		await this.stop('SIGKILL');
		await this.start();
	}

	async dispose() {
		await this.stop('SIGTERM');
		rmSync(this.dir, { recursive: true, force: true });
		if (!this.#database) return;
		await this.#database.drop();
		const redis = createClient({ url: TEST_REDIS_URL });
		await redis.connect();
		await dropPrefix(redis as never, this.#prefix);
		redis.destroy();
	}
}

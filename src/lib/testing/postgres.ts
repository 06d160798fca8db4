/**
 * A PostgreSQL server of a spec's own, for the specs that stop it: the machine's server is shared
 * (other specs, other nodes), so a restart test runs a throwaway cluster (initdb in a temporary
 * directory) on a free port, and can stop it hard and start it again on the same port and data.
 * The server refuses to run as root, so as root it runs as the `postgres` user.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { anyFreePort } from '../../../scripts/bench/ports.mjs';

export { PG_TEST_URL, postgresProblem } from './postgres-probe.mjs';

/** Rows of `sql` ($1… placeholders) on the database `url` names, on a connection of its own: read beside running nodes. */
export async function queryRows<T>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
	const client = new pg.Client({ connectionString: url });
	await client.connect();
	try {
		return (await client.query(sql, params)).rows as T[];
	} finally {
		await client.end();
	}
}

/** Where Debian puts the server's programs (initdb, postgres); PG_BIN overrides it. */
function serverBin(): string | null {
	if (process.env.PG_BIN) return process.env.PG_BIN;
	const root = '/usr/lib/postgresql';
	if (!existsSync(root)) return null;
	const versions = readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a));
	return versions.length ? join(root, versions[0], 'bin') : null;
}

/** The user the server runs as: the current one, or `postgres` when running as root. */
function serverUser(): { uid: number; gid: number } | null {
	if (process.getuid?.() !== 0) return null;
	const id = (flag: string) => Number(spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' }).stdout.trim());
	const uid = id('-u');
	return Number.isInteger(uid) && uid > 0 ? { uid, gid: id('-g') } : null;
}

/** Null when a throwaway PostgreSQL server can be started here, else why the restart specs skip. */
export function whyNoPostgresServer(): string | null {
	const bin = serverBin();
	if (!bin) return 'the PostgreSQL server programs (initdb, postgres) are not installed; set PG_BIN to their directory';
	if (process.getuid?.() === 0 && !serverUser()) return 'running as root, and there is no `postgres` user to run the server as';
	return null;
}

export class PostgresProcess {
	port = 0;
	readonly #dir = mkdtempSync(join(tmpdir(), 'rembuk-pg-'));
	#child: ChildProcess | null = null;
	readonly #bin = serverBin() ?? '';
	readonly #user = serverUser();

	get url() {
		return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
	}

	/** Creates the cluster (first time) and starts the server; resolves once it accepts queries. */
	async start() {
		const data = join(this.#dir, 'data');
		if (!this.port) {
			this.port = await anyFreePort();
			if (this.#user) chownSync(this.#dir, this.#user.uid, this.#user.gid);
			const init = spawnSync(join(this.#bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8'], {
				encoding: 'utf8',
				...(this.#user ?? {})
			});
			if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr}`);
		}
		// fsync stays on: what the specs check is what a real commit promises.
		const args = ['-D', data, '-p', String(this.port), '-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=${this.#dir}`];
		const child = spawn(join(this.#bin, 'postgres'), args, { stdio: 'ignore', ...(this.#user ?? {}) });
		this.#child = child;
		const deadline = Date.now() + 20_000;
		while (!(await this.answers())) {
			if (Date.now() > deadline || child.exitCode !== null) throw new Error(`postgres did not start on ${this.port}`);
			await new Promise((r) => setTimeout(r, 100));
		}
	}

	async answers(): Promise<boolean> {
		const client = new pg.Client({ connectionString: this.url, connectionTimeoutMillis: 1000 });
		client.on('error', () => {});
		try {
			await client.connect();
			await client.query('SELECT 1');
			return true;
		} catch {
			return false;
		} finally {
			await client.end().catch(() => {});
		}
	}

	/**
	 * Stops it as a crash would: SIGQUIT is PostgreSQL's "immediate" shutdown (no checkpoint, every
	 * connection cut), so the next start recovers from the WAL, as after a power cut.
	 */
	async crash() {
		const child = this.#child;
		if (!child || child.exitCode !== null) return;
		const exited = new Promise((r) => child.once('exit', r));
		child.kill('SIGQUIT');
		await exited;
		this.#child = null;
	}

	/** Stops it and removes its data. */
	async destroy() {
		await this.crash();
		rmSync(this.#dir, { recursive: true, force: true });
	}
}

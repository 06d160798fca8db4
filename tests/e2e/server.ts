/**
 * A real production server for one spec file: its own port and throw-away database, and the
 * means to kill and restart it (SIGKILL, no goodbye) to prove nothing acknowledged is lost.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { anyFreePort as freePort } from '../../scripts/bench/ports.mjs';

export class TestServer {
	port = 0;
	readonly dir = mkdtempSync(join(tmpdir(), 'rembuk-e2e-'));
	#child: ChildProcess | null = null;
	log = '';

	get url() {
		return `http://127.0.0.1:${this.port}`;
	}

	async start() {
		if (!this.port) this.port = await freePort();
		this.#child = spawn(process.execPath, ['build/server.js'], {
			env: { ...process.env, PORT: String(this.port), HOST: '127.0.0.1', DATABASE_PATH: join(this.dir, 'rembuk.sqlite') },
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

	/** Kills the process (SIGKILL by default, as a crash would) and waits for it to exit. */
	async stop(signal: NodeJS.Signals = 'SIGKILL') {
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
	}
}

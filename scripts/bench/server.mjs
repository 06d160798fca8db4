// Starts a server under test as a child process on loopback: the production Rembuk build on a
// throw-away database, or the bare socket.io relay. Knows when it is healthy, how big it is,
// and how to stop it (politely, or with SIGKILL as a crash would).
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HOST } from './ports.mjs';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PROBE = fileURLToPath(new URL('./probe.mjs', import.meta.url));
const RELAY = fileURLToPath(new URL('./relay.mjs', import.meta.url));
const LOG_LIMIT = 64 * 1024;

export class ServerProcess {
	/** Milliseconds from spawn to the first healthy answer of the last start. */
	startupMs = 0;
	log = '';
	#child = null;
	#memoryRequests = 0;

	/**
	 * @param {object} options
	 * @param {string} options.script the entry file, relative to the project root
	 * @param {number} options.port
	 * @param {Record<string, string>} [options.env]
	 * @param {string[]} [options.nodeFlags] e.g. ['--cpu-prof', '--cpu-prof-dir=…']
	 * @param {boolean} [options.probe] preload probe.mjs, so memory() can read the heap
	 */
	constructor({ script, port, env = {}, nodeFlags = [], probe = true }) {
		this.script = script;
		this.port = port;
		this.env = env;
		this.nodeFlags = nodeFlags;
		this.probe = probe;
	}

	get url() {
		return `http://${HOST}:${this.port}`;
	}

	get pid() {
		return this.#child?.pid;
	}

	get running() {
		return this.#child !== null && this.#child.exitCode === null && this.#child.signalCode === null;
	}

	async start() {
		const flags = this.probe ? ['--expose-gc', '--import', PROBE, ...this.nodeFlags] : this.nodeFlags;
		const started = performance.now();
		const child = spawn(process.execPath, [...flags, this.script], {
			cwd: ROOT,
			env: { ...process.env, ...this.env, PORT: String(this.port), HOST },
			stdio: ['ignore', 'pipe', 'pipe', 'ipc']
		});
		this.#child = child;
		const keep = (chunk) => (this.log = (this.log + chunk).slice(-LOG_LIMIT));
		child.stdout.on('data', keep);
		child.stderr.on('data', keep);
		child.on('message', (message) => child.emit(`reply:${message.id}`, message));
		child.once('exit', (code, signal) => {
			if (this.#child === child) this.crash = `${this.script} exited by itself (${signal ?? code}); its last output:\n${this.log}`;
		});
		await this.#waitHealthy(child);
		this.startupMs = performance.now() - started;
		return this;
	}

	async #waitHealthy(child) {
		const deadline = Date.now() + 15_000;
		while (Date.now() < deadline) {
			if (child.exitCode !== null || child.signalCode !== null) break;
			try {
				const response = await fetch(`${this.url}/healthz`, { signal: AbortSignal.timeout(1000) });
				if (response.ok) return;
			} catch {
				// not listening yet
			}
			await new Promise((resolve) => setTimeout(resolve, 5));
		}
		this.#child?.kill('SIGKILL');
		throw new Error(`${this.script} on port ${this.port} did not become healthy:\n${this.log}`);
	}

	/** Set when the process exited without being asked to: what it said last. */
	crash = null;

	/** Heap (after a full GC, from the probe) and resident set (VmRSS, from /proc), in bytes. */
	async memory() {
		const child = this.#child;
		if (!child) throw new Error('not running');
		const id = ++this.#memoryRequests;
		const reply = new Promise((resolve, reject) => {
			const timer = setTimeout(() => reject(new Error('no memory answer from the probe')), 10_000);
			child.once(`reply:${id}`, (message) => (clearTimeout(timer), resolve(message.usage)));
		});
		child.send({ type: 'memory', id });
		const usage = await reply;
		const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
		const rssKb = Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1] ?? 0);
		return { heapUsed: usage.heapUsed, heapTotal: usage.heapTotal, external: usage.external, rss: rssKb * 1024 };
	}

	/** Stops the process with `signal` and waits for it to exit (SIGKILL after 10 s if it will not). */
	async stop(signal = 'SIGTERM') {
		const child = this.#child;
		this.#child = null;
		if (!child || child.exitCode !== null || child.signalCode !== null) return;
		const exited = new Promise((resolve) => child.once('exit', resolve));
		child.kill(signal);
		const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
		await exited;
		clearTimeout(timer);
	}
}

/** The production build on a database in a temporary folder of its own; `dispose()` removes both. */
export class RembukProcess extends ServerProcess {
	/** @param {{ port: number, env?: Record<string, string>, nodeFlags?: string[], probe?: boolean, script?: string, dir?: string }} options */
	constructor({ port, env = {}, nodeFlags, probe, script = 'build/server.js', dir = mkdtempSync(join(tmpdir(), 'rembuk-bench-')) }) {
		super({ script, port, env: { DATABASE_PATH: join(dir, 'rembuk.sqlite'), ...env }, nodeFlags, probe });
		this.dir = dir;
	}

	get databasePath() {
		return join(this.dir, 'rembuk.sqlite');
	}

	async dispose() {
		await this.stop('SIGTERM');
		rmSync(this.dir, { recursive: true, force: true });
	}
}

/** @param {ConstructorParameters<typeof RembukProcess>[0]} options */
export const rembuk = (options) => new RembukProcess(options);

/** The bare socket.io relay: the floor any socket.io app reaches on this machine. */
export class RelayProcess extends ServerProcess {
	/** @param {{ port: number, nodeFlags?: string[] }} options */
	constructor({ port, nodeFlags }) {
		super({ script: RELAY, port, nodeFlags });
	}

	dispose() {
		return this.stop('SIGTERM');
	}
}

/** @param {ConstructorParameters<typeof RelayProcess>[0]} options */
export const relay = (options) => new RelayProcess(options);

// `npm run cluster -- --nodes 3 --port 8080`: N production nodes of the current build behind
// HAProxy, for trying a cluster on one machine and for the browser tests. Needs Redis
// (REDIS_URL, default redis://127.0.0.1:6379) and haproxy (HAPROXY, default /usr/sbin/haproxy).
// The nodes store in PostgreSQL when DATABASE_URL names it (run `npm run migrate` once first);
// without it they share one SQLite file (WAL works across processes on one machine), a set-up
// for trying things only. See README "Running a cluster".
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { connect } from 'node:net';
import pg from 'pg';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { haproxyConfig } from '../deploy/haproxy.mjs';
import { anyFreePort as freePort } from './bench/ports.mjs';

export const HAPROXY = process.env.HAPROXY ?? '/usr/sbin/haproxy';
const ROOT = resolve(import.meta.dirname, '..');

/** Null when haproxy can run here, else why not. */
export function whyNoHaproxy() {
	const probe = spawnSync(HAPROXY, ['-v'], { encoding: 'utf8' });
	return probe.error ? `haproxy is not installed at ${HAPROXY} (${probe.error.message})` : null;
}

async function waitFor(url, child, log, ms = 20_000) {
	const deadline = Date.now() + ms;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`exited with ${child.exitCode} before answering ${url}:\n${log()}`);
		try {
			if ((await fetch(url)).ok) return;
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error(`no answer from ${url}:\n${log()}`);
}

/**
 * A fresh PostgreSQL database beside the one `adminUrl` names, migrated by the build's migrator,
 * for a cluster of its own (tests, benchmarks); `drop()` removes it, closing what still uses it.
 * @param {string} adminUrl
 */
export async function scratchDatabase(adminUrl) {
	const name = `rembuk_scratch_${randomBytes(5).toString('hex')}`;
	const admin = async (sql) => {
		const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5000 });
		await client.connect();
		try {
			await client.query(sql);
		} finally {
			await client.end();
		}
	};
	await admin(`CREATE DATABASE ${name}`);
	const url = new URL(adminUrl);
	url.pathname = `/${name}`;
	const migrated = spawnSync(process.execPath, [join(ROOT, 'build/migrate.js')], { cwd: ROOT, env: { ...process.env, DATABASE_URL: url.href }, encoding: 'utf8' });
	const drop = () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
	if (migrated.status !== 0) {
		await drop();
		throw new Error(`migrating ${name} failed:\n${migrated.stdout}${migrated.stderr}`);
	}
	return { url: url.href, name, drop };
}

/**
 * Sends one command to HAProxy's admin socket, as `socat stdio <socket>` would; resolves with the answer, trimmed.
 * @param {string} socketPath @param {string} command @returns {Promise<string>}
 */
function haproxyAdmin(socketPath, command) {
	return new Promise((resolve, reject) => {
		let answer = '';
		const socket = connect(socketPath, () => socket.end(`${command}\n`));
		socket.setEncoding('utf8');
		socket.on('data', (chunk) => (answer += chunk));
		socket.on('end', () => resolve(answer.trim()));
		socket.on('error', reject);
	});
}

/** One production node: build/server.js with its own port and name. */
class Node {
	log = '';
	/** @type {import('node:child_process').ChildProcess | null} */
	child = null;
	/** @param {string} name @param {number} port @param {Record<string, string>} env @param {string[]} [flags] Node's own, e.g. --cpu-prof */
	constructor(name, port, env, flags = []) {
		this.name = name;
		this.port = port;
		this.env = env;
		this.flags = flags;
	}
	get url() {
		return `http://127.0.0.1:${this.port}`;
	}
	async start() {
		const env = { ...process.env, ...this.env, PORT: String(this.port), HOST: '127.0.0.1', REMBUK_NODE: this.name };
		const child = spawn(process.execPath, [...this.flags, join(ROOT, 'build/server.js')], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
		this.child = child;
		for (const stream of [child.stdout, child.stderr]) stream.on('data', (d) => (this.log += d));
		await waitFor(`${this.url}/healthz`, child, () => this.log);
	}
	/** SIGKILL by default: a crash, no goodbye to its sockets. */
	async stop(signal = 'SIGKILL') {
		const child = this.child;
		if (!child || child.exitCode !== null) return;
		const exited = new Promise((r) => child.once('exit', r));
		child.kill(signal);
		await exited;
		this.child = null;
	}
}

/**
 * Starts `nodes` nodes, one after the other (the first migrates the database), then HAProxy.
 * @param {{ nodes?: number, port?: number, redisUrl?: string, prefix?: string, databasePath?: string, scratchPostgres?: string, env?: Record<string, string>, dir?: string, nodeFlags?: string[] }} options
 */
export async function startCluster(options = {}) {
	const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'rembuk-cluster-'));
	// A database of the cluster's own, beside the one `scratchPostgres` names, dropped when it stops.
	const database = options.scratchPostgres ? await scratchDatabase(options.scratchPostgres) : null;
	const env = {
		REDIS_URL: options.redisUrl ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
		REDIS_PREFIX: options.prefix ?? process.env.REDIS_PREFIX ?? 'rembuk:',
		DATABASE_PATH: options.databasePath ?? process.env.DATABASE_PATH ?? join(dir, 'rembuk.sqlite'),
		// Each phone's own address, as HAProxy saw it, for the per-address limits.
		ADDRESS_HEADER: 'x-forwarded-for',
		XFF_DEPTH: '1',
		...(database ? { DATABASE_URL: database.url } : {}),
		...options.env
	};
	const nodes = [];
	for (let i = 1; i <= (options.nodes ?? 3); i++) nodes.push(new Node(`node${i}`, await freePort(), env, options.nodeFlags));
	const stopAll = async (signal = 'SIGTERM') => {
		await stopHaproxy();
		await Promise.all(nodes.map((n) => n.stop(signal)));
		await database?.drop();
	};
	let stopHaproxy = async () => {};
	try {
		for (const node of nodes) await node.start();
		const port = options.port ?? (await freePort());
		const config = join(dir, 'haproxy.cfg');
		const writeConfig = () =>
			writeFileSync(config, haproxyConfig({ port, bind: '127.0.0.1', maxconn: 4000, adminSocket: join(dir, 'haproxy.sock'), nodes: nodes.map((n) => ({ name: n.name, address: `127.0.0.1:${n.port}` })) }));
		writeConfig();
		let log = '';
		// Master-worker mode (-W), as Debian's systemd unit runs it: SIGUSR2 reloads the configuration
		// (what `systemctl reload haproxy` does), the old worker keeping the connections it holds.
		const haproxy = spawn(HAPROXY, ['-W', '-db', '-f', config], { stdio: ['ignore', 'pipe', 'pipe'] });
		for (const stream of [haproxy.stdout, haproxy.stderr]) stream.on('data', (d) => (log += d));
		stopHaproxy = async () => {
			if (haproxy.exitCode !== null) return;
			const exited = new Promise((r) => haproxy.once('exit', r));
			haproxy.kill('SIGTERM');
			await exited;
		};
		const url = `http://127.0.0.1:${port}`;
		await waitFor(`${url}/healthz`, haproxy, () => log);
		const admin = (/** @type {string} */ command) => haproxyAdmin(join(dir, 'haproxy.sock'), command);
		/** A node's status as HAProxy reports it (`show stat`, CSV column 17): UP, DRAIN, DOWN…; undefined when not loaded. */
		const serverStatus = async (/** @type {string} */ name) =>
			(await admin('show stat')).split('\n').find((line) => line.startsWith(`rembuk_nodes,${name},`))?.split(',')[17];
		return {
			url,
			nodes,
			dir,
			/** The scratch database's URL and name, when it has one. */
			database: database && { url: database.url, name: database.name },
			haproxyLog: () => log,
			/** One command on HAProxy's admin socket (e.g. `set server rembuk_nodes/node1 state drain`); resolves with its answer. */
			admin,
			serverStatus,
			/**
			 * README "Add a node": starts one more node with the same environment, adds its server line to
			 * the configuration and reloads HAProxy. Resolves with the node once HAProxy has loaded it.
			 */
			async addNode() {
				const node = new Node(`node${nodes.length + 1}`, await freePort(), env, options.nodeFlags);
				await node.start();
				nodes.push(node);
				writeConfig();
				haproxy.kill('SIGUSR2');
				const deadline = Date.now() + 20_000;
				while ((await serverStatus(node.name).catch(() => undefined)) === undefined) {
					if (Date.now() > deadline) throw new Error(`HAProxy did not load ${node.name}:\n${log}`);
					await new Promise((r) => setTimeout(r, 100));
				}
				return node;
			},
			/** SIGTERM: an orderly stop; SIGKILL: every node crashes at once. */
			stop: async (signal = 'SIGTERM') => {
				await stopAll(signal);
				if (!options.dir) rmSync(dir, { recursive: true, force: true });
			}
		};
	} catch (error) {
		await stopAll();
		throw error;
	}
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const { values } = parseArgs({ options: { nodes: { type: 'string', default: '3' }, port: { type: 'string', default: '8080' } } });
	const noHaproxy = whyNoHaproxy();
	if (noHaproxy) {
		console.error(noHaproxy);
		process.exit(1);
	}
	if (!existsSync(join(ROOT, 'build/server.js'))) {
		console.error('No build: run `npm run build` first.');
		process.exit(1);
	}
	const cluster = await startCluster({ nodes: Number(values.nodes), port: Number(values.port), dir: process.env.CLUSTER_DIR });
	console.log(`Rembuk cluster: ${cluster.url} → ${cluster.nodes.map((n) => `${n.name} (${n.url})`).join(', ')}`);
	const url = process.env.DATABASE_URL;
	// The nodes take DATABASE_URL from the environment before DATABASE_PATH (src/lib/server/context.ts).
	if (url && /^postgres(ql)?:\/\//i.test(url)) console.log(`Database: PostgreSQL at ${new URL(url).host}${new URL(url).pathname} (run npm run migrate first)`);
	else console.log(`Database: ${cluster.nodes[0].env.DATABASE_PATH} (one SQLite file shared by the nodes: a test set-up; a real cluster uses DATABASE_URL=postgres://…)`);
	const shutdown = async () => {
		await cluster.stop();
		process.exit(0);
	};
	process.on('SIGINT', shutdown);
	process.on('SIGTERM', shutdown);
}

import { sveltekit } from '@sveltejs/kit/vite';
import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import type { Server } from 'node:http';
import { dirname, join, sep } from 'node:path';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

/**
 * In dev, socket.io shares Vite's HTTP server, as it shares adapter-node's in production.
 * The realtime module goes through Vite's SSR loader, so it is the same module graph (and the
 * same database connection) that the SvelteKit routes use.
 */
const realtime: Plugin = {
	name: 'rembuk-realtime',
	configureServer(server) {
		const httpServer = server.httpServer as Server | null;
		httpServer?.once('listening', async () => {
			const { attachRealtime } = await server.ssrLoadModule('/src/lib/server/realtime/attach.ts');
			attachRealtime(httpServer);
		});
	}
};

/**
 * The phone's socket.io-client with the transports it uses only: WebSocket, and HTTP long-polling
 * (the fallback for networks that block WebSockets) through fetch() instead of XMLHttpRequest.
 * engine.io-client's default table also holds WebTransport, which the server does not offer, and
 * its Socket imports that table whole, so no import path leaves it out; this swaps the table.
 * Both transports are engine.io-client's own (`Fetch` and `WebSocket`, documented since 6.6);
 * about 0.8 KB gzipped less on the phone. A client build fails if the table is not found, so an
 * engine.io-client release that moves it is noticed.
 */
function phoneTransports(): Plugin {
	const esm = join(dirname(createRequire(import.meta.url).resolve('engine.io-client/package.json')), 'build', 'esm');
	const id = '\0rembuk-engine-transports';
	let swapped = false;
	return {
		name: 'rembuk-phone-transports',
		enforce: 'pre',
		async resolveId(source, importer, options) {
			if (options?.ssr || !importer?.startsWith(esm + sep)) return null;
			if (source === './transports/index.js') {
				swapped = true;
				return id;
			}
			// The XMLHttpRequest transport probes for XHR2 when loaded, which would keep it in the
			// bundle though nothing uses it: say it may be left out.
			if (/^\.\/(transports\/)?(polling-xhr|webtransport)/.test(source)) {
				const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
				return resolved && { ...resolved, moduleSideEffects: false };
			}
			return null;
		},
		load(loaded) {
			if (loaded !== id) return null;
			const file = (name: string) => JSON.stringify(join(esm, 'transports', name));
			return `import { WS } from ${file('websocket.js')};\nimport { Fetch } from ${file('polling-fetch.js')};\nexport const transports = { websocket: WS, polling: Fetch };\n`;
		},
		generateBundle(options) {
			if (!swapped && this.environment?.name === 'client') this.error("engine.io-client's transports table was not found: see phoneTransports in vite.config.ts");
		}
	};
}

/**
 * The specs that store through the shared fixtures (src/lib/testing/stores.ts and the fixtures built
 * on it) or the app's context: run once more with those fixtures on PostgreSQL. `*.engines.spec.ts`
 * declare both engines themselves; a spec whose subject is SQLite itself says `@sqlite-only` and why.
 */
const FIXTURES = /from '[^']*testing\/(stores|fgd|programme|documented-fgd|random-session|late-fgd)'|getContext\(/;
function storageSpecs(): string[] {
	return (readdirSync('src', { recursive: true }) as string[])
		.filter((path) => path.endsWith('.spec.ts') && !path.endsWith('.engines.spec.ts'))
		.map((path) => join('src', path).split(sep).join('/'))
		.filter((path) => {
			const text = readFileSync(path, 'utf8');
			return FIXTURES.test(text) && !text.includes('@sqlite-only');
		})
		.sort();
}

/**
 * The `postgres` project, or why it cannot run here: PostgreSQL is needed only for it, so `npm test`
 * on a machine without it runs the SQLite project alone and says what it skipped; where it must
 * run (REMBUK_REQUIRE_SERVICES=1, CI) the project stays and fails.
 */
async function postgresProject() {
	const include = storageSpecs();
	const { PG_TEST_URL, postgresProblem } = await import('./src/lib/testing/postgres-probe.mjs');
	const problem = await postgresProblem(PG_TEST_URL);
	if (problem && process.env.REMBUK_REQUIRE_SERVICES !== '1') {
		console.warn(`SKIPPED the postgres run of ${include.length} spec files: PostgreSQL not reachable at ${PG_TEST_URL} (${problem})`);
		return [];
	}
	// DATABASE_URL answers nothing until testContext() points it at a scratch schema: a spec that
	// reaches the context without it fails loudly instead of quietly using SQLite.
	const env = { REMBUK_TEST_ENGINE: 'postgres', DATABASE_URL: 'postgres://postgres@127.0.0.1:1/call-testContext-first' };
	return [{ extends: true as const, test: { name: 'postgres', include, env } }];
}

export default defineConfig(async () => ({
	plugins: [phoneTransports(), sveltekit(), realtime],
	test: {
		environment: 'node',
		// A unit test never opens the project's own database file (db/rembuk.sqlite): a spec that
		// reaches the shared context before setting its own path gets a throw-away one in memory.
		env: { DATABASE_PATH: ':memory:' },
		// Rendering a large PDF or DOCX takes ~1 s alone and several on a busy 2-core machine;
		// a spec must not fail because the machine is loaded (speed is measured by `npm run bench`).
		testTimeout: 30_000,
		// Two files at a time even on two cores (vitest's default would be one): the PostgreSQL
		// project's specs spend much of their time waiting on the server.
		maxWorkers: Math.max(2, availableParallelism() - 1),
		projects: [{ extends: true as const, test: { name: 'sqlite', include: ['src/**/*.spec.ts'] } }, ...(process.env.VITEST ? await postgresProject() : [])]
	}
}));

import { sveltekit } from '@sveltejs/kit/vite';
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

export default defineConfig({
	plugins: [phoneTransports(), sveltekit(), realtime],
	test: {
		include: ['src/**/*.spec.ts'],
		environment: 'node',
		// A unit test never opens the project's own database file (db/rembuk.sqlite): a spec that
		// reaches the shared context before setting its own path gets a throw-away one in memory.
		env: { DATABASE_PATH: ':memory:' },
		// Rendering a large PDF or DOCX takes ~1 s alone and several on a busy 2-core machine;
		// a spec must not fail because the machine is loaded (speed is measured by `npm run bench`).
		testTimeout: 30_000
	}
});

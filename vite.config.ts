import { sveltekit } from '@sveltejs/kit/vite';
import type { Server } from 'node:http';
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

export default defineConfig({
	plugins: [sveltekit(), realtime],
	test: {
		include: ['src/**/*.spec.ts'],
		environment: 'node',
		// Rendering a large PDF or DOCX takes ~1 s alone and several on a busy 2-core machine;
		// a spec must not fail because the machine is loaded (speed is measured by `npm run bench`).
		testTimeout: 30_000
	}
});

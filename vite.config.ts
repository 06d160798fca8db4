import { sveltekit } from '@sveltejs/kit/vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { attachRealtime } from './src/lib/server/realtime/attach';

/** In dev, socket.io shares Vite's HTTP server, as it shares adapter-node's in production. */
const realtime: Plugin = {
	name: 'rembuk-realtime',
	configureServer(server) {
		if (server.httpServer) attachRealtime(server.httpServer as import('node:http').Server);
	}
};

export default defineConfig({
	plugins: [sveltekit(), realtime],
	test: {
		include: ['src/**/*.spec.ts'],
		environment: 'node'
	}
});

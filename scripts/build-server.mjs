// Bundles server/main.ts (and the realtime code it imports) into build/server.js.
import { build } from 'esbuild';

await build({
	entryPoints: ['server/main.ts'],
	outfile: 'build/server.js',
	bundle: true,
	platform: 'node',
	format: 'esm',
	target: 'node20',
	packages: 'external',
	external: ['./handler.js'],
	logLevel: 'warning'
});
console.log('built build/server.js');

// The retention run for the command line (`npm run retention`), bundled the same way.
await build({
	entryPoints: ['server/retention.ts'],
	outfile: 'build/retention.js',
	bundle: true,
	platform: 'node',
	format: 'esm',
	target: 'node20',
	packages: 'external',
	logLevel: 'warning'
});
console.log('built build/retention.js');

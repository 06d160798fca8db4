// Bundles server/main.ts (and the realtime code it imports) into build/server.js, and server/admin.ts into build/admin.js.
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
// The account command line (npm run admin), from the same sources.
await build({
	entryPoints: ['server/admin.ts'],
	outfile: 'build/admin.js',
	bundle: true,
	platform: 'node',
	format: 'esm',
	target: 'node20',
	packages: 'external',
	logLevel: 'warning'
});
console.log('built build/server.js and build/admin.js');

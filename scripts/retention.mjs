// `npm run retention`: the retention run from the command line (server/retention.ts), built once
// when there is no build yet, like `npm start`. Options are passed on: `npm run retention -- --dry-run`.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

if (!existsSync('build/retention.js')) {
	console.log('No build found: building first (about a minute)…');
	execSync('npm run build', { stdio: 'inherit' });
}
await import('../build/retention.js');

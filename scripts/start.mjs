// `npm start`: builds once when there is no build yet, then runs the production server.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

if (!existsSync('build/server.js') || !existsSync('build/handler.js')) {
	console.log('No build found: building first (about a minute)…');
	execSync('npm run build', { stdio: 'inherit' });
}
await import('../build/server.js');

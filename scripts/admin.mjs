// `npm run admin -- create-user …`: builds the server once when there is no build yet (as npm start
// does), then runs the account command against DATABASE_PATH (default db/rembuk.sqlite).
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

if (!existsSync('build/admin.js')) {
	console.error('No build found: building first (about a minute)…');
	execSync('npm run build', { stdio: ['ignore', 'ignore', 'inherit'] });
}
await import('../build/admin.js');

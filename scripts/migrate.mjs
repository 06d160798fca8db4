// `npm run migrate`: builds once when there is no build yet (as npm start does), then migrates the
// storage DATABASE_URL names (PostgreSQL, or the SQLite file; see server/migrate.ts).
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

if (!existsSync('build/migrate.js')) {
	console.error('No build found: building first (about a minute)…');
	execSync('npm run build', { stdio: ['ignore', 'ignore', 'inherit'] });
}
await import('../build/migrate.js');

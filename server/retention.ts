/**
 * `npm run retention`: anonymises every session whose retention period has passed (see
 * src/lib/server/privacy). Safe to run again: sessions already done are skipped. Works beside a
 * running server (SQLite takes writers in turn; on PostgreSQL each session's anonymisation holds its
 * row while it appends to the log). Storage as the server's: DATABASE_URL, else DATABASE_PATH. Options:
 *   --now=2027-01-01T00:00:00Z   act as if it were this instant (to check what a date would do)
 *   --dry-run                    list the sessions that are due, change nothing
 * Bundled to build/retention.js by scripts/build-server.mjs.
 */
import { databasePath } from '../src/lib/server/context';
import { openStore, parseDatabaseUrl } from '../src/lib/server/db/store';
import { dueSessions, runRetention, serverMonths } from '../src/lib/server/privacy';

const args = process.argv.slice(2);
const nowArg = args.find((a) => a.startsWith('--now='))?.slice('--now='.length);
const now = nowArg ? new Date(nowArg) : new Date();
if (Number.isNaN(now.getTime())) {
	console.error(`--now: not a date: ${nowArg}`);
	process.exit(2);
}
const unknown = args.filter((a) => a !== '--dry-run' && !a.startsWith('--now='));
if (unknown.length > 0) {
	console.error(`Unknown option ${unknown[0]}; use --now=ISO-DATE and/or --dry-run`);
	process.exit(2);
}

const months = serverMonths(); // refuses a bad RETENTION_MONTHS before touching anything
const store = openStore(parseDatabaseUrl(process.env.DATABASE_URL, databasePath()));
try {
	const { db } = store;
	const describe = async (id: string) => {
		const s = await db.selectFrom('sessions').select(['code', 'title']).where('id', '=', id).executeTakeFirstOrThrow();
		return `${s.code} ${s.title}`;
	};
	if (args.includes('--dry-run')) {
		const due = await dueSessions(db, now);
		console.log(`${due.length} session(s) due at ${now.toISOString()} (server default ${months} months)`);
		for (const id of due) console.log(`  ${await describe(id)}`);
	} else {
		const { anonymised, byOrganization } = await runRetention(db, undefined, now);
		console.log(`Anonymised ${anonymised.length} session(s) at ${now.toISOString()} (server default ${months} months)`);
		for (const id of anonymised) console.log(`  ${await describe(id)}`);
		for (const [organizationId, tally] of byOrganization)
			console.log(`  organization ${organizationId}: ${tally.sessions.length} session(s), ${tally.participants} participant(s) (in its audit log)`);
	}
} finally {
	await store.close();
}

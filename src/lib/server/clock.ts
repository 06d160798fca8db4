/**
 * The time a session's records, items, notes, joins and closing are stamped with.
 *
 * For a real session that is the server's clock, so the minutes' timeline is the server's own
 * and no one can backdate it. A sample session (created with `sample: true`, as `npm run demo`
 * does) keeps an offset that its facilitator may move forward (`PUT …/clock`), so the sample
 * FGD reads as held on its event day rather than whenever the demo ran. Consent times and the
 * countdown always use the real clock: consent is evidence, and the countdown must agree with
 * every phone.
 */
import { Kysely } from 'kysely';
import type { Db } from './db/database';
import { firstSync, sqliteQueries } from './db/bridge';
import type { Database } from './db/store';

/** The instant to stamp, given the session's offset (null for a real session). */
export function stamp(offsetMs: number | null): string {
	return new Date(Date.now() + (offsetMs ?? 0)).toISOString();
}

const offsetQuery = (db: Database, sessionId: string) =>
	db.selectFrom('sessions').select('sample_clock_offset_ms as offset').where('id', '=', sessionId);

async function offsetOf(db: Database, sessionId: string): Promise<number | null> {
	return (await offsetQuery(db, sessionId).executeTakeFirst())?.offset ?? null;
}

/**
 * Now, as this session stamps it. Transition only: the raw SQLite connection of a module not
 * converted yet (items, notes, participants …) gets it synchronously through the bridge; the raw
 * overload goes with the last raw caller.
 */
export function now(db: Db, sessionId: string): string;
export function now(db: Database, sessionId: string): Promise<string>;
export function now(db: Db | Database, sessionId: string): string | Promise<string> {
	if (db instanceof Kysely) return offsetOf(db, sessionId).then(stamp);
	return stamp(firstSync(db, offsetQuery(sqliteQueries, sessionId))?.offset ?? null);
}

export type ClockRefusal = 'not_sample' | 'backwards';

/**
 * Sets a sample session's clock to `at` from now on: anywhere while nothing is logged, then
 * never before its latest record, so the log's order stays its time order. Runs in the caller's
 * transaction (a group commit's), so no record lands between the check and the change.
 */
export async function setSample(db: Database, sessionId: string, at: Date): Promise<ClockRefusal | null> {
	if ((await offsetOf(db, sessionId)) === null) return 'not_sample';
	const latest = await db
		.selectFrom('session_events')
		.select('at')
		.where('session_id', '=', sessionId)
		.orderBy('seq', 'desc')
		.limit(1)
		.executeTakeFirst();
	if (latest && at.getTime() < new Date(latest.at).getTime()) return 'backwards';
	await db.updateTable('sessions').set({ sample_clock_offset_ms: at.getTime() - Date.now() }).where('id', '=', sessionId).execute();
	return null;
}

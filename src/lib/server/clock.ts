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
import type { Database } from './db/store';

/** The instant to stamp, given the session's offset (null for a real session). */
export function stamp(offsetMs: number | null): string {
	return new Date(Date.now() + (offsetMs ?? 0)).toISOString();
}

/** The session's sample-clock offset in ms; null for a real session. */
export async function offsetOf(db: Database, sessionId: string): Promise<number | null> {
	const row = await db.selectFrom('sessions').select('sample_clock_offset_ms as offset').where('id', '=', sessionId).executeTakeFirst();
	return row?.offset ?? null;
}

/** Now, as this session stamps it. */
export async function now(db: Database, sessionId: string): Promise<string> {
	return stamp(await offsetOf(db, sessionId));
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

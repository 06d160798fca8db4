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
import type { Db } from './db/database';
import { sql } from './db/statements';

/** The instant to stamp, given the session's offset (null for a real session). */
export function stamp(offsetMs: number | null): string {
	return new Date(Date.now() + (offsetMs ?? 0)).toISOString();
}

function offsetOf(db: Db, sessionId: string): number | null {
	const row = sql(db, 'SELECT sample_clock_offset_ms AS offset FROM sessions WHERE id = ?').get(sessionId) as
		| { offset: number | null }
		| undefined;
	return row?.offset ?? null;
}

/** Now, as this session stamps it. */
export function now(db: Db, sessionId: string): string {
	return stamp(offsetOf(db, sessionId));
}

export type ClockRefusal = 'not_sample' | 'backwards';

/**
 * Sets a sample session's clock to `at` from now on: anywhere while nothing is logged, then
 * never before its latest record, so the log's order stays its time order.
 */
export function setSample(db: Db, sessionId: string, at: Date): ClockRefusal | null {
	return db.transaction((): ClockRefusal | null => {
		if (offsetOf(db, sessionId) === null) return 'not_sample';
		const latest = sql(db, 'SELECT at FROM session_events WHERE session_id = ? ORDER BY seq DESC LIMIT 1').get(sessionId) as
			| { at: string }
			| undefined;
		if (latest && at.getTime() < new Date(latest.at).getTime()) return 'backwards';
		sql(db, 'UPDATE sessions SET sample_clock_offset_ms = ? WHERE id = ?').run(at.getTime() - Date.now(), sessionId);
		return null;
	})();
}

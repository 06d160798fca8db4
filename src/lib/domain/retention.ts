/**
 * Retention of participants' personal data (UU PDP): the period in months, counted from the
 * session's close, after which it is anonymised. Pure date maths, shared by server and pages.
 */

/** The server's default when neither the session nor (later) its organization sets one. */
export const DEFAULT_RETENTION_MONTHS = 12;
/** The longest a session may keep personal data: ten years. */
export const MAX_RETENTION_MONTHS = 120;

/**
 * `RETENTION_MONTHS` from the environment: a whole number of months from 1 to 120. Anything
 * else is refused loudly rather than silently keeping data for a period nobody chose.
 */
export function retentionMonthsFromEnv(value: string | undefined): number {
	if (value === undefined || value.trim() === '') return DEFAULT_RETENTION_MONTHS;
	const months = Number(value);
	if (!Number.isInteger(months) || months < 1 || months > MAX_RETENTION_MONTHS)
		throw new Error(`RETENTION_MONTHS must be a whole number of months from 1 to ${MAX_RETENTION_MONTHS}, not "${value}"`);
	return months;
}

/**
 * The period that applies: the session's own, else the organization's (when organizations
 * exist), else the server's. The first one given wins.
 */
export function effectiveMonths(...periods: (number | null | undefined)[]): number {
	for (const months of periods) if (typeof months === 'number') return months;
	return DEFAULT_RETENTION_MONTHS;
}

/**
 * When a session closed at `closedAt` is due for anonymisation: the same day of the month
 * `months` later, in UTC, on the last day of the month when that day does not exist
 * (31 January + 1 month = 28 or 29 February). Null while the session is open.
 */
export function dueAt(closedAt: string | null, months: number): Date | null {
	if (!closedAt) return null;
	const closed = new Date(closedAt);
	if (Number.isNaN(closed.getTime())) return null;
	const year = closed.getUTCFullYear();
	const month = closed.getUTCMonth() + months;
	const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
	const due = new Date(closed);
	due.setUTCDate(1);
	due.setUTCFullYear(year, month, Math.min(closed.getUTCDate(), lastDay));
	return due;
}

/** Whether the period has passed at `now`. */
export function isDue(closedAt: string | null, months: number, now: Date): boolean {
	const due = dueAt(closedAt, months);
	return due !== null && due.getTime() <= now.getTime();
}

/** "Peserta 12": what a participant's name becomes when anonymised, numbered in order of joining. */
export const pseudonym = (n: number) => `Peserta ${n}`;

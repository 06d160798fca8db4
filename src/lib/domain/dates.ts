/**
 * The calendar date at `now` in an IANA zone, as `YYYY-MM-DD` for an `<input type="date">`.
 * The create form must not use the UTC date: before 08:00 WITA (00:00 UTC) that is still
 * yesterday there, and the form's date goes into the minutes.
 */
export function todayIn(timeZone: string, now: Date = new Date()): string {
	// en-CA formats a date as YYYY-MM-DD; formatToParts keeps us independent of that anyway.
	const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(now);
	const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
	return `${part('year')}-${part('month')}-${part('day')}`;
}

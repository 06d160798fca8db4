/** How a countdown reads: "04:59" on screen, and a once-a-minute phrase for screen readers. Pure. */

/** "mm:ss", or "h:mm:ss" from an hour up; whole seconds rounded up so 0 shows only at the end. */
export function clockText(ms: number): string {
	const total = Math.ceil(Math.max(0, ms) / 1000);
	const h = Math.floor(total / 3600);
	const m = Math.floor((total % 3600) / 60);
	const s = total % 60;
	const mm = String(m).padStart(2, '0');
	const ss = String(s).padStart(2, '0');
	return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}

/** Whole minutes left, rounded up: changes once a minute, so a live region speaks at most that often. */
export function minutesLeft(ms: number): number {
	return Math.ceil(Math.max(0, ms) / 60_000);
}

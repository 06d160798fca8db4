/** Keyboard for a row of tabs, as the WAI-ARIA tabs pattern asks. Pure. */

/**
 * The tab an arrow, Home or End key moves to from `index` among `count` tabs, wrapping at the
 * ends; null for any other key, so the caller lets the browser handle it.
 */
export function tabFromKey(key: string, index: number, count: number): number | null {
	if (count <= 0) return null;
	switch (key) {
		case 'ArrowRight':
			return (index + 1) % count;
		case 'ArrowLeft':
			return (index - 1 + count) % count;
		case 'Home':
			return 0;
		case 'End':
			return count - 1;
		default:
			return null;
	}
}

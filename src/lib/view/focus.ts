/**
 * Puts focus back somewhere sensible after an action re-renders what held it: a merged item, a
 * card that moved to another theme. The render follows the server's answer, so this waits for
 * the element to appear rather than guessing when.
 */
export function focusWhenReady(find: () => HTMLElement | null, waitMs = 3000): void {
	const until = Date.now() + waitMs;
	const step = () => {
		const element = find();
		if (element) element.focus();
		else if (Date.now() < until) requestAnimationFrame(step);
	};
	step();
}

/**
 * The facilitator key arrives in the link's fragment (#key=…), is kept in this browser, and is
 * removed from the address bar at once so it never shows on a shared screen.
 */
const storageKey = (code: string) => `rembuk:facilitator:${code}`;

export function takeFacilitatorKey(code: string): string | null {
	const fromLink = new URLSearchParams(location.hash.slice(1)).get('key');
	if (fromLink) {
		localStorage.setItem(storageKey(code), fromLink);
		history.replaceState(history.state, '', location.pathname + location.search);
		return fromLink;
	}
	return localStorage.getItem(storageKey(code));
}

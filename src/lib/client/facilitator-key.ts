/**
 * A staff key (facilitator or minute-taker) arrives in the link's fragment (#key=…), is kept in
 * this browser, and is removed from the address bar at once so it never shows on a shared screen.
 */
import { storageKeys, type StaffRole } from './storage-keys';

export type { StaffRole } from './storage-keys';

export function takeKey(code: string, role: StaffRole): string | null {
	const fragment = new URLSearchParams(location.hash.slice(1));
	const fromLink = fragment.get('key');
	if (fromLink) {
		localStorage.setItem(storageKeys.staffKey(code, role), fromLink);
		// A console opened from /org holds the account's own key (a grant), not the session's link to pass on.
		if (fragment.get('akun') === '1') localStorage.setItem(`${storageKeys.staffKey(code, role)}:akun`, '1');
		else localStorage.removeItem(`${storageKeys.staffKey(code, role)}:akun`);
		// The console is also handed the minute-taker's key once, to pass on.
		const minutetaker = fragment.get('minutetaker');
		if (role === 'facilitator' && minutetaker) localStorage.setItem(storageKeys.staffKey(code, 'minutetaker'), minutetaker);
		history.replaceState(history.state, '', location.pathname + location.search);
		return fromLink;
	}
	return localStorage.getItem(storageKeys.staffKey(code, role));
}

/** A key this browser holds without taking one from the address bar. */
export function storedKey(code: string, role: StaffRole): string | null {
	return localStorage.getItem(storageKeys.staffKey(code, role));
}

export const takeFacilitatorKey = (code: string) => takeKey(code, 'facilitator');

/** True when this browser's key for the session came from a signed-in account (/org), not the facilitator link. */
export const keyFromAccount = (code: string, role: StaffRole = 'facilitator') =>
	localStorage.getItem(`${storageKeys.staffKey(code, role)}:akun`) === '1';

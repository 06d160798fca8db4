/**
 * When the facilitator issues a new join code, every open screen of the session learns it from
 * its socket (a secret opens the session under the old code too). What this browser keeps under
 * the old code (staff keys, a phone's identity, the outbox) is copied to the new one, so a reload
 * at the new address finds it; then the page moves to the new address.
 */
import { storageKeys } from './storage-keys';

/** Copies every `rembuk:<what>:<old>[:<more>]` entry to the new code; the old ones stay, harmless. */
export function carryOver(oldCode: string, newCode: string, storage: Storage = localStorage): void {
	const prefix = storageKeys.participant('').replace(/participant:$/, '');
	for (let i = 0; i < storage.length; i++) {
		const key = storage.key(i);
		if (!key?.startsWith(prefix)) continue;
		const parts = key.split(':');
		if (parts[2] !== oldCode) continue;
		parts[2] = newCode;
		const moved = parts.join(':');
		if (storage.getItem(moved) === null) storage.setItem(moved, storage.getItem(key)!);
	}
}

/** This page's address under the new code: `/f/OLD…` becomes `/f/NEW…`, the rest kept. */
export function addressUnder(oldCode: string, newCode: string, href: string): string {
	const url = new URL(href);
	url.pathname = url.pathname.replace(new RegExp(`^/([a-z])/${oldCode}(?=/|$)`), `/$1/${newCode}`);
	return url.href;
}

/**
 * Once the board says the session's code is not the one this page opened with: carry this
 * browser's keys over and move to the new address (a reload, unless `move` says otherwise). A
 * staff page also hands its key to the new address in the fragment, as its link did: the page
 * there must not depend on the storage write above having reached it before the reload.
 */
export function followNewCode(oldCode: string, current: string | undefined, move = (href: string) => location.replace(href), fragment = ''): void {
	if (!current || current === oldCode) return;
	carryOver(oldCode, current);
	const next = new URL(addressUnder(oldCode, current, location.href));
	if (fragment) next.hash = fragment;
	move(next.href);
}

/** The fragment a staff link carries (`key=…`, and what came with it), for `followNewCode`. */
export function staffFragment(key: string | null, extra: Record<string, string | null | false> = {}): string {
	if (!key) return '';
	const fragment = new URLSearchParams({ key });
	for (const [name, value] of Object.entries(extra)) if (value) fragment.set(name, value);
	return fragment.toString();
}

/**
 * The board as this phone last saw it, kept in localStorage so a reload without a network shows
 * it (with the outbox) instead of nothing. Saved a moment after it changes, not on every record:
 * a busy board would otherwise serialise itself many times a second on a slow phone.
 */
import type { Board } from '../board';

export interface LastBoard {
	board: Board;
	seq: number;
	ownItemIds: string[];
}

const SAVE_DELAY = 1500;

export function loadLastBoard(key: string): LastBoard | null {
	try {
		const kept = JSON.parse(localStorage.getItem(key) ?? 'null');
		return kept && typeof kept.seq === 'number' && kept.board ? kept : null;
	} catch {
		return null;
	}
}

/** Returns a `save` that writes `read()` once changes settle, and on leaving the page. */
export function keepLastBoard(key: string, read: () => LastBoard | null): { save: () => void; stop: () => void } {
	let timer: ReturnType<typeof setTimeout> | null = null;
	const write = () => {
		timer = null;
		const last = read();
		try {
			if (last) localStorage.setItem(key, JSON.stringify(last));
		} catch {
			// Storage full or disabled: the board is only not kept for an offline reload.
		}
	};
	addEventListener('pagehide', write);
	return {
		save: () => void (timer ??= setTimeout(write, SAVE_DELAY)),
		stop: () => {
			if (timer) clearTimeout(timer);
			removeEventListener('pagehide', write);
		}
	};
}

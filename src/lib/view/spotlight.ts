/** What the projector's spotlight shows, from the board this screen holds. Pure. */
import type { Board } from '../board';
import type { ItemView, Theme } from '../domain/types';
import { readable } from './themes';

export type Spotlit = { kind: 'item'; item: ItemView } | { kind: 'theme'; theme: Theme } | null;

/**
 * The spotlit post or theme, or null for the board: also when this screen cannot read the
 * target (gone a moment ago, or redacted while people write in silence).
 */
export function spotlit(board: Board): Spotlit {
	const target = board.session.spotlight;
	if (!target) return null;
	if (target.kind === 'theme') {
		const theme = board.themes.find((t) => t.id === target.id);
		return theme ? { kind: 'theme', theme } : null;
	}
	const item = board.items.find((i) => i.id === target.id);
	return item && readable(item) ? { kind: 'item', item } : null;
}

/** Type size for a spotlit post: as large as its length allows on a 1080p wall. */
export function spotlightPx(text: string): number {
	if (text.length <= 80) return 80;
	if (text.length <= 200) return 64;
	if (text.length <= 350) return 52;
	return 40;
}

/** What the room votes on, with a label each: the themes, or the readable items (kind shown). */
import type { Board } from '$lib/board';
import { kindLabel } from '$lib/domain/defaults';
import type { Locale } from '$lib/domain/types';
import { readable } from '$lib/view/themes';

export interface VoteTarget {
	id: string;
	text: string;
	/** The item's kind label; absent for themes. */
	kind?: string;
}

export function voteTargets(board: Board, locale: Locale): VoteTarget[] {
	if (board.session.voting.target === 'themes') return board.themes.map((theme) => ({ id: theme.id, text: theme.name }));
	const kinds = new Map(board.session.kinds.map((k) => [k.key, kindLabel(k, locale)]));
	return board.items.filter(readable).map((item) => ({ id: item.id, text: item.text, kind: kinds.get(item.kind) }));
}

/** The console's view of the similarity module: one index over the visible items on the board. */
import type { Board } from '$lib/board';
import * as similarity from '$lib/similarity';

export function boardIndex(board: Board) {
	const visible = board.items.filter((i) => i.status === 'visible' && !i.redacted);
	return { index: similarity.createIndex(visible.map(({ id, text }) => ({ id, text }))), byId: new Map(visible.map((i) => [i.id, i])) };
}

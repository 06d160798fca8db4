import { describe, expect, it } from 'vitest';
import { emptyBoard, item as itemView } from '$lib/testing/board';
import { spotlightPx, spotlit } from './spotlight';

describe('spotlit', () => {
	it('finds the spotlit post, and shows the board when it cannot be read here', () => {
		const board = emptyBoard();
		const item = itemView('a', 'kendala', { text: 'Akses modal' });
		board.items.push(item);
		board.session.spotlight = { kind: 'item', id: 'a' };
		expect(spotlit(board)).toEqual({ kind: 'item', item });
		item.redacted = true;
		expect(spotlit(board)).toBeNull();
		board.session.spotlight = { kind: 'theme', id: 'gone' };
		expect(spotlit(board)).toBeNull();
	});

	it('sets long posts smaller, never under 40 px', () => {
		expect(spotlightPx('Akses modal')).toBe(80);
		expect(spotlightPx('x'.repeat(500))).toBe(40);
	});
});

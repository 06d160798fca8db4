import { describe, expect, it } from 'vitest';
import { entryHeight, lines, MIN_FONT_PX, pageSeconds, planBoard, splitColumn, type Entry } from './pages';

const post = (text: string): Entry => ({ heading: false, text, byline: 'Sri Wahyuningsih – DPMD Kabupaten Kutai Kartanegara – Pemerintah' });
const heading = (text: string): Entry => ({ heading: true, text });
const words = (n: number) => Array.from({ length: n }, (_, i) => `kata${i}`).join(' ');
/** What the projector's board area is at 1920×1080, under the header and above the page line. */
const WALL = { width: 1856, height: 760 };

describe('lines', () => {
	it('wraps at words and breaks a word longer than a line', () => {
		expect(lines('satu dua', 20, 1000)).toBe(1);
		expect(lines(words(40), 28, 300)).toBeGreaterThan(10);
		expect(lines('x'.repeat(100), 20, 113)).toBe(10);
	});
});

describe('planBoard', () => {
	it('shows a handful of posts on one page in large type', () => {
		const plan = planBoard([[post('Akses modal sulit')], [post('Lahan bekas tambang')], []], WALL);
		expect(plan.pages).toHaveLength(1);
		expect(plan.fontPx).toBe(40);
	});

	it('pages 37 posts so that each appears once, in type of at least 28 px, every page fitting', () => {
		const columns = [13, 12, 12].map((n, c) => Array.from({ length: n }, (_, i) => post(`${c}-${i} ${words(6 + (i % 5) * 3)}`)));
		const plan = planBoard(columns, WALL);
		expect(plan.fontPx).toBeGreaterThanOrEqual(MIN_FONT_PX);
		expect(plan.pages.length).toBeGreaterThan(1);
		columns.forEach((entries, c) => {
			const shown = plan.pages.flatMap((page) => page[c]);
			expect(shown).toEqual(entries.map((_, i) => i));
			for (const page of plan.pages) {
				const height = page[c].reduce((sum, i) => sum + entryHeight(entries[i], plan.fontPx, (WALL.width - 32) / 3), 0);
				expect(height).toBeLessThanOrEqual(WALL.height);
			}
		});
	});

	it('picks the largest type among those needing the fewest pages', () => {
		const columns = [Array.from({ length: 4 }, () => post(words(8)))];
		const plan = planBoard(columns, WALL);
		expect(plan.pages).toHaveLength(1);
		expect(plan.fontPx).toBe(40);
	});
});

describe('splitColumn', () => {
	it('opens a page inside a theme with its heading again, and never ends a page on a heading', () => {
		const entries = [heading('Permodalan'), post('a'), post('b'), heading('Pemasaran'), post('c')];
		expect(splitColumn(entries, [10, 40, 40, 10, 40], 100)).toEqual([[0, 1, 2], [3, 4]]);
		expect(splitColumn(entries, [10, 40, 40, 10, 40], 60)).toEqual([[0, 1], [0, 2], [3, 4]]);
	});

	it('gives a post taller than the page a page of its own', () => {
		expect(splitColumn([post('a'), post('b')], [500, 20], 100)).toEqual([[0], [1]]);
	});
});

describe('pageSeconds', () => {
	it('gives a page 10 to 20 seconds, longer for more text', () => {
		expect(pageSeconds(0)).toBe(10);
		expect(pageSeconds(600)).toBe(17);
		expect(pageSeconds(5000)).toBe(20);
	});
});

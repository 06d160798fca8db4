import { describe, expect, it } from 'vitest';
import { DEFAULT_GROUPS } from '../domain/defaults';
import { groupRows, roomGroups } from './group-rows';

const words = { other: 'Unsur lain (gabungan)', anonymous: 'Tanpa nama' };
const [a, b, c] = DEFAULT_GROUPS.map((g) => g.key);

describe('groupRows', () => {
	it('shows a group of one and a group of two only as "Lainnya"', () => {
		const people = [a, a, a, b, c, c].map((group) => ({ group }));
		const room = roomGroups(DEFAULT_GROUPS, people, 'id', words);
		const rows = groupRows(room, new Map([[a, 4], [b, 1], [c, 2], ['', 1]]));
		expect(rows.map((r) => [r.label, r.count])).toEqual([
			[DEFAULT_GROUPS[0].labelId, 4],
			['Unsur lain (gabungan)', 3],
			['Tanpa nama', 1]
		]);
	});
});

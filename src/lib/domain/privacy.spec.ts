import { describe, expect, it } from 'vitest';
import { foldCounts, groupFold, OTHER_GROUP } from './privacy';

const people = (sizes: Record<string, number>) => Object.entries(sizes).flatMap(([key, n]) => Array<string>(n).fill(key));

describe('groupFold', () => {
	it('keeps groups of three or more as they are', () => {
		const fold = groupFold(people({ gov: 3, biz: 5 }));
		expect([fold.shown('gov'), fold.shown('biz'), fold.folded, fold.omitted]).toEqual(['gov', 'biz', false, false]);
	});

	it('folds groups of one or two into "other" when together they are three or more', () => {
		const fold = groupFold(people({ gov: 1, biz: 2, ngo: 4 }));
		expect([fold.shown('gov'), fold.shown('biz'), fold.shown('ngo')]).toEqual([OTHER_GROUP, OTHER_GROUP, 'ngo']);
		expect(fold.folded).toBe(true);
	});

	it('leaves out a lone small group, which "other" would still name', () => {
		const fold = groupFold(people({ gov: 2, ngo: 4 }));
		expect(fold.shown('gov')).toBeNull();
		expect([fold.folded, fold.omitted]).toEqual([false, true]);
	});

	it('treats tallies the server already folded (OTHER_GROUP) like the small groups in them', () => {
		expect(groupFold(people({ gov: 1, biz: 2, ngo: 4 })).shown(OTHER_GROUP)).toBe(OTHER_GROUP);
		expect(groupFold(people({ gov: 2, ngo: 4 })).shown(OTHER_GROUP)).toBeNull();
	});

	it('keeps the anonymous key and shows every group when the threshold is 1', () => {
		expect(groupFold(people({ gov: 1 })).shown('')).toBe('');
		expect(groupFold(people({ gov: 1 }), 1).shown('gov')).toBe('gov');
	});
});

describe('foldCounts', () => {
	it('sums small groups under "other", last, and drops what is left out', () => {
		const fold = groupFold(people({ gov: 1, biz: 2, ngo: 4 }));
		const counts = new Map([['gov', 3], ['ngo', 2], ['biz', 1]]);
		expect([...foldCounts(counts, fold)]).toEqual([['ngo', 2], [OTHER_GROUP, 4]]);
		expect([...foldCounts(new Map([['gov', 2], ['ngo', 1]]), groupFold(people({ gov: 2, ngo: 3 })))]).toEqual([['ngo', 1]]);
	});
});

import { describe, expect, it } from 'vitest';
import { DEFAULT_KINDS } from '../../domain/defaults';
import { item } from '$lib/testing/board';
import type { LabelledKind } from './labels';
import { linkMatrix } from './matrix';

/** Labelled kinds as the console holds them, with the given item ids per kind. */
function labelled(spec: Record<string, string[]>, kinds = DEFAULT_KINDS): LabelledKind[] {
	return kinds.map((kind) => ({
		kind,
		items: (spec[kind.key] ?? []).map((id, i) => ({ item: item(id, kind.key), label: `${kind.label[0]}${i + 1}` }))
	}));
}

const ids = (list: { item: { id: string } }[]) => list.map((entry) => entry.item.id);

describe('linkMatrix', () => {
	const kinds = labelled({ kendala: ['k1', 'k2', 'k3'], peluang: ['p1'], rekomendasi: ['r1', 'r2'] });

	it('puts recommendations in the columns and the kinds they answer in the rows', () => {
		const matrix = linkMatrix(kinds, []);
		expect(ids(matrix.recommendations!.items)).toEqual(['r1', 'r2']);
		expect(matrix.targets.map((k) => k.kind.key)).toEqual(['kendala', 'peluang']);
		expect(matrix.addressed?.kind.key).toBe('kendala');
	});

	it('flags the constraints no recommendation answers, and counts the constraints each one answers', () => {
		const links = [
			{ recommendationId: 'r1', targetId: 'k1' },
			{ recommendationId: 'r1', targetId: 'k2' },
			{ recommendationId: 'r1', targetId: 'p1' },
			{ recommendationId: 'r2', targetId: 'k2' }
		];
		const matrix = linkMatrix(kinds, links);
		expect(ids(matrix.unanswered)).toEqual(['k3']);
		// An opportunity it builds on is not a constraint it answers.
		expect(matrix.answers).toEqual(new Map([['r1', 2], ['r2', 1]]));
	});

	it('has no columns and flags nothing on a board of one kind', () => {
		const matrix = linkMatrix(labelled({ kendala: ['k1'] }, DEFAULT_KINDS.slice(0, 1)), []);
		expect(matrix).toMatchObject({ recommendations: null, targets: [], addressed: null, unanswered: [] });
	});
});

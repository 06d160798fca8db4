import { describe, expect, it } from 'vitest';
import { DEFAULT_KINDS } from './defaults';
import { addressedKind, answerableKinds, answeringKind, mayLink } from './links';
import type { Kind } from './types';

const kinds = (...keys: string[]): Kind[] => keys.map((key) => ({ key, label: key }));
const keys = (list: Kind[]) => list.map((k) => k.key);

describe('which kind answers which', () => {
	it('on the default board, recommendations answer constraints and opportunities', () => {
		expect(answeringKind(DEFAULT_KINDS)?.key).toBe('rekomendasi');
		expect(keys(answerableKinds(DEFAULT_KINDS))).toEqual(['kendala', 'peluang']);
		expect(addressedKind(DEFAULT_KINDS)?.key).toBe('kendala');
	});

	it('lets the last kind answer every kind before it, however many there are', () => {
		const swot = kinds('kekuatan', 'kelemahan', 'peluang', 'ancaman', 'strategi');
		expect(answeringKind(swot)?.key).toBe('strategi');
		expect(keys(answerableKinds(swot))).toEqual(['kekuatan', 'kelemahan', 'peluang', 'ancaman']);
	});

	it('on two kinds the second answers the first; on one kind nothing answers', () => {
		expect(answeringKind(kinds('kendala', 'usulan'))?.key).toBe('usulan');
		expect(keys(answerableKinds(kinds('kendala', 'usulan')))).toEqual(['kendala']);
		expect(answeringKind(kinds('masukan'))).toBeNull();
		expect(answerableKinds(kinds('masukan'))).toEqual([]);
		expect(addressedKind(kinds('masukan'))?.key).toBe('masukan');
		expect(addressedKind([])).toBeNull();
	});

	it('works on any list in board order, not only on kinds', () => {
		expect(answeringKind(['a', 'b', 'c'])).toBe('c');
		expect(answerableKinds([{ kind: 'a' }, { kind: 'b' }])).toEqual([{ kind: 'a' }]);
	});
});

describe('mayLink', () => {
	const board = kinds('kendala', 'peluang', 'ancaman', 'rekomendasi');

	it('allows the answering kind to link to every other kind on the board', () => {
		for (const to of ['kendala', 'peluang', 'ancaman']) expect(mayLink(board, 'rekomendasi', to)).toBe(true);
	});

	it('refuses links from any other kind, within one kind, and to a kind the board does not have', () => {
		expect(mayLink(board, 'kendala', 'rekomendasi')).toBe(false);
		expect(mayLink(board, 'peluang', 'kendala')).toBe(false);
		expect(mayLink(board, 'rekomendasi', 'rekomendasi')).toBe(false);
		expect(mayLink(board, 'rekomendasi', 'hilang')).toBe(false);
		expect(mayLink(kinds('masukan'), 'masukan', 'masukan')).toBe(false);
	});
});

import { describe, expect, it } from 'vitest';
import { SAMPLE_ITEMS, themeOf } from '$lib/testing/sample-cards';
import {
	add,
	createIndex,
	DUPLICATE,
	duplicatePairs,
	pairScore,
	remove,
	SIMILAR,
	similarity,
	similarTo
} from './search';

const sample = () => createIndex(SAMPLE_ITEMS);

describe('similarity', () => {
	it.each([
		['akses modal sulit', 'sulit mendapatkan modal usaha'],
		[
			'Pelaku UMKM belum memanfaatkan pemasaran digital',
			'UMKM kurang memakai pemasaran online/digital'
		],
		['Pendapatan warga turun setelah tambang berhenti', 'Penghasilan masyarakat menurun']
	])('finds "%s" and "%s" to be duplicates', (a, b) => {
		expect(similarity(a, b)).toBeGreaterThanOrEqual(DUPLICATE);
	});

	it.each([
		['Lahan bekas tambang untuk agrowisata', 'Pelatihan pemasaran digital'],
		// "pendapatan" (income) is not "mendapatkan" (obtain)
		['Pendapatan warga turun setelah tambang berhenti', 'Sulit mendapatkan modal usaha'],
		// "perusahaan" (company) is not "usaha" (business)
		['Program CSR perusahaan', 'Pelaku usaha kecil'],
		// a shared complaint is not a shared topic
		['Akses modal sulit', 'Sinyal internet sulit di desa']
	])('finds "%s" and "%s" unrelated', (a, b) => {
		expect(similarity(a, b)).toBeLessThan(SIMILAR);
	});

	it('tolerates typos, at a small discount', () => {
		for (const [typed, meant] of [
			['modla usaha sulit', 'modal usaha sulit'],
			['pemasran digital', 'pemasaran digital'],
			['kordinasi CSR', 'koordinasi CSR']
		]) {
			const score = similarity(typed, meant);
			expect(score, typed).toBeGreaterThanOrEqual(DUPLICATE);
			expect(score, typed).toBeLessThan(1);
		}
	});

	it('ignores case, punctuation, word order and stop words', () => {
		expect(similarity('Modal usaha, sulit!', 'sulit yang modal dan usaha')).toBe(1);
	});

	it('is symmetric', () => {
		const pairs = [
			['modla usaha', 'akses modal usaha sulit'],
			['Lahan pascatambang untuk wisata', 'Lahan bekas tambang untuk agrowisata']
		];
		for (const [a, b] of pairs) expect(similarity(a, b)).toBe(similarity(b, a));
	});
});

describe('similarTo', () => {
	it('shows the capital cards while a participant types about capital', () => {
		const found = similarTo(sample(), 'akses modal sulit');
		expect(found).toHaveLength(3);
		expect(found.map((m) => themeOf(m.id))).toEqual(['modal', 'modal', 'modal']);
	});

	it('returns at most `limit` matches, best first, none under the threshold', () => {
		const found = similarTo(sample(), 'pemasaran online untuk UMKM', { limit: 4, threshold: 0.3 });
		expect(found).toHaveLength(4);
		expect(found.map((m) => m.score)).toEqual(found.map((m) => m.score).sort((a, b) => b - a));
		expect(Math.min(...found.map((m) => m.score))).toBeGreaterThanOrEqual(0.3);
	});

	it('returns nothing for an empty, blank or stop-word-only draft', () => {
		const index = sample();
		for (const draft of ['', '   ', '\n\t', 'yang dan di', '...']) {
			expect(similarTo(index, draft, { threshold: 0 }), JSON.stringify(draft)).toEqual([]);
		}
	});

	it('looks only at the items the filter lets through', () => {
		const found = similarTo(sample(), 'akses modal sulit', {
			filter: (id) => id !== 'modal-1' && id !== 'modal-2'
		});
		expect(found.map((m) => m.id)).not.toContain('modal-1');
		expect(found.map((m) => m.id)).not.toContain('modal-2');
		// "KUR belum menjangkau": KUR is credit and menjangkau reach, so the thesaurus reads it as access to capital.
		expect(found.map((m) => m.id)).toEqual(expect.arrayContaining(['modal-5', 'modal-6']));
	});

	it('weighs a word found in most cards less than a rarer one', () => {
		const topics = ['pelatihan', 'kemasan', 'sertifikasi', 'koperasi', 'perizinan', 'ekspor'];
		const index = createIndex([
			...topics.map((topic, i) => ({ id: `u${i}`, text: `UMKM ${topic}` })),
			{ id: 'capital', text: 'Modal bergulir' }
		]);
		// Both cards share one of the draft's two words; only rarity tells them apart.
		expect(similarTo(index, 'UMKM modal', { threshold: 0 })[0].id).toBe('capital');
	});
});

describe('the index', () => {
	it('finds an item once added and not once removed', () => {
		const index = createIndex([{ id: 'a', text: 'Lahan bekas tambang untuk agrowisata' }]);
		add(index, { id: 'b', text: 'Sulit mendapatkan modal usaha' });
		expect(similarTo(index, 'akses modal sulit').map((m) => m.id)).toEqual(['b']);
		remove(index, 'b');
		expect(similarTo(index, 'akses modal sulit')).toEqual([]);
		expect(similarTo(index, 'lahan tambang').map((m) => m.id)).toEqual(['a']);
	});

	it('replaces an item added again under the same id', () => {
		const index = createIndex([{ id: 'a', text: 'Sulit mendapatkan modal usaha' }]);
		add(index, { id: 'a', text: 'Pelatihan pemasaran digital' });
		expect(index.items.size).toBe(1);
		expect(similarTo(index, 'akses modal sulit')).toEqual([]);
		expect(similarTo(index, 'pemasaran digital').map((m) => m.id)).toEqual(['a']);
	});

	it('forgets a removed item in word weights too', () => {
		const index = createIndex([{ id: 'x', text: 'modal bank' }]);
		const before = similarTo(index, 'modal desa', { threshold: 0 });
		for (let i = 0; i < 5; i++) add(index, { id: `t${i}`, text: `modal ${i}x` });
		for (let i = 0; i < 5; i++) remove(index, `t${i}`);
		expect(similarTo(index, 'modal desa', { threshold: 0 })).toEqual(before);
	});
});

describe('duplicatePairs', () => {
	const pairs = duplicatePairs(sample());
	const keys = pairs.map((p) => `${p.a} ${p.b}`);

	it('pairs the cards that say the same thing, typos included', () => {
		expect(keys).toEqual(
			expect.arrayContaining([
				'modal-1 modal-2',
				'modal-2 modal-5',
				'digital-1 digital-2',
				'income-1 income-2',
				'lahan-1 lahan-2'
			])
		);
	});

	it('never pairs cards of different themes', () => {
		for (const { a, b } of pairs) expect(themeOf(a), `${a} ${b}`).toBe(themeOf(b));
	});

	it('lists each pair once, in the order added, best pair first, none under the threshold', () => {
		expect(new Set(keys).size).toBe(keys.length);
		const order = SAMPLE_ITEMS.map((item) => item.id);
		for (const { a, b } of pairs) expect(order.indexOf(a)).toBeLessThan(order.indexOf(b));
		expect(pairs.map((p) => p.score)).toEqual(pairs.map((p) => p.score).sort((x, y) => y - x));
		expect(Math.min(...pairs.map((p) => p.score))).toBeGreaterThanOrEqual(DUPLICATE);
	});

	it('gives the same scores whatever order the items came in', () => {
		const scores = (list: typeof SAMPLE_ITEMS) =>
			Object.fromEntries(
				duplicatePairs(createIndex(list), { threshold: 0.1 }).map((p) => [
					[p.a, p.b].sort().join(' '),
					p.score.toFixed(12)
				])
			);
		expect(scores([...SAMPLE_ITEMS].reverse())).toEqual(scores(SAMPLE_ITEMS));
	});

	it('is deterministic', () => {
		expect(duplicatePairs(sample(), { threshold: 0.1 })).toEqual(
			duplicatePairs(sample(), { threshold: 0.1 })
		);
	});
});

describe('opposite cards', () => {
	const cards = [
		{ id: 'yes', text: 'Sudah ada pelatihan pemasaran digital' },
		{ id: 'no', text: 'Belum ada pelatihan pemasaran digital' }
	];

	it('are never duplicate pairs, though their words are the same', () => {
		const index = createIndex(cards);
		expect(duplicatePairs(index)).toEqual([]);
		expect(pairScore(index, 'yes', 'no')).toBe(0);
		expect(pairScore(index, 'yes', 'no', { opposites: true })).toBeGreaterThan(DUPLICATE);
		expect(duplicatePairs(index, { opposites: true })).toHaveLength(1);
	});
});

describe('heads', () => {
	const pair = (a: string, b: string, heads = true) =>
		pairScore(createIndex([{ id: 'a', text: a }, { id: 'b', text: b }], { heads }), 'a', 'b');

	it('scores two cards about two things in one frame lower: neither head is on the other side', () => {
		const [a, b] = ['Jalan ke objek wisata rusak', 'Toilet di objek wisata rusak'];
		expect(pair(a, b)).toBeCloseTo(0.8 * pair(a, b, false), 10);
		expect(pair('Harga pupuk mahal', 'Harga bibit mahal')).toBeLessThan(DUPLICATE);
	});

	it('is left out for themes: duplicatePairs with heads: false scores as an index without the rule', () => {
		const [a, b] = ['Jalan ke objek wisata rusak', 'Toilet di objek wisata rusak'];
		const index = createIndex([{ id: 'a', text: a }, { id: 'b', text: b }]);
		expect(duplicatePairs(index, { threshold: 0 })[0].score).toBe(pair(a, b));
		expect(duplicatePairs(index, { threshold: 0, heads: false })[0].score).toBe(pair(a, b, false));
	});

	it('leaves a pair whose heads meet as it is, also in other words', () => {
		const same = ['Penginapan utk wisatawan belum ada', 'homestay buat tamu blm tersedia'];
		expect(pair(same[0], same[1])).toBe(pair(same[0], same[1], false));
		expect(pair('Sekolah rusak', 'Sekolah rusak berat')).toBe(pair('Sekolah rusak', 'Sekolah rusak berat', false));
	});

	it('scores a shared word qualified by two known things lower: "jalan ke kebun" is not "jalan ke sekolah"', () => {
		const [a, b] = ['Jalan ke kebun rusak', 'jalan ke sekolah rusak'];
		expect(pair(a, b)).toBeCloseTo(0.75 * pair(a, b, false), 10);
		expect(pair(a, b)).toBeLessThan(DUPLICATE);
		expect(pair('Pelatihan pembukuan untuk UMKM', 'pelatihan pengemasan untuk UMKM')).toBeLessThan(DUPLICATE);
		// Symmetric, as every score must be.
		expect(pair(b, a)).toBe(pair(a, b));
	});

	it('leaves qualifiers it does not know alone: they may be synonyms the thesaurus lacks', () => {
		const [a, b] = ['Pasar subuh sepi pembeli', 'pasar pagi sepi pembeli'];
		expect(pair(a, b)).toBe(pair(a, b, false));
	});

	it('takes no lack as the shared word: "tidak tahu" and "kurang dikenal" say one thing', () => {
		const [a, b] = ['Wisatawan tidak tahu ada desa wisata', 'desa wisata kurang dikenal'];
		expect(pair(a, b)).toBe(pair(a, b, false));
	});
});


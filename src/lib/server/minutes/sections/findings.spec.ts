import { beforeAll, describe, expect, it } from 'vitest';
import { facilitatedFgd, newFgd, sampleFgd } from '$lib/testing/fgd';
import { buildMinutes, type Minutes } from '../model';

const NOW = new Date('2025-10-24T04:30:00Z');

let fgd: Awaited<ReturnType<typeof facilitatedFgd>>;
let id: Minutes;
let en: Minutes;

beforeAll(async () => {
	fgd = await facilitatedFgd();
	id = await buildMinutes(fgd.db, fgd.session.id, 'id', NOW);
	en = await buildMinutes(fgd.db, fgd.session.id, 'en', NOW);
});

const texts = (items: { text: string }[]) => items.map((i) => i.text);

describe('findings by theme', () => {
	it('lists themes in order with their items and tallies, ungrouped last', async () => {
		const [kendala, peluang] = id.findings;
		expect(kendala.groups.map((g) => [g.name, texts(g.items), g.items.map((i) => i.votes)])).toEqual([
			['Permodalan', ['Akses modal usaha sulit tanpa agunan'], [4]],
			['Pemasaran', ['Pemasaran produk masih terbatas di pasar lokal'], [3]],
			['Tanpa tema', ['Program CSR dan program dinas berjalan sendiri-sendiri'], [0]]
		]);
		expect(peluang.groups.map((g) => g.name)).toEqual(['Tanpa tema']);
		expect(en.findings[0].groups[2].name).toBe('Ungrouped');
		expect(id.themes.map((t) => [t.name, t.items, t.votes])).toEqual([
			['Permodalan', 1, null],
			['Pemasaran', 1, null]
		]);
	});

	it('counts a merged item once, with how many it absorbed, and leaves its source and hidden items out', async () => {
		expect(id.findings[0].groups[0].items[0].mergedCount).toBe(1);
		const everything = JSON.stringify(id);
		for (const gone of ['Modal usaha sulit diakses', 'Jual pulsa', fgd.ids.duplicate, fgd.ids.spam]) expect(everything).not.toContain(gone);
	});

	it('gives no tally where nobody voted', async () => {
		const plain = await sampleFgd();
		const minutes = await buildMinutes(plain.db, plain.session.id, 'id', NOW);
		expect(minutes.items.every((i) => i.votes === null)).toBe(true);
		expect(minutes.votes).toMatchObject({ voters: 0, dots: 0, targets: [] });
	});

	it('tallies themes when the vote was on themes', async () => {
		const small = await newFgd();
		const ani = await small.join('Ani', 'media', 'Radio Contoh');
		await small.post(ani, 'kendala', 'Jalan desa rusak');
		await small.run('facilitator', { type: 'theme.create', name: 'Infrastruktur' });
		const [theme] = (await buildMinutes(small.db, small.session.id, 'id', NOW)).themes;
		await small.run('facilitator', { type: 'voting.settings', target: 'themes' });
		await small.run('facilitator', { type: 'phase.set', phase: 'voting' });
		await small.run(ani, { type: 'vote.set', targetId: theme.id, count: 3 });
		const minutes = await buildMinutes(small.db, small.session.id, 'id', NOW);
		expect(minutes.themes[0].votes).toBe(3);
		expect(minutes.items[0].votes).toBeNull();
		expect(minutes.votes.targets[0]).toMatchObject({ type: 'theme', kind: null, text: 'Infrastruktur', total: 3 });
	});
});

describe('stakeholder groups', () => {
	it('counts contributions per kind and group, anonymous items in their own column', async () => {
		const cells = (row: Minutes['matrix']['totals']) => [...row.byGroup.map((g) => g.count), row.anonymous, row.total];
		expect(id.matrix.rows.map((r) => [r.label, ...cells(r)])).toEqual([
			['Kendala', 1, 0, 1, 0, 0, 0, 0, 1, 3],
			['Peluang', 0, 1, 0, 0, 0, 0, 0, 0, 1],
			['Rekomendasi', 0, 1, 1, 0, 0, 0, 0, 1, 3]
		]);
		expect(cells(id.matrix.totals)).toEqual([1, 2, 2, 0, 0, 0, 0, 2, 7]);
		// Rini wrote only anonymous items: her group, komunitas, shows none.
		expect(id.matrix.totals.byGroup.find((g) => g.group === 'komunitas')?.count).toBe(0);
	});

	it('counts votes by group on visible targets only', async () => {
		expect(id.votes).toMatchObject({ target: 'items', budget: 5, cap: 3, voters: 4, dots: 18 });
		expect(id.votes.targets.map((t) => [t.text, t.total])).toEqual([
			['Skema kredit lunak berbasis kelompok dengan pendampingan kampus', 7],
			['Akses modal usaha sulit tanpa agunan', 4],
			['Pemasaran produk masih terbatas di pasar lokal', 3],
			['Hubungi pengurus di +62 81x xxxx xx78 untuk pelatihan', 2],
			['Forum koordinasi CSR dan OPD setiap triwulan', 2]
		]);
		const kredit = en.votes.targets[0].byGroup.filter((g) => g.count > 0).map((g) => [g.label, g.count]);
		expect(kredit).toEqual([
			['Government', 3],
			['Academia', 2],
			['Community / civil society', 2]
		]);
	});
});

describe('recommendations', () => {
	it('ranks by votes, ties in posting order, with the constraints addressed and opportunities used', async () => {
		const ranked = id.recommendations!.ranked;
		expect(ranked.map((r) => [r.rank, r.item.text, r.item.votes])).toEqual([
			[1, 'Skema kredit lunak berbasis kelompok dengan pendampingan kampus', 7],
			[2, 'Hubungi pengurus di +62 81x xxxx xx78 untuk pelatihan', 2],
			[3, 'Forum koordinasi CSR dan OPD setiap triwulan', 2]
		]);
		expect(ranked[0].links.map((l) => [l.label, l.relation, texts(l.items)])).toEqual([
			['Kendala', 'addresses', ['Akses modal usaha sulit tanpa agunan']],
			['Peluang', 'uses', ['Lahan bekas tambang untuk agrowisata']]
		]);
		expect(ranked[1].links).toEqual([]);
	});

	it('keeps an anonymous recommendation anonymous', async () => {
		const forum = id.recommendations!.ranked[2].item;
		expect(forum).toMatchObject({ anonymous: true, author: null, attribution: 'anonim' });
		expect(JSON.stringify(id.recommendations)).not.toContain('Rini');
		expect(JSON.stringify(id)).not.toContain(fgd.people.rini.id);
	});

	it('lists only links whose two ends are in the minutes', async () => {
		expect(id.links).toHaveLength(3);
		const reported = new Set(id.items.map((i) => i.id));
		expect(id.links.every((l) => reported.has(l.recommendationId) && reported.has(l.targetId))).toBe(true);
	});
});

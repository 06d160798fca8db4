import { describe, expect, it } from 'vitest';
import { programme } from '$lib/testing/programme';
import type { Database } from '../db/store';
import { addEdit, listEdits } from './edits';
import { buildSynthesis, fundingSource, shortenRegionNames } from './model';

const synth = async (db: Database, ids: string[], scope = 'p1') => buildSynthesis(db, ids, await listEdits(db, scope), { lang: 'id', now: new Date('2025-10-25T00:00:00Z') });

describe('buildSynthesis', () => {
	it('normalises votes per session: each session hands out 100 points in proportion to its dots', async () => {
		const { db, ids, items } = await programme();
		await addEdit(db, 'p1', { op: 'merge', itemIds: [items.a1, items.b1, items.c1] }, 'Organizer');
		const s = await synth(db, ids);
		expect(s.sessions.map((x) => x.dots)).toEqual([6, 13, 0]);
		const modal = s.issues.find((i) => i.items.some((x) => x.id === items.a1))!;
		expect(modal.items.map((x) => x.id).sort()).toEqual([items.a1, items.b1, items.c1].sort());
		// 4 of Kutai Kartanegara's 6 dots and 6 of Paser's 13: 66.67 + 46.15.
		expect(modal.votes).toBe(10);
		expect(modal.score).toBe(112.8);
		const signal = s.issues.find((i) => i.items.some((x) => x.id === items.b2))!;
		expect(signal.votes).toBe(7);
		expect(signal.score).toBe(53.8);
		const road = s.issues.find((i) => i.items.some((x) => x.id === items.a2))!;
		// Raw dots would put the road (2) far under the signal (7); per session it is 2 of 6.
		expect(road.score).toBe(33.3);
		expect(modal.regions.map((r) => r.name)).toEqual(['Kutai Kartanegara', 'Paser', 'Samarinda']);
		expect(modal.groups).toHaveLength(2);
		expect(modal.groups[0]).toMatch(/^Pemerintah/);
		expect(modal.groups[1]).toMatch(/^Dunia Usaha/);
		expect(modal.people).toBe(3);
	});

	it('splits issues into shared by every region and particular to one', async () => {
		const { db, ids, items } = await programme();
		await addEdit(db, 'p1', { op: 'merge', itemIds: [items.a1, items.b1, items.c1] }, 'Organizer');
		const s = await synth(db, ids);
		expect(s.shared.map((i) => i.items.length)).toEqual([3]);
		expect(s.shared[0].items.map((x) => x.id)).toContain(items.b1);
		// The signal (Paser, voted on) and the road (Kutai Kartanegara, voted on) are particular.
		expect(s.particular.map((i) => i.items[0].id).sort()).toEqual([items.a2, items.b2].sort());
	});

	it('counts constraints and recommendations by region and stakeholder group', async () => {
		const { db, ids } = await programme();
		const s = await synth(db, ids);
		const [constraints, recommendations] = s.matrices;
		expect(constraints.kind).toBe('kendala');
		const table = constraints.rows.map((r) => [r.region.name, ...r.counts, r.total]);
		const col = (label: RegExp) => constraints.groups.findIndex((g) => label.test(g)) + 1;
		expect(table.map((r) => r[0])).toEqual(['Kutai Kartanegara', 'Paser', 'Samarinda']);
		expect(table.map((r) => r[col(/^Pemerintah/)])).toEqual([1, 0, 0]);
		expect(table.map((r) => r[col(/^Akademisi/)])).toEqual([1, 0, 0]);
		expect(table.map((r) => r[col(/^Dunia Usaha/)])).toEqual([0, 1, 1]);
		expect(table.map((r) => r.at(-1))).toEqual([2, 2, 1]);
		expect(recommendations.rows.map((r) => r.total)).toEqual([1, 0, 0]);
	});

	it('gives each recommendation the constraint issues it answers, across sessions', async () => {
		const { db, ids, items } = await programme();
		await addEdit(db, 'p1', { op: 'merge', itemIds: [items.a1, items.b1] }, 'Organizer');
		const s = await synth(db, ids);
		const answer = s.answers.find((a) => a.recommendation.items[0].id === items.a3)!;
		expect(answer.answers).toHaveLength(1);
		expect(answer.answers[0].items.map((x) => x.id)).toEqual(expect.arrayContaining([items.a1, items.b1]));
	});

	it('unites the action plans by PIC institution and funding source', async () => {
		const { db, ids } = await programme();
		const s = await synth(db, ids);
		expect(s.actions.map((a) => [a.institution, a.funding, a.session.region.name])).toEqual([
			['Dinas Koperasi dan UKM', 'APBD', 'Kutai Kartanegara'],
			['Pemerintah Desa Long Ikis', 'Dana Desa', 'Paser']
		]);
		expect(s.actionsBy).toEqual({ institutions: ['Dinas Koperasi dan UKM', 'Pemerintah Desa Long Ikis'], fundings: ['APBD', 'Dana Desa'], counts: [[1, 0], [0, 1]] });
		expect(fundingSource('CSR PT KPC')).toBe('CSR/PPM');
		expect(fundingSource('APBN / APBD')).toBe('APBN + APBD');
		expect(fundingSource('Swadaya')).toBe('Swadaya');
	});

	it('is signed by the first session’s chair, where its minutes are signed, on the day it is made', async () => {
		const { db, ids } = await programme();
		const s = await synth(db, ids);
		expect(s.signer).toEqual({ official: expect.objectContaining({ name: 'Ir. Bambang Sutrisno, M.Si.' }), place: 'Tenggarong', date: '25 Oktober 2025' });
	});

	it('uses a region code when the programme gives one', async () => {
		const { db, ids } = await programme();
		const s = await buildSynthesis(db, ids, [], { lang: 'en', regions: { [ids[0]]: { code: '64.02', name: 'Kab. Kutai Kartanegara' } } });
		expect(s.sessions[0].region).toEqual({ key: '64.02', code: '64.02', name: 'Kab. Kutai Kartanegara', short: 'Kab. Kutai Kartanegara' });
		expect(s.sessions[1].region).toEqual({ key: 'paser', code: null, name: 'Paser', short: 'Paser' });
	});

	it('refuses an empty or repeated list of sessions', async () => {
		const { db, ids } = await programme();
		await expect(buildSynthesis(db, [], [], { lang: 'id' })).rejects.toThrow(/no sessions/);
		await expect(buildSynthesis(db, [ids[0], ids[0]], [], { lang: 'id' })).rejects.toThrow(/twice/);
	});
});

describe('hand edits', () => {
	it('are logged with who and when, and refused whole when malformed', async () => {
		const { db, items } = await programme();
		await addEdit(db, 'p1', { op: 'rename', itemIds: [items.a1], name: 'Permodalan UMKM' }, 'Organizer A', new Date('2025-11-01T00:00:00Z'));
		await expect(addEdit(db, 'p1', { op: 'merge', itemIds: [items.a1] }, 'Organizer A')).rejects.toThrow();
		await expect(addEdit(db, 'p1', { op: 'explode', itemIds: [items.a1] }, 'Organizer A')).rejects.toThrow();
		expect(await listEdits(db, 'p1')).toEqual([
			expect.objectContaining({ op: 'rename', name: 'Permodalan UMKM', actor: 'Organizer A', at: '2025-11-01T00:00:00.000Z' })
		]);
		expect(await listEdits(db, 'other')).toEqual([]);
	});

	it('merge, split, rename and pin, are marked as made by hand, and survive a new item', async () => {
		const { db, ids, items, smd, fajar, post } = await programme();
		await addEdit(db, 'p1', { op: 'merge', itemIds: [items.a1, items.b1, items.c1] }, 'Organizer');
		await addEdit(db, 'p1', { op: 'rename', itemIds: [items.b1], name: 'Akses permodalan' }, 'Organizer');
		await addEdit(db, 'p1', { op: 'pin', itemIds: [items.b2] }, 'Organizer');
		await addEdit(db, 'p1', { op: 'split', itemIds: [items.a2] }, 'Organizer');
		const before = await synth(db, ids);
		const modal = before.issues.find((i) => i.name === 'Akses permodalan')!;
		expect(modal).toMatchObject({ origin: 'hand', editedBy: ['merge', 'rename'] });
		expect(before.issues[0]).toMatchObject({ pinned: true, origin: 'hand', items: [expect.objectContaining({ id: items.b2 })] });
		expect(before.issues.find((i) => i.items.some((x) => x.id === items.a2))).toMatchObject({ origin: 'hand', items: [expect.objectContaining({ id: items.a2 })] });
		expect(before.issues.find((i) => i.items.some((x) => x.id === items.a3))!.origin).toBe('auto');

		// A new card arrives in Samarinda: the automatic clustering runs again, the edits still hold.
		const added = await post(smd, fajar, 'kendala', 'KUR sulit cair, syarat banyak');
		const after = await synth(db, ids);
		const again = after.issues.find((i) => i.name === 'Akses permodalan')!;
		expect(again.items.map((x) => x.id)).toEqual(expect.arrayContaining([items.a1, items.b1, items.c1]));
		expect(after.issues[0].items.map((x) => x.id)).toEqual([items.b2]);
		expect(after.issues.flatMap((i) => i.items.map((x) => x.id))).toContain(added);
		expect(after.skippedEdits).toEqual([]);
	});

	it('skip an edit whose items are all gone, and say so', async () => {
		const { db, ids, items } = await programme();
		await addEdit(db, 'p1', { op: 'merge', itemIds: [items.a1, items.b1] }, 'Organizer');
		await addEdit(db, 'p1', { op: 'rename', itemIds: [items.b1], name: 'Jaminan' }, 'Organizer');
		// Paser left out: the merge has one item left (nothing to merge), the rename none.
		const without = await synth(db, [ids[0], ids[2]]);
		expect(without.skippedEdits.map((e) => e.op)).toEqual(['merge', 'rename']);
	});
});

describe('shortenRegionNames', () => {
	const region = (name: string) => ({ key: name.toLowerCase(), code: null, name, short: name });

	it('drops the province every region shares, and keeps it when one region is elsewhere', async () => {
		const kaltim = [region('Kabupaten Paser, Kalimantan Timur'), region('Kota Samarinda, Kalimantan Timur')];
		shortenRegionNames(kaltim);
		expect(kaltim.map((r) => r.short)).toEqual(['Kabupaten Paser', 'Kota Samarinda']);
		const mixed = [region('Kabupaten Paser, Kalimantan Timur'), region('Kota Banjarmasin, Kalimantan Selatan')];
		shortenRegionNames(mixed);
		expect(mixed.map((r) => r.short)).toEqual(mixed.map((r) => r.name));
	});

	it('drops every shared level (kecamatan of one kabupaten) but never a whole name', async () => {
		const kecamatan = [
			region('Kecamatan Tenggarong, Kabupaten Kutai Kartanegara, Kalimantan Timur'),
			region('Kecamatan Loa Kulu, Kabupaten Kutai Kartanegara, Kalimantan Timur')
		];
		shortenRegionNames(kecamatan);
		expect(kecamatan.map((r) => r.short)).toEqual(['Kecamatan Tenggarong', 'Kecamatan Loa Kulu']);
		const nested = [region('Kalimantan Timur'), region('Kabupaten Paser, Kalimantan Timur')];
		shortenRegionNames(nested);
		expect(nested.map((r) => r.short)).toEqual(['Kalimantan Timur', 'Kabupaten Paser, Kalimantan Timur']);
	});

	it('leaves a single region whole', async () => {
		const one = [region('Kabupaten Paser, Kalimantan Timur')];
		shortenRegionNames(one);
		expect(one[0].short).toBe('Kabupaten Paser, Kalimantan Timur');
	});
});

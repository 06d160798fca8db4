import { describe, expect, it } from 'vitest';
import { clusterAcrossSessions, type ProgrammeItem } from './clusters';

const item = (id: string, sessionId: string, text: string, kind = 'kendala'): ProgrammeItem => ({
	id,
	sessionId,
	text,
	kind
});

const ITEMS = [
	item('kk-1', 'kukar', 'Akses modal usaha sulit tanpa agunan'),
	item('kk-2', 'kukar', 'Sinyal sering putus'),
	item('ps-1', 'paser', 'Bank minta jaminan sertifikat tanah'),
	item('ps-2', 'paser', 'Jaringan seluler lemah di kampung'),
	item('sm-1', 'smd', 'KUR sulit cair'),
	item('sm-2', 'smd', 'Internet kada ada di dusun'),
	item('sm-3', 'smd', 'Banjir sering rendam tempat usaha')
];

const sets = (clusters: { itemIds: string[] }[]) => clusters.map((c) => [...c.itemIds].sort().join()).sort();

describe('clusterAcrossSessions', () => {
	it('gathers one issue said in other words in each region', () => {
		const clusters = clusterAcrossSessions(ITEMS);
		expect(sets(clusters)).toEqual(sets([
			{ itemIds: ['kk-1', 'ps-1', 'sm-1'] },
			{ itemIds: ['kk-2', 'ps-2', 'sm-2'] },
			{ itemIds: ['sm-3'] }
		]));
		const capital = clusters.find((c) => c.itemIds.includes('kk-1'))!;
		expect(capital.sessionIds).toEqual(['kukar', 'paser', 'smd']);
		expect(capital.kind).toBe('kendala');
		expect(capital.id).toBe('kk-1');
	});

	it('puts every item in exactly one cluster, a lone item in a cluster of its own named by its text', () => {
		const clusters = clusterAcrossSessions(ITEMS);
		const all = clusters.flatMap((c) => c.itemIds);
		expect(all.sort()).toEqual(ITEMS.map((i) => i.id).sort());
		const flood = clusters.find((c) => c.itemIds.includes('sm-3'))!;
		expect(flood).toMatchObject({ itemIds: ['sm-3'], sessionIds: ['smd'], name: 'Banjir sering rendam tempat usaha' });
	});

	it('orders clusters by how many sessions raised them, then size, then first item', () => {
		const clusters = clusterAcrossSessions(ITEMS);
		expect(clusters.map((c) => c.id)).toEqual(['kk-1', 'kk-2', 'sm-3']);
	});

	it('never mixes kinds', () => {
		const clusters = clusterAcrossSessions([
			item('a', 's1', 'Pelatihan pemasaran digital kurang'),
			item('b', 's2', 'Pelatihan pemasaran digital untuk UMKM', 'rekomendasi'),
			item('c', 's3', 'Bimtek pemasaran online bagi UMKM', 'rekomendasi')
		]);
		for (const c of clusters) expect(new Set(c.itemIds.map((id) => (id === 'a' ? 'k' : 'r'))).size).toBe(1);
		expect(sets(clusters)).toEqual(['a', 'b,c']);
	});

	it('keeps apart cards that say opposite things about the same words', () => {
		const clusters = clusterAcrossSessions([
			item('a', 's1', 'Sudah ada pelatihan pemasaran digital', 'peluang'),
			item('b', 's2', 'Belum ada pelatihan pemasaran digital', 'peluang')
		]);
		expect(sets(clusters)).toEqual(['a', 'b']);
	});

	it('names a cluster from its own words', () => {
		const clusters = clusterAcrossSessions([
			item('a', 's1', 'Pemasaran digital belum jalan'),
			item('b', 's2', 'Pelaku UMKM blm memanfaatkan pemasaran digital'),
			item('c', 's3', 'Pemasaran digital masih kurang')
		]);
		expect(clusters).toHaveLength(1);
		expect(clusters[0].name).toBe('Pemasaran digital');
	});

	it('gives the same clusters whatever order the items come in', () => {
		expect(sets(clusterAcrossSessions([...ITEMS].reverse()))).toEqual(sets(clusterAcrossSessions(ITEMS)));
	});

	it('finds nothing in nothing, and refuses an item id given twice', () => {
		expect(clusterAcrossSessions([])).toEqual([]);
		expect(() => clusterAcrossSessions([ITEMS[0], { ...ITEMS[1], id: 'kk-1' }])).toThrow(/kk-1/);
	});

	it('gathers the issues of other planning areas too, through their words and topics', () => {
		const clusters = clusterAcrossSessions([
			item('h1', 's1', 'Tenaga medis di puskesmas kurang'),
			item('e1', 's1', 'Guru SD di kampung kurang'),
			item('h2', 's2', 'Bidan desa tidak ada, berobat jauh'),
			item('e2', 's2', 'Tenaga pengajar di sekolah desa minim'),
			item('h3', 's3', 'Pustu kekurangan perawat'),
			item('e3', 's3', 'Sekolah kekurangan guru')
		]);
		expect(sets(clusters)).toEqual(['e1,e2,e3', 'h1,h2,h3']);
	});
});


describe('issue names', () => {
	it('names an issue by its shortest item holding a one-word name, and keeps a longer name as it is', () => {
		const items = [
			{ id: 'a', sessionId: 's1', kind: 'kendala', text: 'Sinyal sering putus di desa pesisir saat hujan deras turun' },
			{ id: 'b', sessionId: 's2', kind: 'kendala', text: 'Sinyal sering putus' },
			{ id: 'c', sessionId: 's3', kind: 'kendala', text: 'Sinyal hp sering hilang' }
		];
		const [issue] = clusterAcrossSessions(items).filter((c) => c.itemIds.length > 1);
		expect(issue.name).toBe('Sinyal sering putus');
		const digital = clusterAcrossSessions([
			{ id: 'd', sessionId: 's1', kind: 'kendala', text: 'Pemasaran digital pelaku UMKM masih lemah' },
			{ id: 'e', sessionId: 's2', kind: 'kendala', text: 'Pemasaran digital belum dikuasai' }
		]);
		expect(digital[0].name.split(' ').length).toBeGreaterThan(1);
	});
});

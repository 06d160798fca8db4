import { describe, expect, it } from 'vitest';
import { sampleFgd } from '$lib/testing/fgd';
import { buildMinutes } from './model';

const NOW = new Date('2025-10-24T04:30:00Z');

describe('buildMinutes', () => {
	it('describes the session with day, time and zone in the chosen language', async () => {
		const fgd = await sampleFgd();
		const id = await buildMinutes(fgd.db, fgd.session.id, 'id', NOW);
		expect(id.session).toMatchObject({
			code: fgd.session.code,
			day: 'Jumat, 24 Oktober 2025',
			time: '09.00 WITA',
			zone: 'WITA',
			organizers: ['DPMD Kutai Kartanegara', 'Yayasan Mitra Hijau'],
			status: 'open',
			closedAt: null,
			closedAtText: null
		});
		expect(id.generatedAtText).toBe('24 Oktober 2025 pukul 12.30 WITA');
		const en = await buildMinutes(fgd.db, fgd.session.id, 'en', NOW);
		expect(en.session).toMatchObject({ day: 'Friday, 24 October 2025', time: '09:00 WITA' });
	});

	it('records when a closed session ended', async () => {
		const fgd = await sampleFgd();
		await fgd.run('facilitator', { type: 'session.close' });
		const { session } = await buildMinutes(fgd.db, fgd.session.id, 'id', NOW);
		expect(session.status).toBe('closed');
		expect(session.closedAt).not.toBeNull();
		expect(session.closedAtText).toMatch(/WITA$/);
	});

	it('counts every group of the session, in order, with its label', async () => {
		const fgd = await sampleFgd();
		const { attendance } = await buildMinutes(fgd.db, fgd.session.id, 'en', NOW);
		expect(attendance.total).toBe(5);
		expect(attendance.byGroup.map((g) => [g.group, g.label, g.count])).toEqual([
			['pemerintah', 'Government', 2],
			['akademisi', 'Academia', 1],
			['dunia_usaha', 'Business / MSMEs', 1],
			['csr', 'Company CSR / community development', 0],
			['komunitas', 'Community / civil society', 1],
			['media', 'Media', 0],
			['lainnya', 'Other', 0]
		]);
		expect(attendance.participants[0]).toEqual({
			name: 'Siti Rahmawati',
			institution: 'Dinas Koperasi dan UKM',
			group: 'pemerintah',
			groupLabel: 'Government',
			position: '',
			sex: '',
			addedByStaff: false
		});
		expect(attendance.bySex).toBeNull();
	});

	it('reports constraints and opportunities as findings and keeps nothing of an anonymous author', async () => {
		const fgd = await sampleFgd();
		const minutes = await buildMinutes(fgd.db, fgd.session.id, 'id', NOW);
		expect(minutes.findings.map((f) => [f.kind, f.label, f.count])).toEqual([
			['kendala', 'Kendala', 2],
			['peluang', 'Peluang', 1]
		]);
		expect(minutes.recommendations).toMatchObject({ kind: 'rekomendasi', label: 'Rekomendasi' });
		const anonymous = minutes.findings[0].groups[0].items[1];
		expect(anonymous).toEqual({
			id: anonymous.id,
			kind: 'kendala',
			text: 'Program CSR dan program dinas berjalan sendiri-sendiri',
			anonymous: true,
			author: null,
			attribution: 'anonim',
			contributors: ['anonim'],
			themeId: null,
			mergedCount: 0,
			supporters: 0,
			votes: null
		});
		expect(minutes.findings[0].groups[0].items[0].author?.name).toBe('Siti Rahmawati');
	});

	it('drops deleted items and shows an edited item as it now reads', async () => {
		const fgd = await sampleFgd();
		const itemId = await fgd.post(fgd.people.dewi, 'peluang', 'Produk olahan lokal');
		await fgd.run(fgd.people.dewi, { type: 'item.edit', itemId, text: 'Produk olahan lokal punya pasar di Samarinda' });
		const texts = (await buildMinutes(fgd.db, fgd.session.id, 'id', NOW)).items.map((i) => i.text);
		expect(texts).toContain('Produk olahan lokal punya pasar di Samarinda');
		expect(texts).not.toContain('Produk olahan lokal');
		expect(texts).not.toContain('Teks yang kemudian dihapus');
	});

	it('leaves out items still waiting for approval', async () => {
		const fgd = await sampleFgd();
		await fgd.run('facilitator', { type: 'session.settings', preModeration: true });
		await fgd.post(fgd.people.dewi, 'peluang', 'Belum disetujui fasilitator');
		expect(JSON.stringify(await buildMinutes(fgd.db, fgd.session.id, 'id', NOW))).not.toContain('Belum disetujui');
	});

	it('masks phone numbers in names, institutions and item text', async () => {
		const fgd = await sampleFgd();
		await fgd.join('Pak Budi 081345678901', 'media', 'Radio Contoh (0541) 741234');
		const minutes = await buildMinutes(fgd.db, fgd.session.id, 'id', NOW);
		const budi = minutes.attendance.participants[5];
		expect(budi.name).toBe('Pak Budi 0813xxxxxx01');
		expect(budi.institution).toBe('Radio Contoh (0541) xxxx34');
		const recommendation = minutes.recommendations!.ranked[0].item;
		expect(recommendation.text).toBe('Hubungi pengurus di +62 81x xxxx xx78 untuk pelatihan');
		expect(recommendation.author?.institution).toBe('Koperasi Amplang, WA 0812-xxxx-xx90');
	});
});

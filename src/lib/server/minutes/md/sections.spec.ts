import { beforeAll, describe, expect, it } from 'vitest';
import { facilitatedFgd } from '$lib/testing/fgd';
import { renderMarkdown } from '../markdown';
import { buildMinutes } from '../model';
import { section } from '$lib/testing/markdown';

const NOW = new Date('2025-10-24T04:30:00Z');

let id = '';
let en = '';

beforeAll(async () => {
	const fgd = await facilitatedFgd();
	id = renderMarkdown(await buildMinutes(fgd.db, fgd.session.id, 'id', NOW));
	en = renderMarkdown(await buildMinutes(fgd.db, fgd.session.id, 'en', NOW));
});


const lines = (...parts: string[]) => parts.join('\n');

describe('Markdown minutes of a facilitated session', () => {
	it('puts themes under each kind, in order, ungrouped last', async () => {
		const findings = (md: string, heading: string) =>
			section(md, heading)
				.split('\n')
				.filter((l) => l.startsWith('#'));
		expect(findings(id, '## Pokok Hasil Diskusi')).toEqual([
			'### Kendala',
			'#### Permodalan',
			'#### Pemasaran',
			'#### Tanpa tema',
			'### Peluang',
			'#### Tanpa tema',
			'### Masukan per Kelompok Pemangku Kepentingan',
			'### Suara per Kelompok Pemangku Kepentingan'
		]);
		expect(findings(en, '## Key Findings')).toContain('#### Ungrouped');
	});

	it('names who ran the meeting, its basis, aims and agenda', async () => {
		expect(id).toContain('- **Pimpinan rapat:** Ir. Bambang Sutrisno, M.Si. (Kepala DPMD Kutai Kartanegara)');
		expect(id).toContain('- **Fasilitator:** Nur Aini');
		expect(id).toContain('- **Narasumber:** Dr. Andi Pratama (Universitas Contoh); Kepala Bidang UMKM Dinas Koperasi');
		expect(id).toContain('- **Notulis:** Rudi Hartono');
		expect(en).toContain('- **Minute-taker:** Rudi Hartono');
		expect(section(id, '## Dasar dan Tujuan')).toContain('- **Dasar:** Surat undangan Nomor 005/123/DPMD/2025');
		expect(section(en, '## Basis and Aims')).toContain('- **Aims:** Menghimpun kendala');
		expect(section(id, '## Susunan Acara')).toContain(lines('| Waktu | Kegiatan |', '| --- | --- |', '| 09.00–09.15 | Pembukaan dan sambutan |'));
	});

	it('gives the phase timeline and an attributed quote with its time', async () => {
		expect(section(id, '### Linimasa')).toContain(lines('- 10.15 WITA — Penulisan masukan secara mandiri', '- 10.40 WITA — Klarifikasi dan pengelompokan tema'));
		expect(section(en, '### Timeline')).toContain('- 12:15 WITA — Closing');
		const quote = '“Kami siap memfasilitasi akses KUR bagi kelompok usaha.”';
		expect(section(id, '### Catatan dan Kutipan')).toContain(
			lines('**Pembahasan tema prioritas**', '', `- 11.25 WITA — ${quote} — *Siti Rahmawati – Dinas Koperasi dan UKM – Pemerintah (OPD / kecamatan / desa)*`)
		);
		expect(section(en, '### Notes and Quotes')).toContain(`- 11:25 WITA — ${quote} — *Siti Rahmawati – Dinas Koperasi dan UKM – Government*`);
	});

	it('shows a theme with its items, their tallies and what was merged into them', async () => {
		const by = 'Siti Rahmawati – Dinas Koperasi dan UKM';
		expect(section(id, '#### Permodalan')).toContain(
			lines('1. Akses modal usaha sulit tanpa agunan\\', `   *Oleh: ${by} – Pemerintah (OPD / kecamatan / desa); Yusuf Hidayat – Kecamatan Loa Kulu – Pemerintah (OPD / kecamatan / desa) · 4 suara · gabungan dari 2 masukan*`)
		);
		expect(section(en, '#### Permodalan')).toContain(`   *By: ${by} – Government; Yusuf Hidayat – Kecamatan Loa Kulu – Government · 4 votes · merged from 2 items*`);
		// No opportunity got a counted dot: they were not put to a vote, so no "0 suara" on them.
		expect(section(id, '### Peluang')).toContain('*Oleh: Dewi Lestari – Universitas Contoh – Akademisi / Perguruan Tinggi*');
		expect(section(id, '### Peluang')).not.toContain('suara');
	});

	it('says which kinds were put to a vote', async () => {
		expect(section(id, '### Suara per Kelompok Pemangku Kepentingan')).toContain('Pemungutan suara dilakukan atas kendala dan rekomendasi; peluang tidak dipungut suaranya.');
		expect(section(en, '### Votes by Stakeholder Group')).toContain('The vote was held on constraints and recommendations; opportunities were not put to a vote.');
	});

	it('counts contributions per stakeholder group, anonymous ones apart', async () => {
		const id_ = section(id, '### Masukan per Kelompok Pemangku Kepentingan');
		expect(id_).toContain('| Jenis masukan | Pemerintah (OPD / kecamatan / desa) | Akademisi / Perguruan Tinggi |');
		expect(id_).toContain('| Media | Lainnya | Anonim | Total |');
		expect(id_).toContain('| Kendala | 1 | 0 | 1 | 0 | 0 | 0 | 0 | 1 | 3 |');
		expect(id_).toContain('| Rekomendasi | 0 | 1 | 1 | 0 | 0 | 0 | 0 | 1 | 3 |');
		expect(id_).toContain('| **Total** | **1** | **2** | **2** | **0** | **0** | **0** | **0** | **2** | **7** |');
		expect(section(en, '### Contributions by Stakeholder Group')).toContain('| Opportunities | 0 | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 1 |');
	});

	it('splits the votes on each target by group', async () => {
		const votes = section(id, '### Suara per Kelompok Pemangku Kepentingan');
		expect(votes).toContain('18 suara dari 4 peserta; setiap peserta memiliki 5 suara.');
		expect(votes).toContain('| Skema kredit lunak berbasis kelompok dengan pendampingan kampus | Rekomendasi | 3 | 2 | 0 | 0 | 2 | 0 | 0 | **7** |');
		expect(section(en, '### Votes by Stakeholder Group')).toContain('18 votes from 4 participants; each participant had 5.');
	});

	it('numbers the conclusions without doubling the numbers typed', async () => {
		const conclusions = section(id, '## Kesimpulan dan Kesepakatan');
		expect(conclusions).toContain(lines('1. Akses permodalan menjadi prioritas.', '2. Forum koordinasi CSR dan OPD dibentuk.'));
		expect(conclusions).not.toContain('1\\.');
	});

	it('ranks the recommendations and shows the constraint each addresses', async () => {
		expect(section(id, '## Rekomendasi')).toContain(
			lines(
				'1. Skema kredit lunak berbasis kelompok dengan pendampingan kampus\\',
				'   *Oleh: Dewi Lestari – Universitas Contoh – Akademisi / Perguruan Tinggi · 7 suara*',
				'   - **Kendala yang dijawab:** Akses modal usaha sulit tanpa agunan',
				'   - **Peluang yang dimanfaatkan:** Lahan bekas tambang untuk agrowisata',
				'2. Hubungi pengurus'
			)
		);
		expect(section(en, '## Recommendations')).toContain(
			lines('   *By: anonymous · 2 votes*', '   - **Constraints addressed:** Pemasaran produk masih terbatas di pasar lokal')
		);
	});

	it('prints an action row with every field', async () => {
		const head =
			'| No | Isu/masalah | Rekomendasi | Kegiatan | Keluaran | Indikator & target | Penanggung jawab | Mitra | Waktu | Sumber dana | Perkiraan biaya | Status | Keterangan |';
		const row = [
			'1',
			'Akses modal usaha sulit tanpa agunan',
			'Skema kredit lunak berbasis kelompok dengan pendampingan kampus',
			'Pelatihan dan pendampingan akses KUR',
			'40 pelaku UMKM terdampingi',
			'30 UMKM memperoleh KUR pada 2026',
			'Siti Rahmawati – Dinas Koperasi dan UKM – Pemerintah (OPD / kecamatan / desa)',
			'Bank daerah; Universitas Contoh',
			'Triwulan I–II 2026',
			'APBD',
			'Rp 150.000.000',
			'Berjalan',
			'Kontak bank 0812-xxxx-xx32'
		];
		const plan = section(id, '## Rencana Tindak Lanjut');
		expect(plan).toContain(head);
		expect(plan).toContain(`| ${row.join(' | ')} |`);
		expect(section(en, '## Follow-up Action Plan')).toContain('| Rp 150,000,000 | In progress | Kontak bank 0812-xxxx-xx32 |');
	});

	it('closes with the closing time and the customary sentence', async () => {
		expect(section(id, '## Penutup')).toBe(
			lines('', 'Diskusi ditutup pukul 12.15 WITA.', '', 'Demikian notulen ini dibuat untuk dipergunakan sebagaimana mestinya.', '')
		);
		expect(section(en, '## Closing')).toContain('The discussion closed at 12:15 WITA.');
	});

	it('leaves room to sign for the chair, then the minute-taker', async () => {
		const signOff = section(id, '## Pengesahan');
		expect(signOff).toBe(
			lines(
				'',
				'Kutai Kartanegara, 24 Oktober 2025',
				'',
				'Mengetahui,\\',
				'**Pimpinan Rapat,**\\',
				'Kepala DPMD Kutai Kartanegara',
				'',
				'',
				'',
				'**Ir. Bambang Sutrisno, M.Si.**\\',
				'NIP 19700512 199803 1 004',
				'',
				'**Notulis,**\\',
				'Staf Bidang Ekonomi',
				'',
				'',
				'',
				'**Rudi Hartono**\\',
				'NIP 19900303 201503 1 002',
				'',
				'Lampiran:',
				'',
				'1. Daftar hadir (5 orang)',
				'2. Daftar masukan dan hasil pemungutan suara (7 masukan)',
				''
			)
		);
		expect(section(en, '## Sign-off')).toContain(lines('Kutai Kartanegara, 24 October 2025', '', 'Acknowledged by,\\', '**Chair,**\\'));
	});

	it('attaches every reported item with its votes', async () => {
		const list = section(id, '### Daftar Masukan dan Hasil Pemungutan Suara');
		expect(list).toContain(
			'| 1 | Kendala | Permodalan | Akses modal usaha sulit tanpa agunan (gabungan dari 2 masukan) | Siti Rahmawati – Dinas Koperasi dan UKM – Pemerintah (OPD / kecamatan / desa); Yusuf Hidayat – Kecamatan Loa Kulu – Pemerintah (OPD / kecamatan / desa) | 4 |'
		);
		expect(list).toContain('| 7 | Rekomendasi | – | Forum koordinasi CSR dan OPD setiap triwulan | anonim | 2 |');
		expect(list.split('\n').filter((l) => /^\| \d/.test(l))).toHaveLength(7);
	});

	it('leaves out hidden and merged-away items everywhere', async () => {
		for (const md of [id, en]) {
			expect(md).not.toContain('Jual pulsa');
			expect(md).not.toContain('Modal usaha sulit diakses');
		}
	});

	it('keeps an anonymous author out of the findings, recommendations and quotes', async () => {
		for (const [md, headings] of [
			[id, ['## Pokok Hasil Diskusi', '## Rekomendasi', '### Catatan dan Kutipan', '## Rencana Tindak Lanjut']],
			[en, ['## Key Findings', '## Recommendations', '### Notes and Quotes', '## Follow-up Action Plan']]
		] as const) {
			for (const heading of headings) {
				expect(section(md, heading)).not.toContain('Rini');
				expect(section(md, heading)).not.toContain('Kelompok Tani');
			}
			// Her name is in the attendance list only.
			expect(md.split('Rini Anggraini').length - 1).toBe(1);
		}
	});
});

import { describe, expect, it } from 'vitest';
import { facilitatedFgd, newFgd } from '$lib/testing/fgd';
import { buildMinutes } from './model';
import { summarize } from './summary';

const NOW = new Date('2025-10-24T04:30:00Z');

describe('summarize', () => {
	const fgd = facilitatedFgd();
	const id = summarize(buildMinutes(fgd.db, fgd.session.id, 'id', NOW));
	const en = summarize(buildMinutes(fgd.db, fgd.session.id, 'en', NOW));

	it('gives the theme, the people by group, the top constraints and recommendations with votes, and the owners', () => {
		expect(id).toBe(
			[
				'*Ringkasan FGD: FGD Penguatan UMKM Pascatambang*',
				'Tema: UMKM di wilayah terdampak tambang',
				'Jumat, 24 Oktober 2025 · 09.00 WITA · Hotel Contoh, Samarinda',
				'Peserta: 5 orang (Pemerintah 2, Akademisi 1, Dunia Usaha 1, Komunitas 1)',
				'',
				'*Kendala teratas:*',
				'1. Akses modal usaha sulit tanpa agunan (4 suara)',
				'2. Pemasaran produk masih terbatas di pasar lokal (3 suara)',
				'3. Program CSR dan program dinas berjalan sendiri-sendiri (0 suara)',
				'',
				'*Rekomendasi teratas:*',
				'1. Skema kredit lunak berbasis kelompok dengan pendampingan kampus (7 suara)',
				'   → menjawab: Akses modal usaha sulit tanpa agunan',
				'2. Hubungi pengurus di +62 81x xxxx xx78 untuk pelatihan (2 suara)',
				'3. Forum koordinasi CSR dan OPD setiap triwulan (2 suara)',
				'   → menjawab: Pemasaran produk masih terbatas di pasar lokal',
				'',
				'*Penanggung jawab tindak lanjut:* Siti Rahmawati, Dinas Koperasi dan UKM',
				''
			].join('\n')
		);
	});

	it('speaks English and stays short enough for a chat message', () => {
		expect(en).toContain('*Top recommendations:*');
		expect(en).toContain('Participants: 5 (Government 2, Academia 1, Business 1, Community 1)');
		expect(en.length).toBeLessThan(1500);
	});

	it('names nobody who wrote anonymously', () => {
		expect(id).not.toContain('Rini');
	});

	it('says when the session is still open and nothing was posted', () => {
		const empty = newFgd();
		const text = summarize(buildMinutes(empty.db, empty.session.id, 'en', NOW));
		expect(text).toContain('(provisional: the discussion is still open)');
		expect(text).toContain('*Follow-up owners:* none yet');
	});
});

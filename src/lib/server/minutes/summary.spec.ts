import { describe, expect, it } from 'vitest';
import { facilitatedFgd, newFgd, sampleFgd } from '$lib/testing/fgd';
import { buildMinutes, type MinutesItem } from './model';
import { summarize, topVoted } from './summary';

const NOW = new Date('2025-10-24T04:30:00Z');

describe('summarize', async () => {
	const fgd = await facilitatedFgd();
	const id = summarize(await buildMinutes(fgd.db, fgd.session.id, 'id', NOW));
	const en = summarize(await buildMinutes(fgd.db, fgd.session.id, 'en', NOW));

	it('gives the theme, the people by group, the top constraints and recommendations with votes, and the owners', async () => {
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

	it('speaks English and stays short enough for a chat message', async () => {
		expect(en).toContain('*Top recommendations:*');
		expect(en).toContain('Participants: 5 (Government 2, Academia 1, Business 1, Community 1)');
		expect(en.length).toBeLessThan(1500);
	});

	it('names nobody who wrote anonymously', async () => {
		expect(id).not.toContain('Rini');
	});

	it('says when the session is still open and nothing was posted', async () => {
		const empty = await newFgd();
		const text = summarize(await buildMinutes(empty.db, empty.session.id, 'en', NOW));
		expect(text).toContain('(provisional: the discussion is still open)');
		expect(text).toContain('*Follow-up owners:* none yet');
	});

	it('ranks only what was voted on: a card nobody chose is not among the top', async () => {
		expect(id).not.toContain('Program CSR dan program dinas');
		expect(id).not.toContain('(0 suara)');
	});

	it('says so when items were posted but nobody has voted', async () => {
		const posted = await sampleFgd();
		const text = summarize(await buildMinutes(posted.db, posted.session.id, 'id', NOW));
		expect(text).toContain('*Kendala teratas:*\n– belum ada yang dipilih (belum ada suara)\n');
		expect(text).toContain('*Rekomendasi teratas:*\n– belum ada yang dipilih (belum ada suara)\n');
		expect(text).not.toMatch(/^1\. /m);
		const en = summarize(await buildMinutes(posted.db, posted.session.id, 'en', NOW));
		expect(en).toContain('– nothing voted on yet');
	});
});

describe('topVoted', () => {
	// Only `votes` matters to the ranking.
	const item = (votes: number | null) => ({ votes }) as MinutesItem;
	it('keeps the three with most votes, in order, ties in their given order, and drops zero and unvoted', async () => {
		const entries = [item(0), item(2), item(null), item(5), item(2), item(1)];
		const top = topVoted(entries, (e) => e);
		expect(top).toEqual([entries[3], entries[1], entries[4]]);
		expect(topVoted([item(0), item(null)], (e) => e)).toEqual([]);
	});
});

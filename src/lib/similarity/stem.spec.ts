import { describe, expect, it } from 'vitest';
import { stem } from './stem';

describe('stem', () => {
	it.each([
		// the prefixes, each sound change of meN-/peN-, and the confixes
		['mendapatkan', 'dapat'],
		['memanfaatkan', 'manfaat'],
		['dimanfaatkan', 'manfaat'],
		['memasarkan', 'pasar'],
		['menggunakan', 'guna'],
		['menyediakan', 'sedia'],
		['meningkatkan', 'tingkat'],
		['melatih', 'latih'],
		['memakai', 'pakai'],
		['memperkuat', 'kuat'],
		['memberdayakan', 'daya'],
		['menjualnya', 'jual'],
		['didampingi', 'damping'],
		['diperbaiki', 'baik'],
		['berjalan', 'jalan'],
		['bekerja', 'kerja'],
		['terbatas', 'batas'],
		['pemasaran', 'pasar'],
		['pembiayaan', 'biaya'],
		['pelatihan', 'latih'],
		['penjualan', 'jual'],
		['pengolahan', 'olah'],
		['pengembangan', 'kembang'],
		['pengelolaan', 'kelola'],
		// ke-…-an is never doubled, but may sit inside ber-
		['kekeringan', 'kering'],
		['berkelanjutan', 'lanjut'],
		// roots the stemmer keeps where a prefix could hide two (pe+rumah, not per+umah)
		['perumahan', 'rumah'],
		['perawatan', 'rawat'],
		['dirawat', 'rawat'],
		['perajin', 'rajin'],
		['pengrajin', 'rajin'],
		['pemukiman', 'mukim'],
		['permukiman', 'mukim'],
		['pengunjung', 'kunjung'],
		['kunjungan', 'kunjung'],
		['kemasan', 'kemas'],
		['pengemasan', 'kemas'],
		['pendampingan', 'damping'],
		['penyuluhan', 'suluh'],
		['pengusaha', 'usaha'],
		['pemberdayaan', 'daya'],
		['perikanan', 'ikan'],
		['pertanian', 'tani'],
		['peternakan', 'ternak'],
		['pendidikan', 'didik'],
		['permodalan', 'modal'],
		['pekerjaan', 'kerja'],
		['kesulitan', 'sulit'],
		['kerusakan', 'rusak'],
		['keterbatasan', 'batas'],
		['keberlanjutan', 'lanjut'],
		['berkelanjutan', 'lanjut'],
		['menurun', 'turun'],
		['penurunan', 'turun'],
		['bantuan', 'bantu'],
		['kebijakan', 'bijak'],
		['mengolahlah', 'olah']
	])('%s → %s', (word, root) => {
		expect(stem(word)).toBe(root);
	});

	it.each([
		// short roots, roots that look affixed, loanwords, and nouns that must keep their affix
		'pasar',
		'desa',
		'dana',
		'modal',
		'perlu',
		'menu',
		'tambang',
		'lahan',
		'iklan',
		'peran',
		'bersih',
		'industri',
		'promosi',
		'digital',
		'dinas',
		'kelompok',
		'masalah',
		'sekolah',
		'pendapatan',
		'perusahaan'
	])('keeps %s whole', (word) => {
		expect(stem(word)).toBe(word);
	});

	it('stops at the root a nasal prefix leaves, instead of peeling a second prefix', () => {
		expect(stem('pemerintah')).toBe('perintah');
		expect(stem('pemerintahan')).toBe('perintah');
	});
});

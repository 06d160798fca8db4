// The facilitated part of the sample FGD for `npm run demo`: details for the minutes, themes,
// dot votes, links, the action plan and the minute-taker's notes. Invented, like demo-data.mjs.
// Items are named by the start of their text.

export const details = {
	number: '005/231/DPMD/X/2025',
	startTime: '09:00',
	endTime: '12:15',
	agenda: [
		{ time: '08.30', activity: 'Registrasi peserta' },
		{ time: '09.00', activity: 'Pembukaan dan sambutan Kepala DPMD Kutai Kartanegara' },
		{ time: '09.20', activity: 'Paparan: ekonomi daerah pascatambang (Universitas Mulawarman)' },
		{ time: '09.50', activity: 'Diskusi kelompok terarah: kendala, peluang, rekomendasi' },
		{ time: '11.30', activity: 'Penyusunan rencana tindak lanjut' },
		{ time: '12.00', activity: 'Penutupan' }
	],
	chair: 'Ir. Hendra Wijaya, M.Si. (contoh)',
	chairPosition: 'Kepala Bidang Pemberdayaan Ekonomi Masyarakat, DPMD Kutai Kartanegara',
	chairRank: 'Pembina (IV/a)',
	chairNip: '19750312 200003 1 004',
	facilitatorName: 'Lestari Handayani (contoh)',
	speakers: ['Dr. Andi Kurniawan – Universitas Mulawarman', 'Ahmad Fauzi – Yayasan Mitra Hijau'],
	minuteTaker: 'Rina Oktaviani, S.E. (contoh)',
	minuteTakerPosition: 'Analis Pemberdayaan Masyarakat, DPMD Kutai Kartanegara',
	minuteTakerRank: 'Penata Muda Tk. I (III/b)',
	minuteTakerNip: '19900718 201503 2 006',
	// DPMD Kutai Kartanegara signs in Tenggarong, the regency's seat, whatever the venue.
	signingPlace: 'Tenggarong',
	copies: [
		'Bupati Kutai Kartanegara (sebagai laporan)',
		'Kepala Bappeda Kabupaten Kutai Kartanegara',
		'Ketua Yayasan Mitra Hijau',
		'Dekan Fakultas Ekonomi dan Bisnis Universitas Mulawarman'
	],
	paraf: ['Sekretaris DPMD', 'Kabid PEM'],
	basis: 'Surat undangan Kepala DPMD Kabupaten Kutai Kartanegara Nomor 005/214/DPMD/X/2025 (contoh)',
	aims: 'Memetakan kendala UMKM di wilayah terdampak tambang, mengenali peluang baru, dan menyepakati rekomendasi serta rencana tindak lanjut bersama pemerintah, dunia usaha, CSR/PPM, komunitas dan akademisi.',
	conclusions:
		'Peserta sepakat bahwa akses permodalan, kapasitas pemasaran digital, dan keterpaduan program CSR dengan program pemerintah daerah adalah tiga prioritas penguatan UMKM pascatambang.'
};

/** Each theme takes the items whose text contains one of its words. */
export const themes = [
	{ name: 'Akses permodalan', words: ['modal', 'pembiayaan', 'pesangon', 'menabung', 'Dana Desa'] },
	{ name: 'Kapasitas & pemasaran digital', words: ['digital', 'marketplace', 'katalog', 'Kemasan', 'kemasan', 'Pembukuan', 'internet'] },
	{ name: 'Kolaborasi pemerintah–CSR', words: ['CSR', 'koordinasi', 'Satu data', 'Data UMKM', 'perizinan', 'NIB'] }
];

/** Recommendation → the constraints it addresses and the opportunities it uses. */
export const links = [
	['Forum koordinasi CSR', ['Program CSR perusahaan', 'Bantuan CSR sering', 'Dana CSR/PPM']],
	['Pelatihan pemasaran digital', ['Pelaku UMKM belum memanfaatkan', 'Mahasiswa KKN', 'Penjualan lewat marketplace']],
	['Skema pembiayaan bergulir', ['Akses modal usaha', 'Kelompok perempuan sudah', 'Sebagian pekerja tambang']],
	['Satu data UMKM', ['Data UMKM belum terpadu']],
	['Klinik perizinan keliling', ['Mengurus NIB']],
	['Rumah kemasan bersama', ['Kemasan produk kurang']]
];

/** Recommendations people put their dots on, in order of preference (3 dots, then 2). */
export const favourites = [
	'Skema pembiayaan bergulir',
	'Pelatihan pemasaran digital',
	'Forum koordinasi CSR',
	'Inkubator UMKM',
	'Satu data UMKM',
	'Klinik perizinan keliling'
];

export const actions = [
	{
		issues: ['Program CSR perusahaan'],
		recommendation: 'Forum koordinasi CSR',
		activity: 'Membentuk forum koordinasi CSR–pemerintah daerah di 3 kecamatan percontohan',
		output: 'SK forum dan kalender rapat triwulanan',
		indicator: '3 forum aktif; 2 program bersama per forum pada 2026',
		pic: { name: 'Sri Wahyuningsih', institution: 'DPMD Kabupaten Kutai Kartanegara', group: 'pemerintah' },
		partners: 'Perusahaan pemegang IUP, camat, Yayasan Mitra Hijau',
		timeframe: 'Triwulan I 2026',
		funding: 'APBD',
		cost: 150000000,
		status: 'rencana',
		remarks: 'Dimulai di Loa Kulu, Tenggarong Seberang, Muara Badak'
	},
	{
		issues: ['Pelaku UMKM belum memanfaatkan'],
		recommendation: 'Pelatihan pemasaran digital',
		activity: 'Pelatihan dan pendampingan pemasaran digital 6 bulan untuk 100 UMKM',
		output: '100 UMKM punya katalog dan toko daring',
		indicator: 'Omzet daring naik 20 % pada 60 % peserta',
		pic: { name: 'Dr. Andi Kurniawan', institution: 'Universitas Mulawarman', group: 'akademisi' },
		partners: 'Dinas Koperasi dan UKM, mahasiswa KKN, radio komunitas',
		timeframe: 'Maret–Agustus 2026',
		funding: 'CSR/PPM',
		cost: 275000000,
		status: 'rencana',
		remarks: ''
	},
	{
		issues: ['Akses modal usaha'],
		recommendation: 'Skema pembiayaan bergulir',
		activity: 'Menyusun skema dana bergulir berbasis kelompok untuk UMKM pascatambang',
		output: 'Peraturan bupati dan SOP penyaluran',
		indicator: 'Skema disahkan; 50 kelompok penerima tahun pertama',
		pic: { name: 'Muhammad Rizky Pratama', institution: 'Dinas Koperasi dan UKM Kabupaten Paser', group: 'pemerintah' },
		partners: 'Bank daerah, BUMDes, perusahaan (PPM)',
		timeframe: '2026',
		funding: 'Belum ditentukan',
		cost: null,
		status: 'rencana',
		remarks: 'Perlu kajian kelayakan bersama akademisi'
	}
];

/** The minute-taker's record: free notes per phase and quotes by participant (`by`). */
export const notes = {
	reveal: ['Fasilitator membacakan semua masukan; peserta meminta penjelasan atas beberapa kendala perizinan.'],
	discussion: ['Diskusi menekankan perlunya satu pintu koordinasi antara program dinas dan CSR.'],
	quotes: [
		{ by: 'aminah', text: 'Kami bukan tidak mau naik kelas, tapi bank selalu minta agunan yang tidak kami punya.' },
		{ by: 'bayu', text: 'Dana PPM ada setiap tahun; yang kurang adalah rencana bersama supaya tidak tumpang tindih.' }
	]
};

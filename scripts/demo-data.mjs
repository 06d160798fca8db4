// Sample FGD for `npm run demo`. The setting follows shared/domain/sample-fgd.md (a real
// event's theme, organizers, date and regions); every person, company and contribution below
// is invented, and invented organisations are marked "(contoh)".

export const session = {
	title: 'FGD Penguatan UMKM di Wilayah Terdampak Tambang (data contoh)',
	theme:
		'Penguatan UMKM di wilayah terdampak tambang untuk ekonomi lokal yang berkelanjutan dalam transisi energi pascatambang',
	startsAt: '2025-10-24T09:00',
	timeZone: 'Asia/Makassar',
	venue: 'Ballroom Hotel Tepian Mahakam (contoh), Samarinda',
	organizers: ['DPMD Kutai Kartanegara', 'Yayasan Mitra Hijau', 'Universitas Mulawarman'],
	region: 'Kutai Kartanegara, Paser, Samarinda',
	minutesLanguage: 'id',
	allowAnonymous: true
};

/** `ref` names a participant inside this file only; it is never sent. */
export const participants = [
	{ ref: 'sri', name: 'Sri Wahyuningsih', group: 'pemerintah', institution: 'DPMD Kabupaten Kutai Kartanegara' },
	{ ref: 'rizky', name: 'Muhammad Rizky Pratama', group: 'pemerintah', institution: 'Dinas Koperasi dan UKM Kabupaten Paser' },
	{ ref: 'agus', name: 'Agus Setiawan', group: 'pemerintah', institution: 'Kantor Kecamatan Loa Kulu' },
	{ ref: 'nurhayati', name: 'Nurhayati', group: 'pemerintah', institution: 'Pemerintah Desa Karya Bersama (contoh)' },
	{ ref: 'andi', name: 'Dr. Andi Kurniawan', group: 'akademisi', institution: 'Universitas Mulawarman' },
	{ ref: 'ratna', name: 'Ratna Sari Dewi', group: 'akademisi', institution: 'Politeknik Negeri Samarinda' },
	{ ref: 'fajar', name: 'Fajar Nugroho', group: 'akademisi', institution: 'Pusat Kajian Ekonomi Daerah (contoh)' },
	{ ref: 'aminah', name: 'Hj. Siti Aminah', group: 'dunia_usaha', institution: 'UMKM Amplang Bu Aminah (contoh)' },
	{ ref: 'rudi', name: 'Rudi Hartono', group: 'dunia_usaha', institution: 'Koperasi Kerupuk Ikan Muara Badak (contoh)' },
	{ ref: 'yohanes', name: 'Yohanes Lawing', group: 'dunia_usaha', institution: 'Asosiasi Pelaku Kuliner Kaltim (contoh)' },
	{ ref: 'dian', name: 'Dian Puspitasari', group: 'dunia_usaha', institution: 'Toko daring Rasa Etam (contoh)' },
	{ ref: 'bayu', name: 'Bayu Saputra', group: 'csr', institution: 'PT Batu Hitam Lestari (contoh), bagian PPM' },
	{ ref: 'maria', name: 'Maria Ulfa', group: 'csr', institution: 'PT Energi Borneo Sejahtera (contoh), CSR' },
	{ ref: 'ahmad', name: 'Ahmad Fauzi', group: 'komunitas', institution: 'Yayasan Mitra Hijau' },
	{ ref: 'wulan', name: 'Wulan Sari', group: 'komunitas', institution: 'Kelompok Wanita Tani Melati (contoh)' },
	{ ref: 'daeng', name: 'Daeng Rahman', group: 'komunitas', institution: 'Karang Taruna Loa Kulu (contoh)' },
	{ ref: 'irfan', name: 'Irfan Maulana', group: 'media', institution: 'Radio Komunitas Suara Mahakam (contoh)' },
	{ ref: 'petrus', name: 'Petrus Jiu', group: 'lainnya', institution: 'Tokoh adat, Kecamatan Long Ikis' }
];

const kendala = (by, text, anonymous = false) => ({ kind: 'kendala', by, text, anonymous });
const peluang = (by, text, anonymous = false) => ({ kind: 'peluang', by, text, anonymous });
const rekomendasi = (by, text, anonymous = false) => ({ kind: 'rekomendasi', by, text, anonymous });
const ANONYMOUS = true;

/** In posting order, kinds interleaved as they would be in a silent-writing round. */
export const items = [
	kendala('aminah', 'Akses modal usaha sulit tanpa agunan'),
	peluang('bayu', 'Lahan bekas tambang untuk agrowisata dan perikanan'),
	kendala('andi', 'Pelaku UMKM belum memanfaatkan pemasaran digital'),
	kendala('wulan', 'Program CSR perusahaan dan program dinas berjalan sendiri-sendiri', ANONYMOUS),
	peluang('aminah', 'Produk olahan lokal (amplang, kerupuk ikan) punya pasar di Samarinda'),
	kendala('daeng', 'Pendapatan warga turun setelah tambang berhenti'),
	rekomendasi('sri', 'Forum koordinasi CSR–pemerintah daerah per kecamatan'),
	peluang('maria', 'Dana CSR/PPM bisa diarahkan ke inkubasi UMKM'),
	kendala('rizky', 'Pembukuan dan perhitungan harga pokok belum dilakukan sebagian besar pelaku usaha'),
	rekomendasi('andi', 'Pelatihan pemasaran digital dan pendampingan berkelanjutan bersama universitas'),
	kendala('rudi', 'Mengurus NIB, PIRT dan sertifikat halal makan waktu dan biaya'),
	peluang('nurhayati', 'Dana Desa dapat membiayai BUMDes sebagai pengumpul dan pemasar produk warga'),
	rekomendasi('rizky', 'Skema pembiayaan bergulir untuk UMKM pascatambang'),
	kendala('nurhayati', 'Sinyal internet di desa lingkar tambang sering putus'),
	peluang('ratna', 'Mahasiswa KKN dapat mendampingi UMKM membuat katalog dan toko daring'),
	kendala('dian', 'Kemasan produk kurang menarik sehingga kalah bersaing di toko modern'),
	kendala('daeng', 'Lapangan kerja alternatif sedikit; banyak pemuda merantau ke Samarinda dan Balikpapan', ANONYMOUS),
	peluang('dian', 'Penjualan lewat marketplace dan media sosial sudah terbukti menaikkan omzet beberapa UMKM'),
	kendala('maria', 'Bantuan CSR sering berupa barang sekali beri, tanpa pendampingan lanjutan', ANONYMOUS),
	rekomendasi('agus', 'Satu data UMKM kabupaten yang dipakai bersama oleh dinas, desa dan perusahaan'),
	kendala('agus', 'Data UMKM belum terpadu: tiap instansi punya daftar sendiri'),
	peluang('yohanes', 'Wisata sejarah dan budaya Kutai di Tenggarong menarik pengunjung yang mencari oleh-oleh'),
	kendala('rudi', 'Harga ikan bahan baku naik saat musim angin; margin sering < 10%'),
	peluang('fajar', 'Pembangunan IKN menambah permintaan pangan olahan dan kuliner dari Kaltim'),
	rekomendasi('rudi', 'Klinik perizinan keliling untuk NIB, PIRT dan sertifikasi halal di tiap kecamatan'),
	peluang('irfan', 'Radio dan media lokal siap memberi ruang promosi gratis untuk produk UMKM'),
	kendala('petrus', 'Status lahan bekas tambang dan tanggung jawab reklamasinya belum jelas bagi warga'),
	peluang('wulan', 'Kelompok perempuan sudah terbiasa menabung bersama; modal sosialnya kuat'),
	rekomendasi('dian', 'Rumah kemasan bersama di tingkat kabupaten dengan desain dan label gizi'),
	peluang('bayu', 'Sebagian pekerja tambang yang terkena PHK punya pesangon dan siap berwirausaha', ANONYMOUS),
	rekomendasi('ahmad', 'Peta jalan pemanfaatan lahan bekas tambang yang disepakati pemerintah, perusahaan dan warga'),
	peluang('petrus', 'Hasil hutan bukan kayu (madu kelulut, rotan) bernilai jual tinggi'),
	rekomendasi('maria', 'Inkubator UMKM dengan target terukur, dibiayai CSR/PPM secara multitahun'),
	rekomendasi('daeng', 'Program magang & kewirausahaan untuk pemuda desa lingkar tambang'),
	rekomendasi('petrus', 'Libatkan lembaga adat dalam perencanaan penggunaan lahan pascatambang'),
	rekomendasi('wulan', 'Evaluasi tahunan bersama atas program CSR dengan indikator pendapatan warga', ANONYMOUS),
	rekomendasi('ahmad', 'Sekretariat forum koordinasi dibuka di Tenggarong; pendaftaran lewat WA 0812-3456-7890')
];

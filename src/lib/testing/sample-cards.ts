/**
 * Cards a session like the sample FGD (UMKM in post-mining Kutai Kartanegara) could collect,
 * invented for the tests and typed the way phones type: shorthand, a few typos, mixed case.
 * Each id names the theme a facilitator would put the card under; `x-` cards stand alone.
 */
export const SAMPLE_ITEMS = [
	// Capital access
	{ id: 'modal-1', text: 'Akses modal usaha sulit tanpa agunan' },
	{ id: 'modal-2', text: 'Sulit mendapatkan modal usaha dari bank' },
	{ id: 'modal-3', text: 'Permodalan UMKM terbatas, bunga pinjaman tinggi' },
	{ id: 'modal-4', text: 'Skema pembiayaan bergulir untuk UMKM pascatambang' },
	{ id: 'modal-5', text: 'modla usaha kurang, susah pinjam ke bank' },
	{ id: 'modal-6', text: 'KUR belum menjangkau pelaku usaha di desa' },
	// Digital marketing
	{ id: 'digital-1', text: 'Pelaku UMKM belum memanfaatkan pemasaran digital' },
	{ id: 'digital-2', text: 'UMKM kurang memakai pemasaran online' },
	{
		id: 'digital-3',
		text: 'Pelatihan pemasaran digital dan pendampingan berkelanjutan bersama universitas'
	},
	{ id: 'digital-4', text: 'Produk lokal bisa dijual lewat marketplace dan medsos' },
	{ id: 'digital-5', text: 'Banyak pelaku usaha blm bisa jualan online' },
	{ id: 'digital-6', text: 'pemasran produk masih manual, belum digital' },
	// CSR and government working apart
	{ id: 'csr-1', text: 'Program CSR perusahaan dan program dinas berjalan sendiri-sendiri' },
	{ id: 'csr-2', text: 'Kurang koordinasi antara CSR perusahaan dan pemerintah daerah' },
	{ id: 'csr-3', text: 'Forum koordinasi CSR–pemerintah daerah per kecamatan' },
	{ id: 'csr-4', text: 'Program PPM perusahaan tambang tidak sejalan dengan program pemda' },
	// Land left by mining
	{ id: 'lahan-1', text: 'Lahan bekas tambang untuk agrowisata dan perikanan' },
	{ id: 'lahan-2', text: 'Manfaatkan lahan pascatambang untuk wisata dan budidaya ikan' },
	{ id: 'lahan-3', text: 'Kolam bekas galian tambang bisa jadi tempat budidaya ikan' },
	// Income after the mines close
	{ id: 'income-1', text: 'Pendapatan warga turun setelah tambang berhenti' },
	{ id: 'income-2', text: 'Penghasilan masyarakat menurun sejak tambang tutup' },
	{ id: 'income-3', text: 'Minim lapangan kerja alternatif selain tambang' },
	// Business skills
	{ id: 'skill-1', text: 'Kapasitas manajemen usaha pelaku UMKM masih rendah' },
	{ id: 'skill-2', text: 'Pelatihan pembukuan dan manajemen keuangan untuk UMKM' },
	{ id: 'skill-3', text: 'Pendampingan usaha oleh akademisi secara rutin' },
	// Local products
	{ id: 'produk-1', text: 'Produk olahan lokal (amplang, kerupuk ikan) punya pasar di Samarinda' },
	{ id: 'produk-2', text: 'Kemasan produk olahan kurang menarik' },
	{ id: 'produk-3', text: 'Sertifikasi halal dan izin PIRT untuk produk olahan' },
	// On their own
	{ id: 'x-jalan', text: 'Jalan desa rusak, ongkos kirim mahal' },
	{ id: 'x-sinyal', text: 'Sinyal internet lemah di desa terpencil' },
	{ id: 'x-inkubasi', text: 'Dana CSR/PPM bisa diarahkan ke inkubasi UMKM' }
];

/** The theme a card belongs to, from its id. */
export const themeOf = (id: string) => id.split('-')[0];

/**
 * The domain thesaurus: words and phrases that FGD participants in East Kalimantan use for one
 * thing, kept as data so that it can be read, reviewed and extended without touching code.
 * Covers planning, UMKM (small business), village, infrastructure, mining and regional (Banjar,
 * Kutai) vocabulary, with abbreviations as members of their expansion's set.
 *
 * It is one string (not an array of quoted words) because this module ships to phones: a string
 * minifies to itself. Format, one set per line:
 *
 *   head, member, member phrase, …
 *
 * All lowercase ASCII. The head is one word (the token the whole set becomes); members are words,
 * matched as typed or by their stem, or phrases of several words, matched as typed (after
 * normalising) and replaced by the head before anything else: "usaha mikro" → "umkm".
 * A head may be several stems joined by "_" ("pemda" means "pemerintah daerah"), and "~" there
 * is a lack ("jalan sendiri-sendiri" means "kurang koordinasi").
 * No word or phrase may appear in two sets (thesaurus.spec.ts checks it).
 */
export const SYNONYMS = `
guna, pakai, manfaat
digital, online, daring, marketplace, medsos, sosmed, media sosial, ecommerce, e commerce, shopee, tokopedia, tiktok shop, tiktok, instagram, facebook, youtube, whatsapp, website, situs web
jual, marketing, dagang, jualan, pemasaran, memasarkan, dipasarkan, pasarkan, pemasarannya
akses, dapat, oleh, jangkau
modal, biaya, kredit, pinjam, permodalan, kur, kredit usaha rakyat, pinjaman lunak, dana bergulir, pembiayaan bergulir, pinjaman bergulir, modal bergulir, modal kerja, dana usaha
agunan, jamin, jaminan, anggunan, collateral
sinergi, koordinasi, kolaborasi, kerjasama, bekerjasama, sinkron, sinkronisasi, selaras, sejalan, terpadu, integrasi
~_aktif, mati suri, vakum, pasif
~_lanjut, cuma sekali, hanya sekali, sekali saja
~_digital, gaptek, gagap teknologi
~_tepat_sasar, salah sasaran, salah sasar
~_awet, basi, cepat basi, busuk, cepat busuk, tidak tahan lama, tidak awet
~_sinergi, jalan sendiri, berjalan sendiri, kerja sendiri, bekerja sendiri, ego sektoral, egosektoral, tumpang tindih
pendapatan, penghasilan, income, pemasukan, omzet, omset
umkm, ukm, ikm, usaha mikro kecil menengah, usaha mikro kecil dan menengah, usaha mikro, usaha kecil, usaha rumahan, industri rumah tangga, irt
latih, bimtek, bimbingan teknis, kursus, diklat, workshop, training, suluh, sekolah lapang, blk, balai latihan kerja
damping, bina, mentor, mentoring, asistensi, coaching
kapasitas, mampu, kemampuan, terampil, keterampilan, ampil, skill, ahli, kompetensi, sdm, sumber daya manusia
sinyal, internet, seluler, tower, menara, jaringan seluler, jaringan internet, jaringan telepon, jaringan hp, telkomsel, wifi, bts, 4g, blank spot, blankspot, koneksi, signal
listrik, pln, mati lampu
padam, byarpet, byar pet
jalan, jln, jut, jalan usaha tani, jalan tani, jalan poros, jalan lingkungan
laksana, berjalan, dijalankan, menjalankan, jalankan, pelaksanaan
rusak, hancur, jelek, buruk, ambruk, lapuk, rapuh, keropos, berlubang, bolong
turun, anjlok, jatuh, merosot
pdam, air bersih, air minum, banyu bersih, air leding
air, banyu
perahu, kapal, klotok, ketinting, ces, speedboat, longboat, jukung
dermaga, pelabuhan, tambatan perahu
tambang, batubara, batu bara, pertambangan
peti, tambang ilegal, tambang liar, pertambangan tanpa izin
pascatambang, pasca tambang, bekas tambang, eks tambang, tambang tutup, tambang berhenti, penutupan tambang, void, lubang tambang, lubang bekas tambang, kolam bekas tambang, kolam tambang, bekas galian tambang
csr, ppm, tjsl, tanggung jawab sosial perusahaan, tanggung jawab sosial, program pengembangan masyarakat, pengembangan dan pemberdayaan masyarakat
perusahaan, korporasi, swasta
dinas, opd, skpd, organisasi perangkat daerah, instansi
dinas_industri_jual, disperindag
dinas_koperasi_umkm, diskop, diskopukm, diskumkm
dinas_wisata, dispar, disbudpar
dinas_sehat, dinkes
dinas_didik, disdik, disdikbud
dinas_tani, distan, dispertan
dinas_buruh, disnaker, disnakertrans
dinas_laut_ikan, dkp, diskan
bappeda, badan perencanaan pembangunan daerah
plut, pusat layanan usaha terpadu
bumdes, bumdesa, bum desa, badan usaha milik desa
pad, pendapatan asli daerah
pokdarwis, kelompok sadar wisata
wisata, pariwisata, destinasi, objek wisata, tempat wisata, tujuan wisata, daerah tujuan wisata
kebun, ladang, huma, pahumaan
mahal, larang, harga tinggi, harganya tinggi
izin, ijin, perizinan, perijinan, nib, pirt, sppirt, legalitas, pangan industri rumah tangga, nomor induk berusaha, izin edar
halal, sertifikat halal, sertifikasi halal, label halal
kemas, packaging, bungkus
anggaran, dana, anggar, apbd, apbn
anggaran_desa, dana desa, alokasi dana desa, dd, add, apbdes
musrenbang, musyawarah perencanaan pembangunan
forum, wadah, paguyuban
usul, aspirasi, masukan
loker, lapangan kerja, lowongan kerja, lapangan pekerjaan, peluang kerja, kesempatan kerja
bahanbaku, bahan baku, bahan mentah
alat, mesin, peralatan, alsintan, traktor
gudang, simpan, cold storage, coldstorage
banjir, genang, kebanjiran
karhutla, kebakaran hutan, kebakaran lahan
sawit, kelapa sawit
koperasi, kopdes, kdmp, kud, koperasi unit desa
pemuda, generasi muda, anak muda, milenial, gen z, karang taruna
perempuan, wanita, ibu, emak, pkk
aturan, regulasi, perda, perbup, perdes, bijak
ribet, belit, rumit, repot
lambat, lama, telat, lemot, lawas
cair, pencairan
bantu, hibah, bansos, fasilitasi, blt, bantuan langsung tunai
ongkir, ongkos kirim, biaya kirim, biaya pengiriman, ongkos angkut, biaya angkut, ongkos transport, ongkos transportasi, biaya transport, biaya transportasi
distribusi, kirim, angkut, ekspedisi
kelompok_tani, poktan, kelompok tani, gapoktan
kelompok, bubuhan
anggur, nganggur, menganggur, pengangguran, tidak punya pekerjaan, tidak ada pekerjaan, tidak bekerja, tanpa pekerjaan, kada bagawi, tidak bagawi
usaha, bisnis
inkubasi, inkubator
toko, ritel, retail, minimarket, swalayan
masuk, tembus
paham, tau, tahu, mengerti, pengetahuan, pemahaman
event, acara, festival, agenda
kampus, universitas, perguruan tinggi, unmul
libat, libatkan, dilibatkan, terlibat, keterlibatan, ajak, diajak, mengajak, sertakan, disertakan
perbaiki, perbaikan, revitalisasi, rehab, rehabilitasi, renovasi
update, ulang, pemutakhiran, mutakhir, perbarui, diperbarui
urus, daftar, pengurusan, pendaftaran
pengunjung, wisatawan, turis, tamu, pelancong, kunjung
inap, homestay, penginapan, losmen, guest house, guesthouse, pondok wisata, villa, tempat menginap, tempat inap
pandu, guide, pramuwisata, tour guide
toilet, wc, mck, kamar mandi, jamban, kakus
promosi, publikasi, iklan, promo, kenal
tiket, karcis, retribusi, htm, tiket masuk, harga tiket masuk
atraksi, daya tarik, pertunjukan
kuliner, makan, jajan, masak, jajanan, makanan khas
oleholeh, souvenir, suvenir, cenderamata, buah tangan
tps, tpa, tempat pembuangan sampah, tempat pembuangan akhir, tempat pembuangan, tempat sampah, bak sampah
pupuk, urea, npk, phonska, kompos
bibit, benih
hama, wereng, ulat, penyakit tanaman, opt
irigasi, saluran air, saluran irigasi, handil, parit, tersier
padi, gabah, beras, banih
tengkulak, pengepul, pengumpul, toke, tauke, juragan, cukong
panen, tuai, hasil panen
bbm, solar, bensin, pertalite, pertamax, bahan bakar, spbu, spbun, spbn, apms
tambak, empang
keramba, karamba, kja
tangkap, hasil tangkapan
nakes, tenaga kesehatan, tenaga medis, petugas kesehatan, dokter, bidan, perawat, mantri, paramedis
puskesmas, pustu, polindes, poskesdes, faskes, fasilitas kesehatan, klinik, puskesmas pembantu, pusat kesehatan masyarakat
posyandu, pos pelayanan terpadu
stunting, gizi buruk, kurang gizi, gizi kurang, tengkes, malnutrisi
bpjs, jkn, kis, jaminan kesehatan, kartu indonesia sehat
ambulans, ambulan, ambulance
guru, pengajar, tenaga pengajar, tenaga pendidik, pendidik
sekolah, sd, smp, sma, smk, sltp, slta, madrasah, sekolah dasar
putussekolah, putus sekolah, drop out, dropout, tidak sekolah, tidak lanjut sekolah
beasiswa, pip, kip, program indonesia pintar, kartu indonesia pintar
honorer, non asn, tenaga honorer
gaji, upah, honor, insentif, honorarium
jembatan, titian
drainase, selokan, gorong gorong, got
rtlh, rumah tidak layak huni, rumah tak layak huni
pembeli, konsumen, pelanggan, customer, buyer
buruh, pekerja, karyawan, tenaga kerja
rantau, urbanisasi, pindah ke kota, bekerja ke luar daerah, kerja ke luar daerah, bekerja di luar daerah, kerja di luar daerah
untung, laba, margin, profit
jejaring, jaringan usaha, jaringan pemasaran, relasi, networking, koneksi usaha
regenerasi, penerus, kaderisasi, generasi penerus
buku, pembukuan, pencatatan keuangan, mencatat keuangan, catatan keuangan, laporan keuangan, akuntansi
awet, tahan lama, daya simpan
permudah, mempermudah, dipermudah, mudah, kemudahan, sederhanakan, disederhanakan, menyederhanakan, penyederhanaan
ikan, iwak
tani, pekebun, peladang
mandiri, swadaya
inovasi, inovatif, kreatif, kreativitas, kreasi
bpom, badan pengawas obat dan makanan, pom
kerja, gawi, begawi, bagawi
uang, duit
cemar, polusi, polutan
transparan, transparansi, keterbukaan, akuntabel, akuntabilitas
sosialisasi, informasi, info, informasikan, diinformasikan, sosialisasikan, disosialisasikan
banksampah, bank sampah, daur ulang
perintah_daerah, pemda
perintah_kabupaten, pemkab
perintah_provinsi, pemprov
perintah_desa, pemdes, kades, kepala desa, perangkat desa, aparat desa, aparatur desa, pemerintah kampung
ppl, penyuluh, penyuluh pertanian, penyuluh lapangan, penyuluh pertanian lapangan
k3, keselamatan kerja, kesehatan dan keselamatan kerja, keselamatan dan kesehatan kerja
cuaca, cuaca buruk, cuaca ekstrem, angin kencang, gelombang tinggi, ombak besar, badai
merek, merk, brand, branding
fisik, bangunan, gedung
jahit, menjahit, penjahit, konveksi, garmen
batik, membatik, pembatik, sasirangan
bos, dana bos, bantuan operasional sekolah
kakao, coklat, cokelat
sawah, persawahan
`;

/** The sets of SYNONYMS, head first. */
export const parseSets = (text: string): string[][] =>
	text
		.trim()
		.split('\n')
		.map((line) => line.split(',').map((word) => word.trim()));

/**
 * Words that say something is in place or works: against a card saying it is lacking, the two
 * are opposite, not duplicates ("sudah ada pelatihan" / "belum ada pelatihan"). As typed.
 */
export const POSITIVE = new Set(
	(
		'sudah telah sdh udah udh cukup memadai lancar mudah gampang berhasil tersedia rutin aktif ' +
		'berjalan layak lengkap bagus baik'
	).split(' ')
);

/** Words of change in opposite directions: "harga naik" and "harga turun" are two cards. As typed or by stem. */
export const UP = new Set('naik tingkat meningkat tambah bertambah mahal larang melonjak'.split(' '));
export const DOWN = new Set('turun menurun anjlok merosot jatuh murah berkurang'.split(' '));

/**
 * Words of condition, frame, time and place: what state a thing is in (broken, expensive,
 * inactive, far), of what aspect or when, or where, not what the card is about. Like a lack, they
 * count half, so "jalan kebun rusak" and "jalan sekolah rusak" are not one card for sharing
 * "rusak", nor "sekolah jauh dari kampung" and "pasar jauh dari kampung" for "kampung"; and none
 * is ever a card's head (search.ts). Stems or heads of SYNONYMS.
 */
export const CONDITION = new Set(
	('rusak mahal murah aktif jauh dekat sepi ramai macet lambat tinggi tutup buka kalah saing ' +
		'punya tepat sasar mati hilang putus langka kotor cemar naik turun tingkat tambah henti baru ' +
		'lama akibat biar desa kampung dusun kota kelurahan camat kecamatan kabupaten lokal luar ' +
		'hulu hilir pulau ' +
		// Frame nouns: "harga pupuk", "program CSR", "pelayanan puskesmas", "bantuan bibit" are
		// about the second word.
		'harga program kegiatan layan sistem proses kualitas mutu kondisi jumlah kasus sedia bantu ' +
		'tepi pinggir sekitar kawas wilayah khas sesuai ganggu ' +
		// When, not what: "putus saat hujan" says nothing of what broke.
		'hujan kemarau musim ' +
		// Places of East Kalimantan (as stemmed): each session names its own, which says nothing
		// about the issue across sessions.
		'kaltim kalimant samarinda balikpap bontang kutai kartanegara kukar kutim kubar paser ppu ' +
		'tajam berau mahulu mahakam tenggarong sangatta sendawar grogot').split(' ')
);

import type { Messages } from '../messages';

/**
 * Bahasa Indonesia, the default language: what the participant's phone (and the error page)
 * shows. Kept apart from the staff screens' text so a phone downloads only this.
 */
export const phone = {
	app: { tagline: 'Diskusi kelompok terarah, langsung dari HP peserta', language: 'Bahasa' },
	join: {
		title: 'Bergabung ke FGD',
		name: 'Nama',
		group: 'Unsur / kelompok',
		chooseGroup: 'Pilih unsur',
		institution: 'Instansi / lembaga (boleh kosong)',
		position: 'Jabatan (boleh kosong)',
		sex: 'Jenis kelamin (boleh kosong)',
		sexNone: 'Tidak diisi',
		sexL: 'Laki-laki (L)',
		sexP: 'Perempuan (P)',
		noticeTitle: 'Pemberitahuan data pribadi',
		noticeShort: 'Nama, unsur dan instansi Anda dicatat untuk daftar hadir dan notulen FGD ini (UU No. 27 Tahun 2022). Masukan tanpa nama tidak menampilkan nama Anda.',
		readMore: 'Baca selengkapnya',
		notice1: 'Nama, unsur dan instansi Anda, serta jabatan dan jenis kelamin bila Anda isi, dicatat untuk daftar hadir dan notulen FGD ini, sesuai UU No. 27 Tahun 2022 tentang Pelindungan Data Pribadi.',
		notice2: 'Data hanya dipakai oleh penyelenggara untuk kegiatan ini dan disimpan selama masa retensi sesi, lalu dihapus atau dianonimkan.',
		notice3: 'Anda berhak melihat, memperbaiki, dan meminta penghapusan data Anda kepada penyelenggara (ditanggapi dalam 3×24 jam). Masukan yang dikirim tanpa nama tidak menampilkan nama Anda di mana pun.',
		consent: 'Saya sudah membaca dan setuju data saya diproses untuk FGD ini.',
		submit: 'Masuk',
		joining: 'Masuk…',
		closed: 'Sesi ini sudah ditutup.',
		notFound: 'Sesi dengan kode ini tidak ditemukan.'
	},
	board: {
		you: 'Anda',
		write: 'Tulis masukan',
		placeholder: 'Tulis satu gagasan singkat…',
		send: 'Kirim',
		anonymous: 'Kirim tanpa nama',
		anonymousOnce: 'Hanya untuk kiriman ini',
		mine: 'Milik saya',
		all: 'Semua masukan',
		empty: 'Belum ada masukan.',
		edit: 'Ubah',
		delete: 'Hapus',
		save: 'Simpan',
		cancel: 'Batal',
		confirmDelete: 'Hapus masukan ini?',
		sending: 'Mengirim…',
		saved: 'Tersimpan',
		failed: 'Gagal',
		retry: 'Kirim ulang',
		discard: 'Buang',
		anonymousAuthor: 'Anonim',
		supporters: 'Didukung {{count}} peserta',
		charsLeft: '{{count}} karakter tersisa',
		closed: 'Sesi sudah ditutup. Terima kasih atas masukan Anda.',
		offline: 'Tidak tersambung. Masukan disimpan di HP dan dikirim saat sambungan kembali.',
		unloaded: 'Tampilan ini belum termuat karena sambungan terputus. Muat ulang halaman saat sambungan kembali.',
		offlineShort: 'Terputus',
		connecting: 'Menyambung…',
		online: 'Tersambung',
		participants: 'Peserta',
		onlineNow: '{{count}} terhubung',
		items: 'Masukan',
		leave: 'Keluar dari sesi di HP ini'
	},
	errors: {
		invalid_input: 'Isian tidak valid. Periksa lagi lalu kirim ulang.',
		unauthenticated: 'Akses ditolak: kunci atau token tidak dikenali.',
		forbidden: 'Anda tidak berhak melakukan ini.',
		not_found: 'Tidak ditemukan.',
		session_closed: 'Sesi sudah ditutup.',
		rate_limited: 'Terlalu banyak percobaan. Tunggu sebentar lalu coba lagi.',
		kinds_locked: 'Jenis masukan tidak bisa diubah setelah ada masukan.',
		anonymous_not_allowed: 'Fasilitator tidak mengizinkan masukan tanpa nama.',
		consent_required: 'Centang persetujuan data pribadi untuk melanjutkan.',
		internal: 'Terjadi kesalahan di server. Coba lagi.',
		phase_closed: 'Tahap ini tidak menerima perubahan itu.',
		over_budget: 'Suara Anda sudah habis. Kurangi suara di pilihan lain dulu.',
		over_cap: 'Pilihan ini sudah mendapat suara terbanyak yang dibolehkan dari Anda.',
		network: 'Tidak dapat menghubungi server. Periksa sambungan lalu coba lagi.',
		door_closed: 'Fasilitator sudah menutup pintu: sesi ini tidak menerima peserta baru. Hubungi panitia bila Anda seharusnya ikut.',
		room_full: 'Sesi ini sudah penuh. Hubungi panitia bila Anda seharusnya ikut.',
		code_changed: 'Kode ini sudah diganti. Minta kode baru kepada fasilitator atau pindai kode QR di layar.',
		removed: 'Fasilitator telah mengeluarkan Anda dari sesi ini.'
	}
};

/** The shape every language's phone messages must have: the same keys, any text. */
export type PhoneMessages = Messages<typeof phone>;

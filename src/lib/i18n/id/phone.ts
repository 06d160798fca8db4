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
	},
	removal: {
		title: 'Anda dikeluarkan dari sesi ini',
		reason: 'Alasan dari fasilitator: {{reason}}',
		hint: 'HP ini tidak lagi terhubung ke sesi. Hubungi fasilitator bila ini keliru.'
	},
	phase: {
		name: {
			lobby: 'Persiapan',
			writing: 'Menulis',
			reveal: 'Ungkap',
			grouping: 'Kelompokkan',
			voting: 'Pilih',
			discussion: 'Diskusi',
			action: 'Rencana tindak lanjut',
			closed: 'Selesai'
		},
		hint: {
			lobby: 'Tunggu sebentar, diskusi segera dimulai.',
			lobbyOpen: 'Silakan tulis masukan Anda; semua peserta dapat melihatnya.',
			writing: 'Tulis gagasan Anda sendiri. Masukan peserta lain belum terlihat.',
			reveal: 'Semua masukan kini terbuka. Baca, lalu tambahkan yang terlewat.',
			grouping: 'Lihat masukan disusun ke dalam tema; usulkan lewat diskusi bila ada yang keliru.',
			voting: 'Berikan suara Anda untuk gagasan yang paling penting.',
			discussion: 'Bahas tema teratas bersama peserta lain.',
			action: 'Simak rencana tindak lanjut yang disepakati.',
			closed: 'Diskusi selesai. Terima kasih atas masukan Anda.'
		},
		label: 'Tahap',
		timeLeft: 'Sisa waktu',
		timeUp: 'Waktu habis',
		paused: 'Dijeda',
		minutesLeft: 'Sisa waktu {{count}} menit',
		underMinute: 'Sisa waktu kurang dari satu menit',
		closedFor: {
			grouping: 'Fasilitator sedang mengelompokkan masukan.',
			timeUp: 'Waktu tahap ini sudah habis; masukan baru ditutup.',
			other: '{{kind}} tidak dibuka pada tahap ini.'
		}
	},
	phone: {
		welcome: 'Selamat datang, {{name}}',
		waiting: 'Sesi belum dimulai. Layar ini berganti sendiri saat fasilitator memulai.',
		othersSent: '{{count}} masukan terkirim dari peserta lain',
		ownOnly: 'Hanya Anda yang melihat isi masukan Anda sampai tahap Ungkap.',
		ungrouped: 'Belum dikelompokkan',
		pendingApproval: 'Menunggu persetujuan fasilitator',
		thanks: 'Terima kasih!',
	},
	vote: {
		left: 'Sisa suara Anda: {{left}} dari {{budget}}',
		cap: 'Paling banyak {{cap}} suara untuk satu pilihan.',
		add: 'Tambah suara',
		remove: 'Kurangi suara',
		yours: 'Suara Anda: {{count}}',
		hidden: 'Hasil tampil setelah fasilitator membukanya.',
		results: 'Hasil pemilihan',
		total: '{{count}} suara',
		none: 'Belum ada yang bisa dipilih di sini.',
		noResults: 'Belum ada suara.',
		items: '{{count}} masukan'
	},
	similar: {
		title: 'Sudah ada yang mirip:',
		support: 'Dukung ini',
		supported: 'Didukung',
		draftKept: 'Tulisan Anda tetap di kotak: kirim bila berbeda, atau hapus.',
		supportVote: 'Beri suara'
	},
	links: {
		open: 'Kaitkan',
		title: 'Kaitkan rekomendasi ini',
		hint: 'Centang masukan yang dijawab atau dimanfaatkan rekomendasi ini.',
		done: 'Selesai',
		none: 'Belum ada masukan yang bisa dikaitkan.',
		linked: 'Terkait',
		notYetOpen: '{{count}} masukan terkait belum terbuka'
	},
	actionPlan: {
		title: 'Rencana tindak lanjut',
		number: 'No',
		activity: 'Kegiatan',
		output: 'Keluaran',
		pic: 'Penanggung jawab',
		timeframe: 'Waktu',
		status: 'Status',
		empty: 'Rencana tindak lanjut belum disusun.',
		statuses: { rencana: 'Rencana', berjalan: 'Berjalan', selesai: 'Selesai', tertunda: 'Tertunda' }
	},
	myData: {
		open: 'Data saya'
	}
};

/** The shape every language's phone messages must have: the same keys, any text. */
export type PhoneMessages = Messages<typeof phone>;

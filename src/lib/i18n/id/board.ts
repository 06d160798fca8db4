import type { Messages } from '../messages';

/**
 * Bahasa Indonesia for the participant's board once joined (phases, voting, links, the action
 * plan), also read by the projector and the staff screens. Apart from the join screen's text
 * (./phone.ts) so a phone opening the join form does not download it; it comes with the board.
 */
export const board = {
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

/** The shape every language's board messages must have: the same keys, any text. */
export type BoardMessages = Messages<typeof board>;

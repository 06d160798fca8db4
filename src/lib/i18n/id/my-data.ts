/**
 * "Data saya" on the phone, Indonesian. Loaded with the view itself (only when a participant opens
 * it), not with the phone's first screen; the button that opens it is in ./phone.ts.
 */
export const myData = {
	title: 'Data saya di Rembuk',
	intro: 'Ini semua data pribadi Anda yang disimpan Rembuk untuk sesi ini (UU No. 27 Tahun 2022).',
	name: 'Nama',
	group: 'Unsur',
	institution: 'Instansi',
	position: 'Jabatan',
	sex: 'Jenis kelamin',
	consent: 'Persetujuan diberikan',
	notGiven: '(tidak diisi)',
	items: 'Masukan Anda ({{count}})',
	anonymous: 'tanpa nama',
	noItems: 'Belum ada masukan.',
	retention: 'Disimpan sampai {{months}} bulan setelah sesi ditutup ({{date}}), lalu dianonimkan.',
	retentionOpen: 'Disimpan sampai {{months}} bulan setelah sesi ditutup, lalu dianonimkan.',
	request: 'Minta hapus data saya',
	confirm: 'Nama, instansi, jabatan dan jenis kelamin Anda akan dihapus oleh penyelenggara (paling lambat 3×24 jam). Masukan Anda tetap ada tanpa nama. Kirim permintaan?',
	send: 'Ya, kirim permintaan',
	cancel: 'Batal',
	requested: 'Permintaan penghapusan terkirim pada {{date}}. Penyelenggara akan menindaklanjutinya dalam 3×24 jam.',
	close: 'Tutup',
	loading: 'Memuat…'
};

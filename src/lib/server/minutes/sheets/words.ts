/** The words the spreadsheet minutes (XLSX, CSV) print of their own, in Bahasa Indonesia and English. */
import type { Locale } from '../../../domain/types';

const id = {
	sheets: {
		details: 'Rincian',
		attendance: 'Daftar hadir',
		items: 'Masukan',
		votes: 'Suara per unsur',
		themes: 'Tema',
		links: 'Keterkaitan',
		actions: 'Rencana tindak lanjut'
	},
	field: 'Butir',
	value: 'Isi',
	details: {
		title: 'Judul',
		theme: 'Tema',
		date: 'Tanggal',
		day: 'Hari/Tanggal',
		time: 'Waktu',
		venue: 'Tempat',
		organizers: 'Penyelenggara',
		region: 'Wilayah',
		chair: 'Pimpinan rapat',
		facilitator: 'Fasilitator',
		speakers: 'Narasumber',
		minuteTaker: 'Notulis',
		basis: 'Dasar',
		aims: 'Tujuan',
		conclusions: 'Kesimpulan',
		participants: 'Jumlah peserta',
		closed: 'Ditutup'
	},
	people: ['No', 'Nama', 'Jabatan', 'Instansi', 'Kelompok', 'L/P', 'Keterangan', 'Tanda tangan'],
	addedByStaff: 'ditambahkan oleh panitia',
	sexValue: { L: 'L', P: 'P' },
	items: ['No', 'Jenis', 'Tema', 'Masukan', 'Oleh', 'Kelompok', 'Suara', 'Digabung dari'],
	votes: ['Pilihan', 'Jenis'],
	themes: ['No', 'Tema', 'Jumlah masukan', 'Suara'],
	links: ['Rekomendasi', 'Hubungan', 'Jenis', 'Masukan terkait'],
	relation: { addresses: 'menjawab', uses: 'memanfaatkan' },
	actions: [
		'No',
		'Isu/masalah',
		'Rekomendasi',
		'Kegiatan',
		'Keluaran',
		'Indikator & target',
		'Penanggung jawab',
		'Instansi PJ',
		'Kelompok PJ',
		'Mitra',
		'Waktu',
		'Sumber dana',
		'Perkiraan biaya (Rp)',
		'Status',
		'Keterangan'
	],
	themeKind: 'Tema',
	total: 'Total',
	anonymous: 'anonim'
};

export type SheetWords = typeof id;

const en: SheetWords = {
	sheets: {
		details: 'Details',
		attendance: 'Attendance',
		items: 'Contributions',
		votes: 'Votes by group',
		themes: 'Themes',
		links: 'Links',
		actions: 'Action plan'
	},
	field: 'Field',
	value: 'Value',
	details: {
		title: 'Title',
		theme: 'Theme',
		date: 'Date',
		day: 'Day/Date',
		time: 'Time',
		venue: 'Venue',
		organizers: 'Organizers',
		region: 'Region',
		chair: 'Chair',
		facilitator: 'Facilitator',
		speakers: 'Speakers',
		minuteTaker: 'Minute-taker',
		basis: 'Basis',
		aims: 'Aims',
		conclusions: 'Conclusions',
		participants: 'Participants',
		closed: 'Closed'
	},
	people: ['No', 'Name', 'Position', 'Institution', 'Group', 'M/F', 'Remarks', 'Signature'],
	addedByStaff: 'added by staff',
	sexValue: { L: 'M', P: 'F' },
	items: ['No', 'Kind', 'Theme', 'Contribution', 'By', 'Group', 'Votes', 'Merged from'],
	votes: ['Choice', 'Kind'],
	themes: ['No', 'Theme', 'Contributions', 'Votes'],
	links: ['Recommendation', 'Relation', 'Kind', 'Linked contribution'],
	relation: { addresses: 'addresses', uses: 'builds on' },
	actions: [
		'No',
		'Issue',
		'Recommendation',
		'Activity',
		'Output',
		'Indicator & target',
		'Responsible',
		'Responsible institution',
		'Responsible group',
		'Partners',
		'Timeframe',
		'Funding source',
		'Estimated cost (Rp)',
		'Status',
		'Remarks'
	],
	themeKind: 'Theme',
	total: 'Total',
	anonymous: 'anonymous'
};

export const SHEET_WORDS: Record<Locale, SheetWords> = { id, en };

/**
 * Every word the Markdown minutes print of their own, in Bahasa Indonesia (required in official
 * documents, Perpres 63/2019) and English. Labels that are data (kinds, groups, phases, action
 * status) come labelled from the model instead, so JSON carries them too.
 */
import type { Locale } from '../../../domain/types';

const id = {
	title: 'NOTULEN FOCUS GROUP DISCUSSION',
	headings: {
		event: 'Identitas Kegiatan',
		basis: 'Dasar dan Tujuan',
		agenda: 'Susunan Acara',
		proceedings: 'Jalannya Diskusi',
		timeline: 'Linimasa',
		notes: 'Catatan dan Kutipan',
		findings: 'Pokok Hasil Diskusi',
		matrix: 'Masukan per Kelompok Pemangku Kepentingan',
		votes: 'Suara per Kelompok Pemangku Kepentingan',
		conclusions: 'Kesimpulan dan Kesepakatan',
		recommendations: 'Rekomendasi',
		actionPlan: 'Rencana Tindak Lanjut',
		closing: 'Penutup',
		signOff: 'Pengesahan',
		appendix: 'Lampiran',
		attendance: 'Daftar Hadir',
		items: 'Daftar Masukan dan Hasil Pemungutan Suara',
		documentation: 'Dokumentasi'
	},
	fields: {
		title: 'Judul',
		theme: 'Tema',
		day: 'Hari/Tanggal',
		time: 'Waktu',
		venue: 'Tempat',
		organizers: 'Penyelenggara',
		region: 'Wilayah',
		chair: 'Pimpinan rapat',
		facilitator: 'Fasilitator',
		speakers: 'Narasumber',
		minuteTaker: 'Notulis',
		status: 'Status',
		count: 'Jumlah peserta',
		basis: 'Dasar',
		aims: 'Tujuan'
	},
	open: 'Berlangsung (notulen sementara)',
	closed: (at: string) => `Selesai, ditutup ${at}`,
	people: (n: number) => `${n} orang`,
	groupTable: ['Kelompok pemangku kepentingan', 'Jumlah'],
	agendaTable: ['Waktu', 'Kegiatan'],
	/** The daftar hadir's columns; L/P prints only when someone gave it. */
	peopleColumns: { no: 'No', name: 'Nama', position: 'Jabatan', institution: 'Instansi', group: 'Kelompok', sex: 'L/P', signature: 'Tanda tangan' },
	sexValue: { L: 'L', P: 'P' },
	addedByStaff: 'ditambahkan oleh panitia',
	removed: (reason: string) => `dikeluarkan oleh fasilitator: ${reason}`,
	sexCounts: (l: number, p: number, notGiven: number) =>
		`Laki-laki ${l} orang, perempuan ${p} orang${notGiven ? `, tidak diisi ${notGiven} orang` : ''}.`,
	attachmentsTitle: 'Lampiran:',
	attachment: {
		attendance: (n: number) => `Daftar hadir (${n} orang)`,
		items: (n: number) => `Daftar masukan dan hasil pemungutan suara (${n} masukan)`,
		documentation: (n: number) => `Dokumentasi (${n} foto)`
	},
	photo: (n: number, caption: string) => `Foto ${n}${caption ? `. ${caption}` : ''}`,
	photoMissing: 'Foto tidak dapat dimuat.',
	itemTable: ['No', 'Jenis', 'Tema', 'Masukan', 'Oleh', 'Suara'],
	actionTable: [
		'No',
		'Isu/masalah',
		'Rekomendasi',
		'Kegiatan',
		'Keluaran',
		'Indikator & target',
		'Penanggung jawab',
		'Mitra',
		'Waktu',
		'Sumber dana',
		'Perkiraan biaya',
		'Status',
		'Keterangan'
	],
	kindColumn: 'Jenis masukan',
	choiceColumns: ['Pilihan', 'Jenis'],
	themeKind: 'Tema',
	anonymousColumn: 'Anonim',
	total: 'Total',
	notFilled: 'Belum diisi.',
	noPeople: 'Belum ada peserta.',
	noItems: 'Belum ada masukan.',
	noTimeline: 'Perpindahan tahap diskusi tidak tercatat.',
	noNotes: 'Belum ada catatan notulis.',
	noVotes: 'Tidak ada pemungutan suara.',
	noRecommendations: 'Belum ada rekomendasi.',
	noActions: 'Belum ada rencana tindak lanjut.',
	by: 'Oleh',
	votes: (n: number) => `${n} suara`,
	themeVotes: (n: number) => `Suara untuk tema ini: ${n}`,
	/** `n` counts every item combined, the one kept included, as the console does. */
	merged: (n: number) => `gabungan dari ${n} masukan`,
	supported: (n: number) => `didukung ${n} peserta`,
	voteSummary: (dots: number, voters: number, budget: number) =>
		`${dots} suara dari ${voters} peserta; setiap peserta memiliki ${budget} suara.`,
	/** What was put to a vote (kinds or themes, lower case) and what was not, so a missing count is not read as zero. */
	votedOn: (on: string[], not: string[]) =>
		`Pemungutan suara dilakukan atas ${listed(on, 'dan')}` + (not.length ? `; ${listed(not, 'dan')} tidak dipungut suaranya.` : '.'),
	addresses: (kind: string) => `${kind} yang dijawab`,
	uses: (kind: string) => `${kind} yang dimanfaatkan`,
	/** `time` carries the date in full when the session closed on another day: "pukul" then introduces only the time inside it. */
	closedAt: (time: string, anotherDay: boolean) => (anotherDay ? `Diskusi ditutup pada ${time}.` : `Diskusi ditutup pukul ${time}.`),
	stillOpen: 'Diskusi masih berlangsung saat notulen ini dibuat.',
	closingSentence: 'Demikian notulen ini dibuat untuk dipergunakan sebagaimana mestinya.',
	draftSentence: 'Notulen ini masih berupa draf dan belum final: diskusi belum ditutup, sehingga isinya masih dapat berubah.',
	/** The mark on every page of provisional minutes (watermark or header). */
	draftMark: 'DRAF',
	draftNotice: 'DRAF — notulen sementara, belum final',
	number: 'Nomor',
	acknowledged: 'Mengetahui,',
	chairRole: 'Pimpinan Rapat',
	minuteTakerRole: 'Notulis',
	nip: 'NIP',
	/** Said once under the signatures where a reader may not know the term; Indonesian readers do. */
	nipNote: '',
	/** Where no place of signing is known: a line to write it on, as on a printed form. */
	placeBlank: '....................',
	copies: 'Tembusan:',
	paraf: 'Paraf',
	/** A recommendation linked to no constraint: "belum dikaitkan dengan kendala". */
	notLinked: (kind: string) => `Belum dikaitkan dengan ${lowerFirst(kind)}.`,
	footer: (at: string) => `Notulen ini dibuat otomatis oleh Rembuk pada ${at}. Nomor telepon disamarkan (UU PDP).`
};

/** "Kendala" → "kendala" inside a sentence; an acronym ("UMKM") stays as it is. */
function lowerFirst(label: string): string {
	return /^\p{Lu}\p{Ll}/u.test(label) ? label[0].toLowerCase() + label.slice(1) : label;
}

/** "a, b dan c": a list in running text. */
const listed = (labels: string[], and: string) => (labels.length > 1 ? `${labels.slice(0, -1).join(', ')} ${and} ${labels[labels.length - 1]}` : labels[0] ?? '');

export type Words = typeof id;

const en: Words = {
	title: 'MINUTES OF THE FOCUS GROUP DISCUSSION',
	headings: {
		event: 'Event Details',
		basis: 'Basis and Aims',
		agenda: 'Agenda',
		proceedings: 'Proceedings',
		timeline: 'Timeline',
		notes: 'Notes and Quotes',
		findings: 'Key Findings',
		matrix: 'Contributions by Stakeholder Group',
		votes: 'Votes by Stakeholder Group',
		conclusions: 'Conclusions and Agreements',
		recommendations: 'Recommendations',
		actionPlan: 'Follow-up Action Plan',
		closing: 'Closing',
		signOff: 'Sign-off',
		appendix: 'Attachments',
		attendance: 'Attendance List',
		items: 'Contributions and Vote Results',
		documentation: 'Photographs'
	},
	fields: {
		title: 'Title',
		theme: 'Theme',
		day: 'Day/Date',
		time: 'Time',
		venue: 'Venue',
		organizers: 'Organizers',
		region: 'Region',
		chair: 'Chair',
		facilitator: 'Facilitator',
		speakers: 'Speakers',
		minuteTaker: 'Minute-taker',
		status: 'Status',
		count: 'Participants',
		basis: 'Basis',
		aims: 'Aims'
	},
	open: 'In progress (provisional minutes)',
	closed: (at: string) => `Closed on ${at}`,
	people: (n: number) => `${n} ${n === 1 ? 'person' : 'people'}`,
	groupTable: ['Stakeholder group', 'Count'],
	agendaTable: ['Time', 'Activity'],
	peopleColumns: { no: 'No', name: 'Name', position: 'Position', institution: 'Institution', group: 'Group', sex: 'M/F', signature: 'Signature' },
	sexValue: { L: 'M', P: 'F' },
	addedByStaff: 'added by staff',
	removed: (reason: string) => `removed by the facilitator: ${reason}`,
	sexCounts: (l: number, p: number, notGiven: number) => `Men: ${l}, women: ${p}${notGiven ? `, not given: ${notGiven}` : ''}.`,
	attachmentsTitle: 'Attachments:',
	attachment: {
		attendance: (n: number) => `Attendance list (${n} ${n === 1 ? 'person' : 'people'})`,
		items: (n: number) => `Contributions and vote results (${n} ${n === 1 ? 'item' : 'items'})`,
		documentation: (n: number) => `Photographs (${n} ${n === 1 ? 'photo' : 'photos'})`
	},
	photo: (n: number, caption: string) => `Photo ${n}${caption ? `. ${caption}` : ''}`,
	photoMissing: 'The photo could not be loaded.',
	itemTable: ['No', 'Kind', 'Theme', 'Contribution', 'By', 'Votes'],
	actionTable: [
		'No',
		'Issue',
		'Recommendation',
		'Activity',
		'Output',
		'Indicator & target',
		'Responsible',
		'Partners',
		'Timeframe',
		'Funding source',
		'Estimated cost',
		'Status',
		'Remarks'
	],
	kindColumn: 'Kind',
	choiceColumns: ['Choice', 'Kind'],
	themeKind: 'Theme',
	anonymousColumn: 'Anonymous',
	total: 'Total',
	notFilled: 'Not filled in.',
	noPeople: 'No participants yet.',
	noItems: 'No contributions yet.',
	noTimeline: 'No phase changes were recorded.',
	noNotes: 'No notes from the minute-taker yet.',
	noVotes: 'No vote was held.',
	noRecommendations: 'No recommendations yet.',
	noActions: 'No follow-up actions yet.',
	by: 'By',
	votes: (n: number) => `${n} ${n === 1 ? 'vote' : 'votes'}`,
	themeVotes: (n: number) => `Votes for this theme: ${n}`,
	merged: (n: number) => `merged from ${n} items`,
	supported: (n: number) => `supported by ${n} ${n === 1 ? 'participant' : 'participants'}`,
	voteSummary: (dots: number, voters: number, budget: number) =>
		`${dots} ${dots === 1 ? 'vote' : 'votes'} from ${voters} ${voters === 1 ? 'participant' : 'participants'}; each participant had ${budget}.`,
	votedOn: (on: string[], not: string[]) =>
		`The vote was held on ${listed(on, 'and')}` + (not.length ? `; ${listed(not, 'and')} were not put to a vote.` : '.'),
	addresses: (kind: string) => `${kind} addressed`,
	uses: (kind: string) => `${kind} built on`,
	closedAt: (time: string, anotherDay: boolean) => (anotherDay ? `The discussion closed on ${time}.` : `The discussion closed at ${time}.`),
	stillOpen: 'The discussion was still in progress when these minutes were made.',
	closingSentence: 'These minutes are a true record of the discussion.',
	draftSentence: 'These are draft minutes and not final: the discussion has not been closed, so their content may still change.',
	draftMark: 'DRAFT',
	draftNotice: 'DRAFT — provisional minutes, not final',
	number: 'Ref. No.',
	acknowledged: 'Acknowledged by,',
	chairRole: 'Chair',
	minuteTakerRole: 'Minute-taker',
	nip: 'NIP',
	nipNote: 'NIP: Indonesian civil-servant identification number.',
	placeBlank: '....................',
	copies: 'Copies to:',
	paraf: 'Initials',
	notLinked: (kind: string) => `Not yet linked to any ${lowerFirst(kind)}.`,
	footer: (at: string) => `These minutes were generated by Rembuk on ${at}. Phone numbers are masked (Indonesian PDP Law).`
};

export const WORDS: Record<Locale, Words> = { id, en };

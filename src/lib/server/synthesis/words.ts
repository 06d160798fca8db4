/**
 * Every word the Laporan Hasil FGD prints of its own, in Bahasa Indonesia (required in official
 * documents, Perpres 63/2019) and English. The outline is the one offices use for activity
 * reports: Pendahuluan, Pelaksanaan, Hasil, Simpulan dan Saran, Penutup, Lampiran.
 */
import type { Locale } from '../../domain/types';

const list = (items: string[], and: string) => (items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} ${and} ${items.at(-1)}`);

const id = {
	title: 'LAPORAN HASIL FOCUS GROUP DISCUSSION',
	/** Headings in print order; `a`…`e` are the sub-headings of their part. */
	headings: {
		intro: 'I. PENDAHULUAN',
		background: 'A. Latar Belakang',
		aims: 'B. Maksud dan Tujuan',
		basis: 'C. Dasar',
		conduct: 'II. PELAKSANAAN',
		results: 'III. HASIL',
		issues: 'A. Isu Lintas Wilayah',
		matrices: 'B. Matriks Wilayah × Unsur Pemangku Kepentingan',
		sharedParticular: 'C. Isu Bersama dan Isu Khas Wilayah',
		answers: 'D. Rekomendasi dan Kendala yang Dijawab',
		actions: 'E. Rencana Tindak Lanjut Gabungan',
		conclusions: 'IV. SIMPULAN DAN SARAN',
		conclusionsA: 'A. Simpulan',
		suggestions: 'B. Saran',
		closing: 'V. PENUTUP',
		appendix: 'LAMPIRAN',
		minutes: 'Notulen Setiap FGD',
		items: 'Masukan per Isu'
	},
	background: (theme: string, n: number, regions: string[]) =>
		`Rangkaian focus group discussion (FGD) bertema "${theme}" dilaksanakan sebanyak ${n} kali di ${regions.length} wilayah (${list(regions, 'dan')}) untuk menghimpun kendala, peluang dan rekomendasi dari unsur pemerintah, dunia usaha, akademisi, komunitas dan pemangku kepentingan lainnya. Laporan ini menyatukan hasil seluruh FGD tersebut.`,
	aimsDefault:
		'Maksud kegiatan ini adalah menghimpun masukan para pemangku kepentingan di setiap wilayah. Tujuannya adalah merumuskan isu bersama dan isu khas wilayah, rekomendasi, serta rencana tindak lanjut sebagai bahan perencanaan dan penganggaran.',
	noBasis: 'Dasar pelaksanaan belum diisi pada notulen FGD.',
	conductIntro: (n: number, people: number) => `FGD dilaksanakan ${n} kali dan dihadiri ${people} peserta, dengan rincian sebagai berikut.`,
	sessionTable: ['No', 'Wilayah', 'Hari/Tanggal', 'Waktu', 'Tempat', 'Peserta', 'Unsur peserta'],
	issuesIntro: (items: number, issues: number, hand: number) =>
		`Seluruh ${items} masukan dari semua FGD dikelompokkan menurut kesamaan makna menjadi ${issues} isu. ${hand ? `${hand} pengelompokan diubah secara manual oleh penyelenggara (ditandai "manual"); selebihnya dikelompokkan otomatis.` : 'Semua pengelompokan dilakukan otomatis dan belum diubah oleh penyelenggara.'}`,
	scoreNote:
		'Skor suara dinormalkan per FGD: setiap FGD membagikan 100 poin sebanding dengan titik suara pesertanya, sehingga FGD dengan 20 peserta berbobot sama dengan FGD dengan 60 peserta. Skor suatu isu adalah jumlah poin dari semua FGD.',
	issueTable: ['No', 'Isu', 'Jenis', 'Wilayah', 'Unsur', 'Orang', 'Suara', 'Skor', 'Pengelompokan'],
	origin: { auto: 'otomatis', hand: 'manual' },
	ops: { merge: 'digabung', split: 'dipisah', rename: 'diberi nama', pin: 'disematkan' },
	examples: 'Contoh:',
	noIssues: 'Belum ada masukan pada FGD yang dipilih.',
	matrixTotal: 'Jumlah',
	region: 'Wilayah',
	noMatrix: (label: string) => `Belum ada ${label.toLowerCase()} yang tercatat.`,
	shared: 'Isu yang muncul di semua wilayah',
	particular: 'Isu khas satu wilayah',
	noShared: 'Tidak ada isu yang muncul di semua wilayah.',
	noParticular: 'Tidak ada isu khas satu wilayah yang mendapat suara atau diangkat lebih dari sekali.',
	singleRegion: 'Semua FGD berada di satu wilayah; perbandingan antarwilayah tidak berlaku.',
	answerTable: ['No', 'Rekomendasi', 'Wilayah', 'Skor', 'Menjawab kendala'],
	notLinked: 'belum dikaitkan',
	actionTable: ['No', 'Instansi PIC', 'Sumber dana', 'Kegiatan', 'Wilayah', 'Waktu', 'Biaya', 'Status'],
	actionsBy: 'Jumlah kegiatan per instansi PIC dan sumber dana',
	institution: 'Instansi PIC',
	noActions: 'Belum ada rencana tindak lanjut pada FGD yang dipilih.',
	conclusionShared: (names: string[]) => `Isu yang muncul di semua wilayah: ${names.join('; ')}.`,
	conclusionTop: (names: string[]) => `Isu dengan skor suara tertinggi: ${names.join('; ')}.`,
	conclusionParticular: (names: string[]) => `Isu khas wilayah yang perlu penanganan tersendiri: ${names.join('; ')}.`,
	conclusionActions: (n: number, inst: number) => `Telah disusun ${n} rencana tindak lanjut dengan ${inst} instansi penanggung jawab.`,
	noConclusions: 'Belum ada hasil yang dapat disimpulkan.',
	suggestion: (name: string, answers: string[]) => (answers.length ? `${name} (menjawab: ${answers.join('; ')}).` : `${name}.`),
	noSuggestions: 'Belum ada rekomendasi pada FGD yang dipilih.',
	closing:
		'Demikian laporan hasil FGD ini disusun sebagai bahan pertimbangan dalam perencanaan, penganggaran dan tindak lanjut oleh para pihak. Atas perhatian dan kerja sama semua pihak diucapkan terima kasih.',
	signerRole: 'Penanggung Jawab Kegiatan',
	minutesTable: ['No', 'Wilayah', 'Judul FGD', 'Tanggal', 'Nomor notulen', 'Kode sesi', 'Status'],
	minutesNote: 'Notulen setiap FGD terlampir terpisah dan dapat diunduh dari Rembuk dengan kode sesinya.',
	status: { closed: 'Selesai', open: 'Belum ditutup' },
	itemTable: ['Isu', 'Wilayah', 'Masukan', 'Unsur', 'Suara'],
	anonymous: 'anonim',
	page: (n: number, of: number) => `Halaman ${n} dari ${of}`,
	footer: (at: string) => `Dibuat dengan Rembuk pada ${at}`,
	sheets: { issues: 'Isu', items: 'Masukan', matrix: 'Matriks', actions: 'Tindak lanjut', sessions: 'FGD', edits: 'Perubahan manual' },
	editTable: ['Waktu (UTC)', 'Oleh', 'Perubahan', 'Masukan', 'Nama', 'Diterapkan']
};

export type SynthesisWords = typeof id;

const en: SynthesisWords = {
	title: 'FOCUS GROUP DISCUSSION RESULTS REPORT',
	headings: {
		intro: 'I. INTRODUCTION',
		background: 'A. Background',
		aims: 'B. Purpose and Objectives',
		basis: 'C. Basis',
		conduct: 'II. CONDUCT',
		results: 'III. RESULTS',
		issues: 'A. Issues Across Regions',
		matrices: 'B. Region × Stakeholder Group Matrices',
		sharedParticular: 'C. Shared Issues and Region-Specific Issues',
		answers: 'D. Recommendations and the Constraints They Answer',
		actions: 'E. Combined Action Plan',
		conclusions: 'IV. CONCLUSIONS AND SUGGESTIONS',
		conclusionsA: 'A. Conclusions',
		suggestions: 'B. Suggestions',
		closing: 'V. CLOSING',
		appendix: 'APPENDIX',
		minutes: 'Minutes of Each FGD',
		items: 'Contributions by Issue'
	},
	background: (theme, n, regions) =>
		`A series of ${n} focus group discussions (FGDs) on "${theme}" was held in ${regions.length} region${regions.length === 1 ? '' : 's'} (${list(regions, 'and')}) to gather the constraints, opportunities and recommendations of government, business, academia, communities and other stakeholders. This report brings the results of all of them together.`,
	aimsDefault:
		'The purpose was to gather stakeholders’ input in every region. The objectives were to identify shared and region-specific issues, recommendations and a follow-up action plan as input for planning and budgeting.',
	noBasis: 'No basis was filled in on the FGDs’ minutes.',
	conductIntro: (n, people) => `${n} FGD${n === 1 ? ' was' : 's were'} held with ${people} participants in all, as follows.`,
	sessionTable: ['No', 'Region', 'Day/Date', 'Time', 'Venue', 'Participants', 'Stakeholder groups'],
	issuesIntro: (items, issues, hand) =>
		`All ${items} contributions of all FGDs were grouped by meaning into ${issues} issues. ${hand ? `${hand} grouping${hand === 1 ? ' was' : 's were'} changed by hand by the organizer (marked "by hand"); the rest were grouped automatically.` : 'All groupings are automatic; the organizer has not changed any.'}`,
	scoreNote:
		'Vote scores are normalised per FGD: each FGD hands out 100 points in proportion to its participants’ dots, so an FGD of 20 participants weighs the same as one of 60. An issue’s score is the sum of its points from all FGDs.',
	issueTable: ['No', 'Issue', 'Kind', 'Regions', 'Groups', 'People', 'Dots', 'Score', 'Grouping'],
	origin: { auto: 'automatic', hand: 'by hand' },
	ops: { merge: 'merged', split: 'split', rename: 'renamed', pin: 'pinned' },
	examples: 'E.g.:',
	noIssues: 'The selected FGDs have no contributions yet.',
	matrixTotal: 'Total',
	region: 'Region',
	noMatrix: (label) => `No ${label.toLowerCase()} recorded yet.`,
	shared: 'Issues raised in every region',
	particular: 'Issues particular to one region',
	noShared: 'No issue was raised in every region.',
	noParticular: 'No issue of a single region drew votes or was raised more than once.',
	singleRegion: 'All FGDs were held in one region; no comparison across regions applies.',
	answerTable: ['No', 'Recommendation', 'Regions', 'Score', 'Answers constraints'],
	notLinked: 'not linked yet',
	actionTable: ['No', 'PIC institution', 'Funding source', 'Activity', 'Region', 'Timeframe', 'Cost', 'Status'],
	actionsBy: 'Activities by PIC institution and funding source',
	institution: 'PIC institution',
	noActions: 'The selected FGDs have no action plan yet.',
	conclusionShared: (names) => `Issues raised in every region: ${names.join('; ')}.`,
	conclusionTop: (names) => `Issues with the highest vote scores: ${names.join('; ')}.`,
	conclusionParticular: (names) => `Region-specific issues that need their own response: ${names.join('; ')}.`,
	conclusionActions: (n, inst) => `${n} follow-up action${n === 1 ? ' was' : 's were'} planned, with ${inst} responsible institution${inst === 1 ? '' : 's'}.`,
	noConclusions: 'There are no results to conclude from yet.',
	suggestion: (name, answers) => (answers.length ? `${name} (answers: ${answers.join('; ')}).` : `${name}.`),
	noSuggestions: 'The selected FGDs have no recommendations yet.',
	closing:
		'This report of the FGDs’ results is submitted as input for planning, budgeting and follow-up by all parties. We thank everyone for their attention and cooperation.',
	signerRole: 'Person in Charge of the Activity',
	minutesTable: ['No', 'Region', 'FGD title', 'Date', 'Minutes number', 'Session code', 'Status'],
	minutesNote: 'The minutes of each FGD are attached separately and can be downloaded from Rembuk by their session code.',
	status: { closed: 'Closed', open: 'Not closed yet' },
	itemTable: ['Issue', 'Region', 'Contribution', 'Group', 'Dots'],
	anonymous: 'anonymous',
	page: (n, of) => `Page ${n} of ${of}`,
	footer: (at) => `Made with Rembuk on ${at}`,
	sheets: { issues: 'Issues', items: 'Contributions', matrix: 'Matrices', actions: 'Action plan', sessions: 'FGDs', edits: 'Hand edits' },
	editTable: ['Time (UTC)', 'By', 'Edit', 'Contributions', 'Name', 'Applied']
};

export const SYNTHESIS_WORDS: Record<Locale, SynthesisWords> = { id, en };

/** The words only the PDF prints (page furniture and chart titles); the rest come from the Markdown's words. */
import type { Locale } from '../../../domain/types';

export interface PdfWords {
	page: (n: number, of: number) => string;
	participationChart: string;
	votesChart: string;
	/** "2 peserta · 1 masukan" beside a group's bar. */
	participation: (people: number, contributions: number) => string;
	number: string;
}

export const PDF_WORDS: Record<Locale, PdfWords> = {
	id: {
		page: (n, of) => `Halaman ${n} dari ${of}`,
		participationChart: 'Partisipasi per kelompok pemangku kepentingan',
		votesChart: 'Suara per rekomendasi, menurut kelompok pemilih',
		participation: (people, contributions) => `${people} peserta · ${contributions} masukan`,
		number: 'Nomor'
	},
	en: {
		page: (n, of) => `Page ${n} of ${of}`,
		participationChart: 'Participation by stakeholder group',
		votesChart: 'Votes per recommendation, by the voters’ group',
		participation: (people, contributions) =>
			`${people} ${people === 1 ? 'participant' : 'participants'} · ${contributions} ${contributions === 1 ? 'contribution' : 'contributions'}`,
		number: 'Number'
	}
};

/** One colour per stakeholder group, in the session's group order; colour-blind-friendly (Okabe–Ito). */
export const GROUP_COLOURS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#999999', '#F0E442'];

export const colourOf = (index: number) => GROUP_COLOURS[index % GROUP_COLOURS.length];

/**
 * The minutes files Rembuk hands out: every format, language and paper, named once. The query
 * schema, the server's renderers, the console and the report page all read this list, so a
 * format added here appears on both download screens and fails type-checking until it has a
 * renderer.
 */
import type { Locale } from './types';

export interface MinutesFormatInfo {
	/** The file name's extension, without the dot. */
	extension: string;
	/** The Content-Type the server answers with. */
	contentType: string;
	/** Whether A4 or F4 changes the file: only the printable formats are laid out on paper. */
	paper: boolean;
	/** Key of the format's name in the staff text (`minutesFiles.format.*`). */
	label: string;
}

/** In the order the download screens list them: the printable minutes first. */
export const MINUTES_FORMATS = {
	pdf: { extension: 'pdf', contentType: 'application/pdf', paper: true, label: 'minutesFiles.format.pdf' },
	docx: {
		extension: 'docx',
		contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
		paper: true,
		label: 'minutesFiles.format.docx'
	},
	xlsx: {
		extension: 'xlsx',
		contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
		paper: false,
		label: 'minutesFiles.format.xlsx'
	},
	csv: { extension: 'csv', contentType: 'text/csv; charset=utf-8', paper: false, label: 'minutesFiles.format.csv' },
	md: { extension: 'md', contentType: 'text/markdown; charset=utf-8', paper: false, label: 'minutesFiles.format.md' },
	json: { extension: 'json', contentType: 'application/json', paper: false, label: 'minutesFiles.format.json' }
} as const satisfies Record<string, MinutesFormatInfo>;

export type MinutesFormat = keyof typeof MINUTES_FORMATS;
/** The format names as a non-empty tuple, the shape `z.enum` takes. */
export const MINUTES_FORMAT_NAMES = Object.keys(MINUTES_FORMATS) as [MinutesFormat, ...MinutesFormat[]];

export const MINUTES_LANGUAGES = ['id', 'en'] as const satisfies readonly Locale[];

/** A4, or F4/folio, which many regional offices still file on. A4 unless F4 is asked for. */
export const PAPERS = ['a4', 'f4'] as const;
export type Paper = (typeof PAPERS)[number];

/** One file to download; `paper` is dropped for the formats it does not change. */
export interface MinutesFile {
	format: MinutesFormat;
	lang: Locale;
	paper?: Paper;
}

export const hasPaper = (format: MinutesFormat): boolean => MINUTES_FORMATS[format].paper;

/** The paper that applies to the file: A4 by default for a printable format, none otherwise. */
export const paperOf = (file: MinutesFile): Paper | undefined => (hasPaper(file.format) ? (file.paper ?? 'a4') : undefined);

/**
 * notulen-<code>-<lang>[-<paper>].<ext>: the code tells sessions apart in a downloads folder, and
 * the language and paper tell apart the files of one session (an A4 and an F4 Word file).
 */
export function minutesFilename(code: string, file: MinutesFile): string {
	const paper = paperOf(file);
	return `notulen-${code}-${file.lang}${paper ? `-${paper}` : ''}.${MINUTES_FORMATS[file.format].extension}`;
}

/** The minutes endpoint's address for one file. */
export function minutesPath(code: string, file: MinutesFile): string {
	const paper = paperOf(file);
	return `/api/sessions/${code}/minutes?format=${file.format}&lang=${file.lang}${paper ? `&paper=${paper}` : ''}`;
}

/** Every file there is: each format in each language, and on each paper where paper applies. */
export function everyMinutesFile(): MinutesFile[] {
	return MINUTES_FORMAT_NAMES.flatMap((format) =>
		MINUTES_LANGUAGES.flatMap((lang) => (hasPaper(format) ? PAPERS.map((paper) => ({ format, lang, paper })) : [{ format, lang }]))
	);
}

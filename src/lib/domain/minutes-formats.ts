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
	/** Whether the CSV dialect changes the file: only the CSV comes as Excel's and as the standard's. */
	dialect: boolean;
	/** Key of the format's name in the staff text (`minutesFiles.format.*`). */
	label: string;
}

/** In the order the download screens list them: the printable minutes first. */
export const MINUTES_FORMATS = {
	pdf: { extension: 'pdf', contentType: 'application/pdf', paper: true, dialect: false, label: 'minutesFiles.format.pdf' },
	docx: {
		extension: 'docx',
		contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
		paper: true,
		dialect: false,
		label: 'minutesFiles.format.docx'
	},
	xlsx: {
		extension: 'xlsx',
		contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
		paper: false,
		dialect: false,
		label: 'minutesFiles.format.xlsx'
	},
	csv: { extension: 'csv', contentType: 'text/csv; charset=utf-8', paper: false, dialect: true, label: 'minutesFiles.format.csv' },
	md: { extension: 'md', contentType: 'text/markdown; charset=utf-8', paper: false, dialect: false, label: 'minutesFiles.format.md' },
	json: { extension: 'json', contentType: 'application/json', paper: false, dialect: false, label: 'minutesFiles.format.json' }
} as const satisfies Record<string, MinutesFormatInfo>;

export type MinutesFormat = keyof typeof MINUTES_FORMATS;
/** The format names as a non-empty tuple, the shape `z.enum` takes. */
export const MINUTES_FORMAT_NAMES = Object.keys(MINUTES_FORMATS) as [MinutesFormat, ...MinutesFormat[]];

export const MINUTES_LANGUAGES = ['id', 'en'] as const satisfies readonly Locale[];

/** A4, or F4/folio, which many regional offices still file on. A4 unless F4 is asked for. */
export const PAPERS = ['a4', 'f4'] as const;
export type Paper = (typeof PAPERS)[number];

/**
 * The CSV's dialects: `excel` (`;`, with a BOM) opens as columns in Excel set to Indonesian, whose
 * list separator is `;`; `rfc4180` (`,`, plain UTF-8) is the standard that tools read. Excel's
 * by default: people download a CSV to open it in Excel, and a tool can ask for the standard.
 */
export const CSV_DIALECTS = ['excel', 'rfc4180'] as const;
export type CsvDialect = (typeof CSV_DIALECTS)[number];

/** One file to download; `paper` and `csv` are dropped for the formats they do not change. */
export interface MinutesFile {
	format: MinutesFormat;
	lang: Locale;
	paper?: Paper;
	csv?: CsvDialect;
}

export const hasPaper = (format: MinutesFormat): boolean => MINUTES_FORMATS[format].paper;
export const hasDialect = (format: MinutesFormat): boolean => MINUTES_FORMATS[format].dialect;

/** The paper that applies to the file: A4 by default for a printable format, none otherwise. */
export const paperOf = (file: MinutesFile): Paper | undefined => (hasPaper(file.format) ? (file.paper ?? 'a4') : undefined);

/** The CSV dialect that applies to the file: Excel's by default for the CSV, none otherwise. */
export const dialectOf = (file: MinutesFile): CsvDialect | undefined => (hasDialect(file.format) ? (file.csv ?? 'excel') : undefined);

/** What tells apart the files of one format and language: `-f4`, `-excel`, or nothing. */
const variantOf = (file: MinutesFile): string => {
	const variant = paperOf(file) ?? dialectOf(file);
	return variant ? `-${variant}` : '';
};

/**
 * notulen-<code>-<lang>[-<paper>|-<dialect>].<ext>: the code tells sessions apart in a downloads
 * folder, and the language, paper or dialect tell apart the files of one session (an A4 and an F4
 * Word file, Excel's CSV and the standard one).
 */
export function minutesFilename(code: string, file: MinutesFile): string {
	return `notulen-${code}-${file.lang}${variantOf(file)}.${MINUTES_FORMATS[file.format].extension}`;
}

/** The minutes endpoint's address for one file. */
export function minutesPath(code: string, file: MinutesFile): string {
	const paper = paperOf(file);
	const csv = dialectOf(file);
	return `/api/sessions/${code}/minutes?format=${file.format}&lang=${file.lang}${paper ? `&paper=${paper}` : ''}${csv ? `&csv=${csv}` : ''}`;
}

/** The variants of one format in one language: each paper, each dialect, or the one file. */
export function variantsOf(format: MinutesFormat): Pick<MinutesFile, 'paper' | 'csv'>[] {
	if (hasPaper(format)) return PAPERS.map((paper) => ({ paper }));
	if (hasDialect(format)) return CSV_DIALECTS.map((csv) => ({ csv }));
	return [{}];
}

/** Every file there is: each format in each language, on each paper or in each dialect where they apply. */
export function everyMinutesFile(): MinutesFile[] {
	return MINUTES_FORMAT_NAMES.flatMap((format) => MINUTES_LANGUAGES.flatMap((lang) => variantsOf(format).map((v) => ({ format, lang, ...v }))));
}

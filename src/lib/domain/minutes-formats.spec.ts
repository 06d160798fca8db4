import { describe, expect, it } from 'vitest';
import { staff as enStaff } from '../i18n/en/staff';
import { staff as idStaff } from '../i18n/id/staff';
import { everyMinutesFile, MINUTES_FORMAT_NAMES, MINUTES_FORMATS, MINUTES_LANGUAGES, minutesFilename, minutesPath, PAPERS } from './minutes-formats';

const lookup = (table: object, key: string): unknown => key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], table);

describe('minutes files', () => {
	it('are every format in every language, on each paper only where paper changes the file', () => {
		const files = everyMinutesFile().map((f) => [f.format, f.lang, f.paper ?? '-'].join(' '));
		expect(files).toHaveLength(2 * 2 * 2 + 4 * 2);
		expect(files.slice(0, 4)).toEqual(['pdf id a4', 'pdf id f4', 'pdf en a4', 'pdf en f4']);
		expect(files).toContain('xlsx en -');
		expect(files).not.toContain('xlsx en a4');
	});

	it('each have their own file name, which says the language and, for print, the paper', () => {
		const names = everyMinutesFile().map((file) => minutesFilename('ABC123', file));
		expect(new Set(names).size).toBe(names.length);
		expect(minutesFilename('ABC123', { format: 'docx', lang: 'id', paper: 'f4' })).toBe('notulen-ABC123-id-f4.docx');
		expect(minutesFilename('ABC123', { format: 'docx', lang: 'id', paper: 'a4' })).toBe('notulen-ABC123-id-a4.docx');
		// A printable format without a paper is A4, as the server renders it.
		expect(minutesFilename('ABC123', { format: 'pdf', lang: 'en' })).toBe('notulen-ABC123-en-a4.pdf');
		// A paper chosen for a spreadsheet changes nothing, so the name leaves it out.
		expect(minutesFilename('ABC123', { format: 'xlsx', lang: 'en', paper: 'f4' })).toBe('notulen-ABC123-en.xlsx');
	});

	it('are fetched from one address per file, with paper only where it applies', () => {
		expect(minutesPath('ABC123', { format: 'pdf', lang: 'id', paper: 'f4' })).toBe('/api/sessions/ABC123/minutes?format=pdf&lang=id&paper=f4');
		expect(minutesPath('ABC123', { format: 'csv', lang: 'en', paper: 'f4' })).toBe('/api/sessions/ABC123/minutes?format=csv&lang=en');
	});

	it('have a name for every format, language and paper in both staff tables', () => {
		const keys = [
			...MINUTES_FORMAT_NAMES.map((f) => MINUTES_FORMATS[f].label),
			...MINUTES_LANGUAGES.map((l) => `minutesFiles.language.${l}`),
			...PAPERS.map((p) => `minutesFiles.paper.${p}`)
		];
		for (const table of [idStaff, enStaff]) expect(keys.filter((key) => typeof lookup(table, key) !== 'string')).toEqual([]);
	});
});

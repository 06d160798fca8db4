import { describe, expect, it } from 'vitest';
import { everyMinutesFile, minutesFilename, minutesPath } from './minutes-formats';

describe('minutes files', () => {
	it('are every format in every language, on each paper only where paper changes the file', () => {
		const files = everyMinutesFile().map((f) => [f.format, f.lang, f.paper ?? f.csv ?? '-'].join(' '));
		// pdf and docx on two papers, csv in two dialects, xlsx, md and json once; each in two languages.
		expect(files).toHaveLength(2 * 2 * 2 + 2 * 2 + 3 * 2);
		expect(files).toContain('csv id excel');
		expect(files).toContain('csv en rfc4180');
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
		// The two CSVs say which is which; Excel's is the default.
		expect(minutesFilename('ABC123', { format: 'csv', lang: 'id' })).toBe('notulen-ABC123-id-excel.csv');
		expect(minutesFilename('ABC123', { format: 'csv', lang: 'id', csv: 'rfc4180' })).toBe('notulen-ABC123-id-rfc4180.csv');
	});

	it('are fetched from one address per file, with paper only where it applies', () => {
		expect(minutesPath('ABC123', { format: 'pdf', lang: 'id', paper: 'f4' })).toBe('/api/sessions/ABC123/minutes?format=pdf&lang=id&paper=f4');
		expect(minutesPath('ABC123', { format: 'csv', lang: 'en', paper: 'f4' })).toBe('/api/sessions/ABC123/minutes?format=csv&lang=en&csv=excel');
		expect(minutesPath('ABC123', { format: 'xlsx', lang: 'en', csv: 'rfc4180' })).toBe('/api/sessions/ABC123/minutes?format=xlsx&lang=en');
	});
});

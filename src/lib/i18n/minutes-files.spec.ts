/** The download screens name every minutes file from the staff text: a key missing in either language shows as a raw key. */
import { describe, expect, it } from 'vitest';
import { CSV_DIALECTS, MINUTES_FORMAT_NAMES, MINUTES_FORMATS, MINUTES_LANGUAGES, PAPERS } from '../domain/minutes-formats';
import { staff as enStaff } from './en/staff';
import { staff as idStaff } from './id/staff';

const lookup = (table: object, key: string): unknown => key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], table);

describe('minutes files', () => {
	it('have a name for every format, language, paper and CSV dialect in both staff tables', () => {
		const keys = [
			...MINUTES_FORMAT_NAMES.map((f) => MINUTES_FORMATS[f].label),
			...MINUTES_LANGUAGES.map((l) => `minutesFiles.language.${l}`),
			...PAPERS.map((p) => `minutesFiles.paper.${p}`),
			...CSV_DIALECTS.flatMap((d) => [`minutesFiles.csv.${d}`, `minutesFiles.csvHint.${d}`])
		];
		for (const table of [idStaff, enStaff]) expect(keys.filter((key) => typeof lookup(table, key) !== 'string')).toEqual([]);
	});
});

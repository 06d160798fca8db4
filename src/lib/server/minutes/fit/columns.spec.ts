import { describe, expect, it } from 'vitest';
import { fitColumns, type Measure } from './columns';
import { breakPoints, hyphenate, pieces, SOFT_HYPHEN } from './hyphenate';
import { arialWidth } from './metrics';

describe('hyphenate', () => {
	it('breaks Indonesian and English words between syllables only', () => {
		expect(pieces('memanfaatkan')).toEqual(['me', 'man', 'faat', 'kan']);
		expect(pieces('ditentukan')).toEqual(['di', 'ten', 'tu', 'kan']);
		expect(pieces('Penanggung')).toEqual(['Pe', 'nang', 'gung']);
		expect(pieces('masyarakat')).toEqual(['ma', 'sya', 'ra', 'kat']);
		expect(pieces('Recommendations')).toEqual(['Re', 'com', 'men', 'da', 'tions']);
	});

	it('leaves no single letter on either side and never breaks acronyms, numbers or mixed tokens', () => {
		expect(pieces('Rekomendasi').at(-1)).toBe('dasi');
		for (const word of ['UMKM', 'PIRT', '2026', 'CSR/PPM', 'Rp', 'ini']) expect(breakPoints(word)).toEqual([]);
		expect(hyphenate('kecamatan')).toBe(`ke${SOFT_HYPHEN}ca${SOFT_HYPHEN}ma${SOFT_HYPHEN}tan`);
	});
});

describe('fitColumns', () => {
	const measure: Measure = (text, bold) => arialWidth(text, 8, bold);
	const sum = (list: number[]) => list.reduce((a, b) => a + b, 0);

	it('makes every column as wide as its longest word when the page allows, sharing the rest by weight', () => {
		const header = ['No', 'Rekomendasi', 'Keterangan'];
		const rows = [['1', 'Pelatihan pemasaran digital', 'Belum ditentukan']];
		const fitted = fitColumns({ total: 300, padding: 8, weights: [1, 1, 10], header, rows, measure });
		expect(sum(fitted.widths)).toBeCloseTo(300, 6);
		expect(fitted.widths[1]).toBeGreaterThanOrEqual(measure('Rekomendasi', true) + 8);
		expect(fitted.rows).toEqual(rows);
		expect(fitted.widths[2]).toBeGreaterThan(fitted.widths[1]);
	});

	it('hyphenates the longest words when whole words cannot all fit, and every piece then fits', () => {
		const header = ['Isu', 'Kegiatan', 'Waktu'];
		const rows = [['Pelaku UMKM belum memanfaatkan pemasaran', 'Pengembangan berkelanjutan', 'Belum ditentukan']];
		const fitted = fitColumns({ total: 120, padding: 8, weights: [1, 1, 1], header, rows, measure });
		expect(sum(fitted.widths)).toBeCloseTo(120, 6);
		const cells = fitted.rows[0];
		expect(cells.join(' ')).toContain(SOFT_HYPHEN);
		cells.forEach((cell, col) => {
			for (const word of cell.split(' ')) {
				for (const piece of word.split(SOFT_HYPHEN)) expect(measure(`${piece}-`, false) + 8).toBeLessThanOrEqual(fitted.widths[col] + 0.01);
			}
		});
	});
});

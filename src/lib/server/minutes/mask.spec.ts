import { describe, expect, it } from 'vitest';
import { maskPhones } from './mask';

describe('maskPhones', () => {
	it.each([
		['0812-3456-7890', '0812-xxxx-xx90'],
		['081234567890', '0812xxxxxx90'],
		['+62 812-3456-7890', '+62 81x-xxxx-xx90'],
		['+6281234567890', '+6281xxxxxxx90'],
		['6281234567890', '6281xxxxxxx90'],
		['(0541) 741234', '(0541) xxxx34'],
		['WA:0813.1234.5678', 'WA:0813.xxxx.xx78'],
		['hubungi 0812 3456 7890, terima kasih', 'hubungi 0812 xxxx xx90, terima kasih']
	])('masks %s', (phone, masked) => {
		expect(maskPhones(phone)).toBe(masked);
	});

	it.each([
		'rapat 05-11-2025 pukul 09.00',
		'Rp 1.500.000.000',
		'Rp 62.800.000',
		'46% PDRB tahun 2023',
		'RT 05 RW 12'
	])('leaves %s alone', (text) => {
		expect(maskPhones(text)).toBe(text);
	});

	it('masks each of several numbers', () => {
		expect(maskPhones('0812-3456-7890 atau 0813-1111-2222')).toBe('0812-xxxx-xx90 atau 0813-xxxx-xx22');
	});
});

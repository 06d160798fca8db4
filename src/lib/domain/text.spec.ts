import { describe, expect, it } from 'vitest';
import { hasControlCharacters, isBlank, isWellFormed, tidyText } from './text';

describe('tidyText', () => {
	it('trims and composes accents into one form', () => {
		expect(tidyText('  Jalan rusak \n')).toBe('Jalan rusak');
		expect(tidyText('Kafe\u0301')).toBe('Kaf\u00e9');
	});

	it('keeps inner line breaks and tabs', () => {
		expect(tidyText(' Baris satu\nBaris\tdua ')).toBe('Baris satu\nBaris\tdua');
	});
});

describe('isBlank', () => {
	it('is true for nothing but spaces and line breaks, false once there is a letter', () => {
		for (const text of ['', '   ', '\n\t \r\n', '\u00a0']) expect(isBlank(text)).toBe(true);
		expect(isBlank(' a ')).toBe(false);
	});
});

describe('hasControlCharacters', () => {
	it('finds control characters but allows tab, newline and a Windows line break', () => {
		for (const c of ['\u0000', '\u0007', '\u000b', '\u001b', '\u007f']) expect(hasControlCharacters(`awal${c}akhir`)).toBe(true);
		expect(hasControlCharacters('satu\tdua\r\ntiga\nempat')).toBe(false);
	});
});

describe('isWellFormed', () => {
	it('refuses a lone surrogate and keeps emoji and letters outside the BMP', () => {
		for (const text of ['a\ud800b', '\udfff', 'ok \ud83d']) expect(isWellFormed(text)).toBe(false);
		expect(isWellFormed('🙂 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 👨‍👩‍👧')).toBe(true);
	});
});

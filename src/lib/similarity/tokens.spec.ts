import { describe, expect, it } from 'vitest';
import { FALLING, IN_PLACE, LACKING, normalize, opposite, RISING, stance, tokenize } from './tokens';

const stems = (text: string) => tokenize(text).map((t) => t.stem);

describe('normalize', () => {
	it('lowercases, drops accents and turns punctuation into single spaces', () => {
		expect(normalize('  Kafé UMKM: modal/pasar — (sulit)!  ')).toBe('kafe umkm modal pasar sulit');
	});

	it('keeps one half of a reduplication, as written or as typed on a phone', () => {
		expect(normalize('usaha-usaha kecil')).toBe('usaha kecil');
		expect(normalize('usaha2 kecil')).toBe('usaha kecil');
		expect(normalize('berjalan sendiri-sendiri')).toBe('berjalan sendiri');
		expect(normalize('bermain-main')).toBe('bermain');
	});

	it('splits other hyphenated words and dashes', () => {
		expect(normalize('pasca-tambang')).toBe('pasca tambang');
		expect(normalize('CSR–pemerintah')).toBe('csr pemerintah');
	});
});

describe('tokenize', () => {
	it('keeps the meaningful words, stemmed, once each, in order', () => {
		// Marketing ("pemasaran") is selling ("jual"), apart from the market place ("pasar").
		expect(stems('Pelatihan pemasaran dan pelatihan manajemen')).toEqual([
			'latih',
			'jual',
			'manajemen'
		]);
	});

	it('stems a reduplication once', () => {
		expect(stems('usaha-usaha')).toEqual(['usaha']);
		expect(stems('kegiatan-kegiatan')).toEqual(['giat']);
	});

	it('drops stop words, phone shorthand and bare numbers', () => {
		expect(stems('yg sdh ada di desa utk 2025')).toEqual(['desa']);
	});

	it('drops "dapat" meaning "can" but keeps "mendapatkan" meaning "obtain"', () => {
		expect(stems('dapat modal')).toEqual(['modal']);
		expect(stems('mendapatkan modal')).toEqual(['akses', 'modal']);
	});

	it('turns every word of lack into one token, but not "mengurangi" (to reduce)', () => {
		const lack = ['belum', 'tidak', 'kurang', 'sulit', 'blm', 'terbatas', 'keterbatasan'];
		for (const word of lack) expect(stems(`${word} modal`), word).toEqual(['~', 'modal']);
		expect(stems('mengurangi modal')).not.toContain('~');
	});

	it('joins synonyms FGD cards use for one thing', () => {
		expect(stems('memanfaatkan')).toEqual(stems('memakai'));
		expect(stems('pemasaran online')).toEqual(stems('pemasaran digital'));
		expect(stems('penghasilan masyarakat')).toEqual(stems('pendapatan warga'));
		// The people a card is for say nothing about its topic: they are stop words, not a synonym set.
		expect(stems('ambulans untuk warga')).toEqual(stems('ambulans'));
	});

	it('reads short forms and social media as the words they stand for', () => {
		expect(stems('pemda')).toEqual(stems('pemerintah daerah'));
		expect(stems('jualan lewat medsos')).toEqual(stems('penjualan online'));
	});

	it('keeps the spelling as typed beside the stem', () => {
		expect(tokenize('Pemasran')).toEqual([{ stem: 'pasr', form: 'pemasran' }]);
	});

	it('finds nothing in blank or empty text', () => {
		expect(tokenize('')).toEqual([]);
		expect(tokenize('  \n\t ')).toEqual([]);
		expect(tokenize('yang dan ... !!')).toEqual([]);
	});
});

describe('stance and opposite', () => {
	it('reads what a card says of its topic', () => {
		expect(stance('Sudah ada pelatihan')).toBe(IN_PLACE);
		expect(stance('Belum ada pelatihan')).toBe(LACKING);
		expect(stance('dermaga tidak memadai')).toBe(LACKING);
		expect(stance('Harga sawit naik')).toBe(RISING);
		expect(stance('pendapatan warga menurun')).toBe(FALLING);
		expect(stance('Pelatihan pemasaran digital')).toBe(0);
	});

	it('calls two cards opposite only when each says one side', () => {
		expect(opposite(stance('sudah ada pelatihan'), stance('belum ada pelatihan'))).toBe(true);
		expect(opposite(stance('harga naik'), stance('harga turun'))).toBe(true);
		expect(opposite(stance('modal kurang'), stance('modal terbatas'))).toBe(false);
		expect(opposite(stance('sudah ada KUR tapi sulit cair'), stance('KUR sulit cair'))).toBe(false);
		expect(opposite(stance('pelatihan'), stance('belum ada pelatihan'))).toBe(false);
	});
});

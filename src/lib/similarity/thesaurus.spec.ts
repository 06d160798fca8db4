import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LACK, STOP } from './lexicon';
import { CONDITION, DOWN, parseSets, POSITIVE, SYNONYMS, UP } from './thesaurus';
import { parseTopics, TOPICS } from './topics';
import { normalize, tokenize } from './tokens';

const sets = parseSets(SYNONYMS);
const topics = parseTopics(TOPICS);
const stems = (text: string) => tokenize(text).map((t) => t.stem);

describe('the thesaurus data', () => {
	it('has sets of two or more entries, lowercase ASCII, normalised, none empty', () => {
		expect(sets.length).toBeGreaterThan(50);
		for (const set of sets) {
			expect(set.length, set.join()).toBeGreaterThanOrEqual(2);
			for (const entry of set) {
				expect(entry, set.join()).toMatch(/^[a-z0-9~_]+( [a-z0-9]+)*$/);
				if (!entry.includes('_')) expect(normalize(entry), entry).toBe(entry);
			}
		}
	});

	it('has one-word heads', () => {
		for (const [head] of sets) expect(head).not.toContain(' ');
	});

	it('never lists a word or phrase twice, in one set or in two', () => {
		const seen = new Map<string, string>();
		for (const set of sets) {
			for (const entry of set) {
				expect(seen.get(entry), `"${entry}" in ${set[0]} and ${seen.get(entry)}`).toBeUndefined();
				seen.set(entry, set[0]);
			}
		}
	});

	it('lists no word of lack as a synonym: a lack is read before the lookup', () => {
		for (const set of sets) for (const entry of set) expect(LACK.has(entry), entry).toBe(false);
	});

	it('lists a stop word only where it is also the root of a meaningful word ("dapat" of "mendapatkan", "oleh" of "memperoleh")', () => {
		const stopped = sets.flat().filter((entry) => STOP.has(entry));
		expect(stopped).toEqual(['dapat', 'oleh']);
	});

	it('has topics of two or more members, each member in one topic, names unique', () => {
		const seen = new Map<string, string>();
		expect(topics.size).toBe(TOPICS.trim().split('\n').length);
		for (const [name, members] of topics) {
			expect(name).toMatch(/^[a-z]+$/);
			expect(members.length, name).toBeGreaterThanOrEqual(2);
			for (const word of members) {
				expect(word).toMatch(/^[a-z0-9]+$/);
				expect(seen.get(word), `"${word}" in ${name} and ${seen.get(word)}`).toBeUndefined();
				seen.set(word, name);
			}
		}
	});

	it('keeps the stance word lists apart', () => {
		for (const word of UP) expect(DOWN.has(word), word).toBe(false);
		for (const word of POSITIVE) expect(LACK.has(word), word).toBe(false);
		for (const word of CONDITION) expect(word).toMatch(/^[a-z]+$/);
	});
});

describe('reading text with the thesaurus', () => {
	it('reads an abbreviation as the words it stands for', () => {
		expect(stems('KUR')).toEqual(stems('kredit usaha rakyat'));
		expect(stems('BUMDes')).toEqual(stems('badan usaha milik desa'));
		expect(stems('usaha mikro kecil menengah')).toEqual(stems('UMKM'));
		expect(stems('pokdarwis')).toEqual(stems('kelompok sadar wisata'));
		expect(stems('OPD')).toEqual(stems('dinas'));
	});

	it('joins synonyms, as typed or as any affixed form', () => {
		expect(stems('kapasitas')).toEqual(stems('kemampuan'));
		expect(stems('keterampilan')).toEqual(stems('skill'));
		expect(stems('jaminan')).toEqual(stems('agunan'));
		expect(stems('bimtek')).toEqual(stems('pelatihan'));
	});

	it('prefers the longest phrase', () => {
		expect(stems('lubang bekas tambang')).toEqual(['pascatambang']);
		expect(stems('dana bergulir')).toEqual(['modal']);
		// village funds stay funds of the village: "dana CSR" and "dana desa" are two
		expect(stems('dana desa')).toEqual(['anggaran', 'desa']);
		expect(stems('ADD')).toEqual(stems('dana desa'));
	});

	it('reads regional words: Banjar "kada" is a lack, "larang" is dear, "klotok" a boat', () => {
		expect(stems('kada ada sinyal')).toEqual(stems('tidak ada sinyal'));
		expect(stems('harga larang')).toEqual(stems('harga mahal'));
		expect(stems('klotok')).toEqual(stems('perahu'));
	});

	it('reads "jalan sendiri-sendiri" as a lack of coordination', () => {
		expect(stems('dinas jalan sendiri-sendiri')).toEqual(stems('dinas kurang koordinasi'));
	});

	it('does not take "berjalan" (under way) for "jalan" (road)', () => {
		expect(stems('program berjalan')).not.toContain('jalan');
		expect(stems('jalan rusak')).toContain('jalan');
	});
});

describe('the thesaurus across regional planning topics', () => {
	it('joins the words of tourism, farming, fishing, health and schools', () => {
		expect(stems('penginapan')).toEqual(stems('homestay'));
		expect(stems('tempat menginap')).toEqual(stems('homestay'));
		expect(stems('wisatawan')).toEqual(stems('pengunjung'));
		expect(stems('solar')).toEqual(stems('BBM'));
		expect(stems('pengepul')).toEqual(stems('tengkulak'));
		expect(stems('benih')).toEqual(stems('bibit'));
		expect(stems('bidan')).toEqual(stems('nakes'));
		expect(stems('pustu')).toEqual(stems('puskesmas'));
		expect(stems('gizi buruk')).toEqual(stems('stunting'));
		expect(stems('tenaga pengajar')).toEqual(stems('guru'));
		expect(stems('DD')).toEqual(stems('dana desa'));
		expect(stems('jln')).toEqual(stems('jalan'));
	});

	it('joins the words of water, work safety, schools, sea weather and women\'s groups', () => {
		expect(stems('pusat kesehatan masyarakat')).toEqual(stems('puskesmas'));
		expect(stems('keselamatan kerja')).toEqual(stems('K3'));
		expect(stems('bantuan operasional sekolah')).toEqual(stems('BOS'));
		expect(stems('angin kencang')).toEqual(stems('cuaca buruk'));
		expect(stems('diajak')).toEqual(stems('dilibatkan'));
		expect(stems('kada bagawi')).toEqual(stems('menganggur'));
		expect(stems('jalan berlubang')).toEqual(stems('jalan rusak'));
	});

	it('tells an extension worker (penyuluh) from extension training (penyuluhan)', () => {
		expect(stems('penyuluh')).toEqual(stems('PPL'));
		expect(stems('penyuluhan')).toEqual(stems('pelatihan'));
	});

	it('keeps "kelompok tani" in its two words, so the Banjar "bubuhan petani" meets it', () => {
		expect(stems('poktan')).toEqual(['kelompok', 'tani']);
		expect(stems('bubuhan petani')).toEqual(stems('kelompok tani'));
	});

	it('reads "oleh-oleh" (souvenirs) as a word, not as the stop word "oleh"', () => {
		expect(stems('oleh-oleh khas')).toEqual(stems('souvenir khas'));
		expect(stems('oleh2')).toEqual(['oleholeh']);
	});

	it('reads a dormant group ("mati suri", "vakum") as a lack of activity', () => {
		expect(stems('posyandu mati suri')).toEqual(stems('posyandu tidak aktif'));
		expect(stems('koperasi vakum')).toEqual(stems('koperasi tidak aktif'));
	});

	it('keeps marketing (pemasaran, dipasarkan) with selling, apart from the market place', () => {
		expect(stems('pemasaran')).toEqual(stems('jualan'));
		expect(stems('dipasarkan')).toEqual(stems('dijual'));
		expect(stems('pasar')).not.toEqual(stems('pemasaran'));
	});

	it('counts places and frame nouns as conditions: they say where or of what, not about what', () => {
		for (const word of ['samarinda', 'paser', 'berau', 'harga', 'program']) {
			expect(CONDITION.has(stems(word)[0]), word).toBe(true);
		}
	});
});

describe('the topics', () => {
	it('are loaded only by clustering across sessions, never by what phones and the console load', () => {
		const seen = new Set<string>();
		const visit = (file: string) => {
			if (seen.has(file)) return;
			seen.add(file);
			const source = readFileSync(new URL(`./${file}.ts`, import.meta.url), 'utf8');
			for (const [, name] of source.matchAll(/from '\.\/([a-z-]+)'/g)) visit(name);
		};
		visit('index');
		expect([...seen]).toContain('thesaurus');
		expect([...seen]).not.toContain('topics');
		expect([...seen]).not.toContain('clusters');
	});
});

import { LACK, LACK_STEM, PHRASES, SAME, STOP } from './lexicon';
import { stem } from './stem';
import { DOWN, POSITIVE, UP } from './thesaurus';

/** One meaningful word of an item. */
export interface Token {
	/** What the word is compared by: its root, or the shared head of its synonym group. */
	stem: string;
	/** The word as normalised, kept to catch typos that the stemmer mangles ("pemasran"). */
	form: string;
}

/**
 * Lowercase ASCII words separated by single spaces. Accents go ("é" → "e"), any punctuation
 * becomes a space, and reduplication collapses to one word: "usaha-usaha", "usaha2" (as typed
 * on phones) and "bermain-main" all keep only their first half.
 */
export function normalize(text: string): string {
	return text
		.normalize('NFKD')
		.toLowerCase()
		.replace(/[\u0300-\u036f]/g, '')
		// "oleh-oleh" (souvenirs) is not "oleh", a stop word, as reduplication would make it.
		.replace(/\boleh(?:-oleh|2)\b/g, 'oleholeh')
		.replace(/([a-z]+)-([a-z]+)/g, (_, a: string, b: string) =>
			a.endsWith(b) ? a : `${a} ${b}`
		)
		.replace(/([a-z]{2,})2\b/g, '$1')
		.replace(/kerja sama/g, 'kerjasama')
		.replace(/[^a-z0-9]+/g, ' ')
		.trim();
}

const stems = new Map<string, string>();

/**
 * The root of a word as typed, with its synonym group applied ("_" between several roots);
 * memoised, words repeat a lot.
 */
function rootOf(word: string): string {
	let root = stems.get(word);
	if (root === undefined) {
		const own = stem(word);
		root = SAME.get(word) ?? SAME.get(own) ?? own;
		stems.set(word, root);
	}
	return root;
}

/** The thesaurus' phrases, longest first so that "lubang bekas tambang" wins over "bekas tambang". */
const PHRASE = new RegExp(
	`\\b(?:${[...PHRASES.keys()].sort((a, b) => b.length - a.length).join('|')})\\b`,
	'g'
);

/** Normalised text with the thesaurus' phrases replaced by their head word. */
const words = (text: string) =>
	normalize(text)
		.replace(PHRASE, (phrase) => PHRASES.get(phrase)!)
		.split(' ');

/** The distinct meaningful words of a text, in order of first appearance. */
export function tokenize(text: string): Token[] {
	const seen = new Map<string, Token>();
	for (const word of words(text)) {
		if (!word || STOP.has(word) || /^\d+$/.test(word)) continue;
		const roots = LACK.has(word.replace(/nya$/, '')) ? LACK_STEM : rootOf(word);
		for (const root of roots.split('_')) {
			if (!seen.has(root)) seen.set(root, { stem: root, form: word });
		}
	}
	return [...seen.values()];
}

/** Bits of a text's stance: says something is in place, lacking, going up, going down. */
export const IN_PLACE = 1;
export const LACKING = 2;
export const RISING = 4;
export const FALLING = 8;

/**
 * What a text says of its topic, as IN_PLACE | LACKING | RISING | FALLING bits: "sudah ada
 * pelatihan" is in place, "belum ada pelatihan" lacking, "harga naik" rising.
 */
export function stance(text: string): number {
	let bits = 0;
	let negated = false;
	for (const word of words(text)) {
		if (!word) continue;
		const lack = LACK.has(word.replace(/nya$/, ''));
		// "tidak memadai": a word of being in place after a negation says a lack.
		if (lack) bits |= LACKING;
		else if (POSITIVE.has(word)) bits |= negated ? LACKING : IN_PLACE;
		negated = lack;
		const root = UP.has(word) || DOWN.has(word) ? word : stem(word);
		if (UP.has(root)) bits |= RISING;
		if (DOWN.has(root)) bits |= FALLING;
	}
	return bits;
}

/**
 * Whether two stances are opposite: one says a thing is in place and the other that it is
 * lacking, or one that it rises and the other that it falls (each saying only one of the two).
 * Such cards are about the same words but never the same contribution.
 */
export function opposite(a: number, b: number): boolean {
	const one = (bits: number, x: number, y: number) => (bits & (x | y)) === x;
	return (
		(one(a, IN_PLACE, LACKING) && one(b, LACKING, IN_PLACE)) ||
		(one(a, LACKING, IN_PLACE) && one(b, IN_PLACE, LACKING)) ||
		(one(a, RISING, FALLING) && one(b, FALLING, RISING)) ||
		(one(a, FALLING, RISING) && one(b, RISING, FALLING))
	);
}

import { LACK, LACK_STEM, SAME, STOP } from './lexicon';
import { stem } from './stem';

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

/** The distinct meaningful words of a text, in order of first appearance. */
export function tokenize(text: string): Token[] {
	const seen = new Map<string, Token>();
	for (const word of normalize(text).split(' ')) {
		if (!word || STOP.has(word) || /^\d+$/.test(word)) continue;
		const roots = LACK.has(word.replace(/nya$/, '')) ? LACK_STEM : rootOf(word);
		for (const root of roots.split('_')) {
			if (!seen.has(root)) seen.set(root, { stem: root, form: word });
		}
	}
	return [...seen.values()];
}

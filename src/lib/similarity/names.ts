import { LACK_STEM } from './lexicon';
import type { Entry, SimilarityIndex } from './search';
import { tokenize } from './tokens';

/** A theme name is a short noun phrase: a head noun and a modifier or two ("Modal usaha"). */
const MAX_WORDS = 3;

/** A word of an item as typed. */
interface Word {
	text: string;
	/** How many of the group's items share its meaning. */
	shared: number;
	/** How much it says about this group: shared here and rare elsewhere on the board ("UMKM" is everywhere). */
	weight: number;
	/** A verb form ("memanfaatkan", "dijual"): it can follow a head noun but cannot be one. */
	verb: boolean;
}

/**
 * A name for a suggested theme, as a person would give it: a noun phrase taken from the
 * group's own words ("Pemasaran digital"), not a list of keywords ("digital, pemasaran,
 * memanfaatkan"). Each item is cut at function words, words of lack and punctuation into runs
 * of content words; a run loses its leading verbs ("memanfaatkan") and the leading words no
 * other item shares, and is kept to three words. The run whose
 * words the group shares most, and the rest of the board least, names it; on a tie the earlier one.
 * An empty string when no two items share a word that can head a name.
 */
export function themeName(index: SimilarityIndex, entries: Entry[]): string {
	const shared = sharedTerms(index, entries.map((e) => e.id));
	let best: { words: Word[]; score: number } | undefined;
	for (const entry of entries) {
		for (const run of runs(entry.text, index, shared)) {
			const words = trim(run);
			const score = words.reduce((sum, w) => sum + w.weight, 0);
			if (words.length && (!best || score > best.score)) best = { words, score };
		}
	}
	return best ? sentenceCase(best.words.map((w) => w.text).join(' ')) : '';
}

/** Term → how many of the group's items hold it. */
function sharedTerms(index: SimilarityIndex, ids: string[]): Map<number, number> {
	const counts = new Map<number, number>();
	for (const id of ids) for (const t of index.items.get(id)?.terms ?? []) counts.set(t, (counts.get(t) ?? 0) + 1);
	return counts;
}

/** The item's runs of content words: stop words, lacks and punctuation end a run. */
function runs(text: string, index: SimilarityIndex, shared: Map<number, number>): Word[][] {
	const found: Word[][] = [[]];
	for (const [piece] of text.matchAll(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]+/gu)) {
		const tokens = /[\p{L}\p{N}]/u.test(piece) ? tokenize(piece) : [];
		if (!tokens.length || tokens.some((t) => t.stem === LACK_STEM)) {
			if (found.at(-1)!.length) found.push([]);
			continue;
		}
		let word: Word = { text: piece, shared: 0, weight: 0, verb: isVerb(piece, tokens[0].stem) };
		for (const t of tokens) {
			const id = index.termIds.get(t.stem) ?? -1;
			const n = shared.get(id) ?? 0;
			if (n > word.shared) word = { ...word, shared: n, weight: n > 1 ? (n * n) / index.terms[id].items : 0 };
		}
		found.at(-1)!.push(word);
	}
	return found.filter((run) => run.length);
}

/** Drops the leading verbs and words no other item shares, then keeps a head and its modifiers. */
function trim(run: Word[]): Word[] {
	const start = run.findIndex((w) => w.shared > 1 && !w.verb);
	return start < 0 ? [] : run.slice(start, start + MAX_WORDS);
}

/**
 * Indonesian verbs carry an affix their root lacks: me-, ber-, di-, ter- ("memanfaatkan" is
 * manfaat, "dijual" jual). A noun such as "digital" or "pemasaran" does not start that way
 * with its root inside.
 */
function isVerb(word: string, root: string): boolean {
	const typed = word.toLowerCase();
	return typed !== root && /^(me|be|di|te)/.test(typed);
}

/** "pemasaran digital" → "Pemasaran digital"; acronyms as typed ("UMKM", "CSR") stay. */
function sentenceCase(phrase: string): string {
	return phrase.charAt(0).toLocaleUpperCase('id') + phrase.slice(1);
}

import { ROOTS } from './lexicon';

/*
 * A light rule-based Indonesian stemmer. It has no dictionary (that would not fit on a phone),
 * so where a prefix could hide two roots (mem+akai is "pakai", mem+anfaat is "manfaat") it
 * prefers a root from the short ROOTS list and otherwise takes the regular sound change.
 * Stemming only has to be consistent, not correct: "pangan" becoming "pang" is harmless as long
 * as every form of it does.
 *
 * Order: particle (-lah, -kah, -pun), possessive (-nya), one derivational suffix (-kan, -an,
 * -i), then up to three prefixes from the outside in. Each step also keeps the unstripped
 * reading, and the first reading that ends in a known root wins; failing that, the first that
 * is valid at all.
 */

/** Roots shorter than this are not produced: "lahan" keeps its -an, "berjalan" loses ber-. */
const MIN = 4;

const vowel = (c: string | undefined) => c !== undefined && 'aiueo'.includes(c);

/**
 * Which derivational suffix each outer prefix may pair with. Indonesian has no me-…-an,
 * di-…-an, pe-…-kan or ke-…-kan, which settles "pendidikan" (didik+an, not didi+kan) and
 * "kerusakan" without a dictionary. A bare word may take -kan or -an but not -i: "industri"
 * stays whole.
 */
const SUFFIXES: Record<string, string[] | undefined> = {
	me: ['kan', 'i'],
	di: ['kan', 'i'],
	ter: ['kan', 'i'],
	pe: ['an'],
	per: ['an', 'i'],
	ber: ['an', 'kan'],
	ke: ['an']
};

/** What is left after a prefix, which prefix it was, and whether the rest is surely a root. */
type Option = [rest: string, prefix: string, root?: boolean];

/**
 * The sound changes of meN- and peN-. Before a vowel the nasal has swallowed p, t, s or k, or
 * belongs to a root starting with m, n or a vowel; either way what is left is a root, so
 * "pemerintah" stops at "perintah" instead of losing per- as well.
 */
function nasal(w: string, prefix: 'me' | 'pe'): Option[] {
	const r = w.slice(2);
	const after = (n: number) => r.slice(n);
	const options = (...rests: string[]): Option[] => rests.map((rest) => [rest, prefix]);
	const roots = (...rests: string[]): Option[] => rests.map((rest) => [rest, prefix, true]);
	if (r.startsWith('ny')) return vowel(r[2]) ? roots('s' + after(2)) : [];
	if (r.startsWith('ng')) return vowel(r[2]) ? roots(after(2), 'k' + after(2)) : options(after(2));
	if (r[0] === 'm') {
		if (vowel(r[1])) return roots('p' + after(1), r);
		return 'bfpv'.includes(r[1]) ? options(after(1)) : [];
	}
	if (r[0] === 'n') {
		if (vowel(r[1])) return roots('t' + after(1), r);
		return 'cdjsz'.includes(r[1]) ? options(after(1)) : [];
	}
	if (prefix === 'pe' && r[0] === 'r') return [[after(1), 'per'], [r, 'pe', true]];
	if (prefix === 'me') return 'lrwy'.includes(r[0]) ? options(r) : [];
	return vowel(r[0]) ? [] : options(r);
}

function prefixOptions(w: string, suffix: string, outer: string): Option[] {
	if (w.startsWith('me') || w.startsWith('pe')) return nasal(w, w.startsWith('me') ? 'me' : 'pe');
	if (w.startsWith('ber')) return [[w.slice(3), 'ber']];
	if (w.startsWith('ter')) return [[w.slice(3), 'ter']];
	if (w.startsWith('di')) return [[w.slice(2), 'di']];
	// ke-…-an is never doubled: "kekeringan" is ke+kering+an, not ke+ke+ring+an.
	if (w.startsWith('ke') && suffix === 'an' && outer !== 'ke') return [[w.slice(2), 'ke']];
	// be+kerja and se+jalan are too rare and too easily confused to take on spec.
	if (w.startsWith('be') && ROOTS.has(w.slice(2))) return [[w.slice(2), 'be']];
	if (w.startsWith('se') && ROOTS.has(w.slice(2))) return [[w.slice(2), 'se']];
	return [];
}

/**
 * Strips prefixes from `w`, which has already lost `suffix` and the prefix `outer` (if any).
 * Undefined means this reading is impossible: an outer prefix that cannot pair with the suffix,
 * a root left too short, or -i on a word with no verb prefix.
 */
function unprefix(w: string, suffix: string, depth: number, outer = ''): string | undefined {
	if (ROOTS.has(w)) return w;
	const options = depth < 3 ? prefixOptions(w, suffix, outer) : [];
	if (options.length === 0) {
		if (depth === 0 && suffix === 'i') return undefined;
		return w;
	}
	let fallback: string | undefined;
	for (const [rest, prefix, root] of options) {
		if (rest.length < MIN) continue;
		if (depth === 0 && suffix && !SUFFIXES[prefix]?.includes(suffix)) continue;
		const stem = root ? rest : unprefix(rest, suffix, depth + 1, prefix);
		if (stem === undefined) continue;
		if (ROOTS.has(stem)) return stem;
		fallback ??= stem;
	}
	// An inner prefix that does not fit leaves the word as it is; an outer one rules it out.
	return fallback ?? (depth > 0 ? w : undefined);
}

const strip = (w: string, ending: string) =>
	w.endsWith(ending) && w.length - ending.length >= MIN ? w.slice(0, -ending.length) : w;

/** The word with its endings peeled off one at a time, most stripped first. */
function readings(word: string): Option[] {
	const particle = ['lah', 'kah', 'pun'].reduce(strip, word);
	const bare = strip(particle, 'nya');
	const out: Option[] = [];
	for (const w of new Set([bare, particle, word])) {
		// -an before -kan: "kebijakan" is bijak+an; verbs in -kan carry me- or di-, which rule -an out.
		for (const suffix of ['an', 'kan', 'i']) {
			const rest = strip(w, suffix);
			if (rest !== w) out.push([rest, suffix]);
		}
		out.push([w, '']);
	}
	return out;
}

/** The root of one lowercase word: "mendapatkan" → "dapat", "keberlanjutan" → "lanjut". */
export function stem(word: string): string {
	if (word.length <= MIN || ROOTS.has(word)) return word;
	let fallback: string | undefined;
	for (const [rest, suffix] of readings(word)) {
		const root = unprefix(rest, suffix, 0);
		if (root === undefined || root.length < MIN) continue;
		if (ROOTS.has(root)) return root;
		fallback ??= root;
	}
	return fallback ?? word;
}

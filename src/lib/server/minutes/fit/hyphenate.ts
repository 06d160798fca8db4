/**
 * Where a word may be broken with a hyphen, by the syllable rules Indonesian schools teach
 * (PUEBI), which put English words like "Recommen-dations" and "Time-frame" at acceptable
 * points too: a single consonant between vowels starts the next syllable (ba-ta), two
 * consonants are split (ban-tu), of three or more only the first stays behind (in-stan-si);
 * ng, ny, kh and sy count as one consonant. Vowel pairs are never split (diphthongs).
 */

/** The character a renderer turns into a hyphen when, and only when, it breaks the line there. */
export const SOFT_HYPHEN = '\u00ad';

const VOWEL = /[aeiouy]/i;
const LETTER = /\p{L}/u;
const DIGRAPHS = ['ng', 'ny', 'kh', 'sy'];
/** Fewest letters left before a break and carried after it: no "R-" nor "-i" on a line. */
const HEAD = 2;
const TAIL = 3;

const isVowel = (c: string) => VOWEL.test(c);

/** A plosive or f with r or l begins a syllable together: in-fra, ul-tra, Time-frame. */
const ONSET = /[bcdfgkpt][rl]$/;

/** Where the consonants `cluster`, found at `start` between two vowels, are split. */
function breakInCluster(cluster: string, start: number): number {
	if (cluster.length === 1 || DIGRAPHS.includes(cluster)) return start;
	// ng, ny, kh, sy stay behind whole: pe-nang-gung, not pe-nan-ggung.
	if (DIGRAPHS.some((d) => cluster.startsWith(d))) return start + 2;
	if (ONSET.test(cluster)) return start + cluster.length - 2;
	return start + 1;
}

/** Offsets inside `word` where a hyphen may go; none for words with digits or all capitals (NIB, PIRT, 2026). */
export function breakPoints(word: string): number[] {
	if (!/^\p{L}+$/u.test(word) || word === word.toUpperCase()) return [];
	const points: number[] = [];
	let i = 0;
	while (i < word.length) {
		// Find the next vowel group, then the consonants after it.
		while (i < word.length && !isVowel(word[i])) i++;
		while (i < word.length && isVowel(word[i])) i++;
		const start = i;
		while (i < word.length && LETTER.test(word[i]) && !isVowel(word[i])) i++;
		if (i >= word.length) break;
		const cluster = word.slice(start, i).toLowerCase();
		if (cluster.length === 0) continue;
		const at = breakInCluster(cluster, start);
		if (at >= HEAD && word.length - at >= TAIL) points.push(at);
	}
	return points;
}

/** `word` with a soft hyphen at each break point. */
export function hyphenate(word: string): string {
	let out = '';
	let from = 0;
	for (const at of breakPoints(word)) {
		out += word.slice(from, at) + SOFT_HYPHEN;
		from = at;
	}
	return out + word.slice(from);
}

/** The pieces a word may be broken into: each is set with a hyphen after it, except the last. */
export function pieces(word: string): string[] {
	return hyphenate(word).split(SOFT_HYPHEN);
}

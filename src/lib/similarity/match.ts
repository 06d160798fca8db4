/** What a word inside another is worth: "wisata" in "agrowisata", "tambang" in "pascatambang". */
const COMPOUND = 0.75;

/**
 * Optimal-string-alignment distance (edits, with a swap of two neighbours counting as one),
 * or `max + 1` as soon as it is certain to exceed `max`.
 */
export function distance(a: string, b: string, max: number): number {
	const n = b.length;
	let [before, prev, row] = [0, 0, 0].map(() => new Uint16Array(n + 1));
	for (let j = 0; j <= n; j++) prev[j] = j;
	for (let i = 1; i <= a.length; i++) {
		row[0] = i;
		let low = i;
		for (let j = 1; j <= n; j++) {
			let d = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
			if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
				d = Math.min(d, before[j - 2] + 1);
			}
			row[j] = d;
			if (d < low) low = d;
		}
		if (low > max) return max + 1;
		const spare = before;
		before = prev;
		prev = row;
		row = spare;
	}
	return prev[n];
}

/**
 * How alike two words are, from 0 to 1: 1 when equal, COMPOUND when one holds the other, and
 * 1 − edits/length for a typo ("modla" and "modal" give 0.8). Words under five letters must be
 * equal: at that length one edit turns most words into other words.
 *
 * Stems may be one edit apart from five letters and two from eight. Spellings as typed (`typed`)
 * may be one edit apart and must share their first letter, because two affixed forms of
 * different roots are often two edits apart ("pendapatan", income; "mendapatkan", obtain).
 * Short stems must share a first letter too: people rarely mistype the first letter, while
 * "lahan" and "bahan" are different words.
 */
export function closeness(a: string, b: string, typed = false): number {
	if (a === b) return 1;
	const short = a.length <= b.length ? a : b;
	const long = short === a ? b : a;
	if (short.length < 5) return 0;
	const gap = long.length - short.length;
	if (gap >= 3) return long.startsWith(short) || long.endsWith(short) ? COMPOUND : 0;
	const max = !typed && short.length >= 8 ? 2 : 1;
	if (gap > max || ((typed || max === 1) && a[0] !== b[0])) return 0;
	const edits = distance(a, b, max);
	return edits > max ? 0 : 1 - edits / long.length;
}

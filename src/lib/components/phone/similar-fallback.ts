/**
 * A stand-in for src/lib/similarity until it is merged, with the same shape: index the items
 * once, then score a draft against them by shared words (Dice coefficient on word stems).
 */

export interface SimilarityIndex {
	entries: { id: string; words: Set<string> }[];
}

// Words too common in either language to say two ideas are alike.
const STOP = new Set(
	'yang dan di ke dari untuk dengan pada ini itu atau juga dalam akan bisa tidak belum ada oleh bagi agar karena sudah masih sangat lebih para the and for with from that this are not'.split(' ')
);

/** Lower-cased words of 3+ letters, cut to 6 letters so "pemasaran" and "pemasar" meet. */
function words(text: string): Set<string> {
	const out = new Set<string>();
	for (const word of text.toLowerCase().normalize('NFKD').split(/[^\p{L}\p{N}]+/u)) {
		if (word.length >= 3 && !STOP.has(word)) out.add(word.slice(0, 6));
	}
	return out;
}

export function createIndex(items: { id: string; text: string }[]): SimilarityIndex {
	return { entries: items.map((item) => ({ id: item.id, words: words(item.text) })) };
}

export function similarTo(
	index: SimilarityIndex,
	draft: string,
	options: { limit: number; threshold: number }
): { id: string; score: number }[] {
	const query = words(draft);
	if (query.size === 0) return [];
	const scored: { id: string; score: number }[] = [];
	for (const entry of index.entries) {
		let shared = 0;
		for (const word of query) if (entry.words.has(word)) shared++;
		const score = (2 * shared) / (query.size + entry.words.size);
		if (score >= options.threshold) scored.push({ id: entry.id, score });
	}
	return scored.sort((a, b) => b.score - a.score).slice(0, options.limit);
}

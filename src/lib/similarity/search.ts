import { LACK_STEM, SAME } from './lexicon';
import { closeness } from './match';
import { CONDITION } from './thesaurus';
import { opposite, stance, tokenize, type Token } from './tokens';

export interface Entry {
	id: string;
	text: string;
}

export interface Match {
	id: string;
	/** 0 (nothing shared) to 1 (the same meaningful words). */
	score: number;
}

export interface Pair {
	a: string;
	b: string;
	score: number;
}

export interface Term {
	stem: string;
	/** Each spelling seen for the stem, with how many items use it: the commonest names a group. */
	forms: Map<string, number>;
	/** How many items hold the term now. Rare terms weigh more. */
	items: number;
	/** Terms that count as partly the same word (typos, compounds), with how much (0–1). */
	near: Map<number, number>;
	/** Whether it says what a card is about: not a lack, nor a word of condition, frame or place. */
	content: boolean;
}

export interface SimilarityIndex {
	/** Every term ever seen. Kept when its items go, so that term numbers stay valid. */
	terms: Term[];
	termIds: Map<string, number>;
	/** Item id → its distinct terms, the spelling each was typed in, and its stance (tokens.ts). */
	items: Map<string, { terms: number[]; forms: string[]; stance: number }>;
	/**
	 * Broader topics (stem or head → topic name): words of one topic count as partly the same
	 * ("bank" and "agunan" are both financing), as they do when clustering across sessions
	 * (topics.ts, server side). Empty for the phone's and the console's indexes.
	 */
	topics: ReadonlyMap<string, string>;
	/**
	 * Whether two cards whose heads (first content words) both go unmatched score less: true for
	 * duplicates and hints; themes (suggestGroups) and clustering across sessions leave it out, a
	 * theme or an issue being broader than one card.
	 */
	heads: boolean;
}

export interface Options {
	/** Lowest score to report, 0–1. */
	threshold?: number;
	/** Only consider items for which this is true, e.g. those of one kind. */
	filter?: (id: string) => boolean;
	/**
	 * Pairs whose stances are opposite ("sudah ada pelatihan" / "belum ada pelatihan") are never
	 * duplicates, so duplicatePairs leaves them out unless this is true (themes may hold both).
	 */
	opposites?: boolean;
	/** Whether the head rule applies (see SimilarityIndex.heads); the index's setting if not given. */
	heads?: boolean;
}

/*
 * Default thresholds, read off the 31 sample cards in src/lib/testing/sample-cards.ts: the best pair across
 * themes scores 0.40 (two cards on selling local products), the rephrasings a facilitator
 * would merge 0.52 to 1, and a theme's other pairs mostly 0.25 to 0.5.
 */

/** The phone's hint would rather show one card too many than miss the one about to be repeated. */
export const SIMILAR = 0.35;
/** A pair the console offers to merge must say the same thing. */
export const DUPLICATE = 0.5;
/** Themes are broader than duplicates; average-link keeps a low threshold from chaining. */
export const GROUP = 0.25;

/**
 * Empty items added to the count, so that early in a session a shared word is not discounted
 * as if it were in every item.
 */
const PSEUDO_ITEMS = 10;

/** A lack ("belum", "sulit") only says that something is wrong, so it counts half. */
const LACK_WEIGHT = 0.5;

const NO_TOPICS: ReadonlyMap<string, string> = new Map();

/** How an index compares cards: see SimilarityIndex. */
export interface IndexOptions {
	topics?: ReadonlyMap<string, string>;
	heads?: boolean;
}

export function createIndex(
	entries: Entry[] = [],
	{ topics = NO_TOPICS, heads = true }: IndexOptions = {}
): SimilarityIndex {
	const index: SimilarityIndex = { terms: [], termIds: new Map(), items: new Map(), topics, heads };
	for (const entry of entries) add(index, entry);
	return index;
}

/** Adds an item, or replaces it if its id is already there (an edited item). */
export function add(index: SimilarityIndex, { id, text }: Entry): void {
	remove(index, id);
	const tokens = tokenize(text);
	const terms = tokens.map((t) => intern(index, t));
	index.items.set(id, { terms, forms: tokens.map((t) => t.form), stance: stance(text) });
}

export function remove(index: SimilarityIndex, id: string): void {
	const item = index.items.get(id);
	if (!item) return;
	item.terms.forEach((t, i) => {
		const term = index.terms[t];
		term.items--;
		term.forms.set(item.forms[i], term.forms.get(item.forms[i])! - 1);
	});
	index.items.delete(id);
}

/** What two words of one topic of the thesaurus are worth to each other, when topics count. */
export const RELATED = 0.5;

function kinship(a: Term, b: Term, topics: ReadonlyMap<string, string>): number {
	if (a.stem === LACK_STEM || b.stem === LACK_STEM) return 0;
	let best = closeness(a.stem, b.stem);
	const topic = topics.get(a.stem);
	if (best < RELATED && topic !== undefined && topic === topics.get(b.stem)) {
		best = RELATED;
	}
	for (const fa of a.forms.keys()) {
		for (const fb of b.forms.keys()) best = Math.max(best, closeness(fa, fb, true));
	}
	return best;
}

function nearTerms(index: SimilarityIndex, term: Term, self = -1): Map<number, number> {
	const near = new Map<number, number>();
	index.terms.forEach((other, j) => {
		const s = j === self ? 0 : kinship(term, other, index.topics);
		if (s > 0) near.set(j, s);
	});
	return near;
}

const isContent = (stem: string) => stem !== LACK_STEM && !CONDITION.has(stem);

function intern(index: SimilarityIndex, { stem, form }: Token): number {
	let id = index.termIds.get(stem);
	if (id === undefined) {
		const content = isContent(stem);
		id = index.terms.push({ stem, forms: new Map(), items: 0, near: new Map(), content }) - 1;
		index.termIds.set(stem, id);
	}
	const term = index.terms[id];
	const uses = term.forms.get(form);
	term.items++;
	term.forms.set(form, (uses ?? 0) + 1);
	// A new spelling can only bring terms closer, so the links are redone for it alone.
	if (uses === undefined) {
		term.near = nearTerms(index, term, id);
		for (const [j, s] of term.near) index.terms[j].near.set(id, s);
	}
	return id;
}

/** One side of a comparison: a term, the terms near it, and its weight. */
interface Probe {
	term: number;
	near: Map<number, number>;
	weight: number;
	/** Whether it says what the card is about: not a lack, nor a word of condition or place. */
	content: boolean;
}

/**
 * Inverse document frequency: a term in half the items ("umkm" at a UMKM FGD) says little. A
 * lack or a word of condition ("rusak", "mahal") counts half: it says what is wrong, not with what.
 */
const weight = (index: SimilarityIndex, { stem, items }: Pick<Term, 'stem' | 'items'>) =>
	(stem === LACK_STEM || CONDITION.has(stem) ? LACK_WEIGHT : 1) *
	Math.log(1 + (index.items.size + PSEUDO_ITEMS) / Math.max(1, items));

const weights = (index: SimilarityIndex) => Float64Array.from(index.terms, (t) => weight(index, t));

const probesOf = (index: SimilarityIndex, terms: number[], w: Float64Array): Probe[] =>
	terms.map((t) => {
		const { near, content } = index.terms[t];
		return { term: t, near, weight: w[t], content };
	});

/** Probes for text that is not in the index: its unseen words are treated as rare. */
function probesFor(index: SimilarityIndex, text: string, w: Float64Array): Probe[] {
	return tokenize(text).map(({ stem, form }) => {
		const id = index.termIds.get(stem);
		const content = isContent(stem);
		if (id !== undefined) return { term: id, near: index.terms[id].near, weight: w[id], content };
		const term: Term = { stem, forms: new Map([[form, 1]]), items: 0, near: new Map(), content };
		return { term: -1, near: nearTerms(index, term), weight: weight(index, term), content };
	});
}

/** Each of the other side's terms' best match so far, reused across calls. */
let best = new Float64Array(32);

/**
 * A card's head is its first word that says what it is about (not a lack, a condition or a
 * place): Indonesian puts the topic first ("jalan ke sekolah rusak" is about the road, "sekolah
 * rusak" about the school). When neither card's head has a match at least this good on the
 * other side, the two share a frame but are about two things.
 */
const HEAD_MATCH = 0.5;
/** What such a pair's score is multiplied by. Read off the tuned pairs (docs/synthesis.md). */
const HEAD_MISS = 0.8;
/** What a pair whose shared word is qualified differently on each side is multiplied by. */
const CONTRAST = 0.75;

/**
 * A soft, weighted Dice coefficient: each word on either side scores its best match on the
 * other (1 for the same stem, less for a typo or compound), weighted by rarity, over the total
 * weight of both sides. Symmetric, and 1 only when both say the same words. Less when the two
 * heads both go unmatched, if the index checks heads.
 */
function score(
	index: SimilarityIndex,
	probes: Probe[],
	terms: number[],
	w: Float64Array,
	heads = index.heads
): number {
	if (best.length < terms.length) best = new Float64Array(2 * terms.length);
	best.fill(0, 0, terms.length);
	let hit = 0;
	let total = 0;
	// How well each side's head is matched on the other; -1 until it is found.
	let headMatch = -1;
	if (tops.length < probes.length) tops = new Float64Array(2 * probes.length);
	probes.forEach((p, i) => {
		let top = 0;
		for (let j = 0; j < terms.length; j++) {
			const s = p.term === terms[j] ? 1 : p.near.size ? (p.near.get(terms[j]) ?? 0) : 0;
			if (s > top) top = s;
			if (s > best[j]) best[j] = s;
		}
		tops[i] = top;
		if (headMatch < 0 && p.content) headMatch = top;
		hit += p.weight * top;
		total += p.weight;
	});
	let otherHead = -1;
	for (let j = 0; j < terms.length; j++) {
		if (otherHead < 0 && index.terms[terms[j]].content) otherHead = best[j];
		hit += w[terms[j]] * best[j];
		total += w[terms[j]];
	}
	const s = total > 0 ? hit / total : 0;
	if (!heads) return s;
	const unmatched = (head: number) => head >= 0 && head < HEAD_MATCH;
	if (unmatched(headMatch) && unmatched(otherHead)) return s * HEAD_MISS;
	return contrasted(index, probes, terms) ? s * CONTRAST : s;
}

/** Each probe's best match in the last score(), as `best` holds the other side's. */
let tops = new Float64Array(32);

const HEADS = new Set(SAME.values());
/** A head of the thesaurus that says what a card is about: two such heads are two things. */
const known = (t: Term) => t.content && HEADS.has(t.stem);

const matchOf = (p: Probe, term: number) => (p.term === term ? 1 : (p.near.get(term) ?? 0));

/**
 * Whether a shared word is qualified differently on each side: "dana CSR" / "dana BOS", "limbah
 * tambang" / "limbah rumah tangga", "jalan ke kebun" / "jalan ke sekolah". The words after a
 * matched pair (Indonesian puts the qualifier after the word it qualifies) go unmatched on both
 * sides and are two heads of the thesaurus, so the cards name two kinds of one thing. Words it
 * does not know may be synonyms it lacks, so they never count. Symmetric, as score() must be.
 */
function contrasted(index: SimilarityIndex, probes: Probe[], terms: number[]): boolean {
	for (let i = 0; i + 1 < probes.length; i++) {
		const next = index.terms[probes[i + 1].term];
		if (tops[i + 1] >= HEAD_MATCH || !next || !known(next)) continue;
		for (let j = 0; j + 1 < terms.length; j++) {
			// A lack is no anchor: "tidak tahu" and "kurang dikenal" say one thing two ways.
			if (best[j + 1] >= HEAD_MATCH || index.terms[terms[j]].stem === LACK_STEM) continue;
			if (matchOf(probes[i], terms[j]) >= HEAD_MATCH && known(index.terms[terms[j + 1]])) return true;
		}
	}
	return false;
}

const byScore = (a: { score: number }, b: { score: number }) => b.score - a.score;

/** Posted items that look like a draft, best first; ties keep the order items were added. */
export function similarTo(
	index: SimilarityIndex,
	draft: string,
	{ limit = 3, threshold = SIMILAR, filter }: Options & { limit?: number } = {}
): Match[] {
	const w = weights(index);
	const probes = probesFor(index, draft, w);
	if (probes.length === 0) return [];
	const found: Match[] = [];
	for (const [id, item] of index.items) {
		if (filter && !filter(id)) continue;
		const s = score(index, probes, item.terms, w);
		if (s >= threshold) found.push({ id, score: s });
	}
	return found.sort(byScore).slice(0, limit);
}

/** Every pair of items that look like the same contribution, best first. */
export function duplicatePairs(
	index: SimilarityIndex,
	{ threshold = DUPLICATE, filter, opposites = false, heads = index.heads }: Options = {}
): Pair[] {
	const w = weights(index);
	const items = [...index.items].filter(([id]) => !filter || filter(id));
	const total = items.map(([, item]) => item.terms.reduce((sum, t) => sum + w[t], 0));
	const holders = new Map<number, number[]>();
	items.forEach(([, item], i) => {
		for (const t of item.terms) holders.get(t)?.push(i) ?? holders.set(t, [i]);
	});
	const pairs: Pair[] = [];
	// Per later item, the most a pair with the current one could score (see below); 0 = unseen.
	const bound = new Float64Array(items.length);
	items.forEach(([a, item], i) => {
		const probes = probesOf(index, item.terms, w);
		const others: number[] = [];
		// Only items that share a word, or nearly, can score. Counting every matching pair of
		// words on both sides overestimates the score, so pairs that share only a common word
		// ("umkm") are dropped before they are scored.
		for (const p of probes) {
			for (const [u, s] of [[p.term, 1], ...p.near]) {
				for (const j of holders.get(u) ?? []) {
					if (j <= i) continue;
					if (bound[j] === 0) others.push(j);
					bound[j] += s * (p.weight + w[u]);
				}
			}
		}
		for (const j of others.sort((x, y) => x - y)) {
			const hopeful = bound[j] / (total[i] + total[j]) >= threshold;
			bound[j] = 0;
			if (!hopeful || (!opposites && opposite(item.stance, items[j][1].stance))) continue;
			const s = score(index, probes, items[j][1].terms, w, heads);
			if (s >= threshold) pairs.push({ a, b: items[j][0], score: s });
		}
	});
	return pairs.sort(byScore);
}

/**
 * The score of two items of the index, as duplicatePairs would give it: 0 when their stances
 * are opposite (unless `opposites`), or either is missing.
 */
export function pairScore(
	index: SimilarityIndex,
	a: string,
	b: string,
	{ opposites = false }: Pick<Options, 'opposites'> = {}
): number {
	const x = index.items.get(a);
	const y = index.items.get(b);
	if (!x || !y || (!opposites && opposite(x.stance, y.stance))) return 0;
	const w = weights(index);
	return score(index, probesOf(index, x.terms, w), y.terms, w);
}

/** The score of two texts on their own, every word weighing the same (for checks and tests). */
export function similarity(a: string, b: string): number {
	return similarTo(createIndex([{ id: '', text: b }]), a, { threshold: 0, limit: 1 })[0]?.score ?? 0;
}

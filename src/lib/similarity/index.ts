/**
 * Similar items for Rembuk, in plain TypeScript with no dependencies: the phone runs it as a
 * participant types ("Sudah ada yang mirip: …"), the facilitator console for duplicate pairs
 * and suggested groups. Built for Bahasa Indonesia as typed on phones: stop words, affixes,
 * reduplication, shorthand, typos. Import it as a namespace: `similarity.similarTo(index, draft)`.
 */
export {
	add,
	createIndex,
	duplicatePairs,
	DUPLICATE,
	GROUP,
	pairScore,
	remove,
	SIMILAR,
	similarity,
	similarTo,
	type Entry,
	type Match,
	type Options,
	type Pair,
	type SimilarityIndex
} from './search';
export { keywords, suggestGroups } from './groups';
export { themeName } from './names';
export { normalize, opposite, stance, tokenize, type Token } from './tokens';
export { stem } from './stem';

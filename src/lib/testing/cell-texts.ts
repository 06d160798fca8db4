/** Every text the minutes could print in a table cell: each string of the model and of the minutes' words. */
import type { Minutes } from '../server/minutes/model';
import { WORDS } from '../server/minutes/md/words';

function strings(value: unknown, into: string[]): string[] {
	if (typeof value === 'string') into.push(value);
	else if (Array.isArray(value)) value.forEach((v) => strings(v, into));
	else if (value && typeof value === 'object') Object.values(value).forEach((v) => strings(v, into));
	return into;
}

export function cellTexts(minutes: Minutes): string[] {
	const words = WORDS[minutes.lang];
	// The item list prints a merged item's text with how many were combined.
	const merged = minutes.items.filter((i) => i.mergedCount).map((i) => `${i.text} (${words.merged(i.mergedCount + 1)})`);
	return [...strings(minutes, []), ...strings(words, []), ...merged];
}

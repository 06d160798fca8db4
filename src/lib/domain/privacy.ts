/**
 * Small-group privacy. With one or two people in a stakeholder group, a count shown "per unsur"
 * tells the room what those people did (how many posts, where their dots went). Breakdowns
 * shown to the room therefore fold every group smaller than the threshold into one "other"
 * group; when even that fold holds fewer people than the threshold, they are left out and the
 * screen says so. Pure, shared by the projector, the phones and the minutes.
 */

/** Fewest people a group shown to the room may have. */
export const MIN_GROUP = 3;

/** The key of the folded group; never a real group's key (those are slugs without "~"). */
export const OTHER_GROUP = '~other';

export interface GroupFold {
	/** The key a group's counts are shown under: its own, OTHER_GROUP, or null when left out. */
	shown: (key: string) => string | null;
	/** Some groups were folded into OTHER_GROUP. */
	folded: boolean;
	/** Some groups were too small even together, and are left out. */
	omitted: boolean;
}

/**
 * How to show groups, given each person's group key. `min` 1 (or less) shows every group. The
 * empty key (anonymous, or data withdrawn) is not a group of people and is always kept.
 */
export function groupFold(groupOfEach: Iterable<string>, min: number = MIN_GROUP): GroupFold {
	const sizes = new Map<string, number>();
	for (const key of groupOfEach) sizes.set(key, (sizes.get(key) ?? 0) + 1);
	const small = new Set([...sizes].filter(([key, size]) => key !== '' && size < min).map(([key]) => key));
	const inSmall = [...small].reduce((sum, key) => sum + sizes.get(key)!, 0);
	const omitted = small.size > 0 && inSmall < min;
	return {
		// A group nobody is in shows its zero: that names no one, and shows a missing voice.
		// OTHER_GROUP itself (a tally the server already folded) follows the small groups' fate.
		shown: (key) => (key === '' || (key !== OTHER_GROUP && !small.has(key)) ? key : omitted ? null : OTHER_GROUP),
		folded: small.size > 0 && !omitted,
		omitted
	};
}

/** Counts per group key, folded: small groups summed under OTHER_GROUP (last) or dropped. */
export function foldCounts(counts: ReadonlyMap<string, number>, fold: GroupFold): Map<string, number> {
	const result = new Map<string, number>();
	let other = 0;
	for (const [key, count] of counts) {
		const shown = fold.shown(key);
		if (shown === OTHER_GROUP) other += count;
		else if (shown !== null) result.set(shown, (result.get(shown) ?? 0) + count);
	}
	if (other > 0) result.set(OTHER_GROUP, other);
	return result;
}

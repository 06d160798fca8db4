/**
 * Counts per stakeholder group as the room sees them: small groups folded by the rule of
 * domain/privacy, one row per group shown, in the session's order, then "other", then anonymous.
 */
import { groupLabel } from '../domain/defaults';
import { foldCounts, groupFold, OTHER_GROUP, type GroupFold } from '../domain/privacy';
import type { Locale, ParticipantView, StakeholderGroup } from '../domain/types';
import { groupColour, UNKNOWN_COLOUR } from './palette';

export interface GroupRow {
	key: string;
	label: string;
	count: number;
	colour: string;
}

export const OTHER_COLOUR = '#6b7570';

export interface RoomGroups {
	fold: GroupFold;
	/** Label and colour of a shown key (a group's, OTHER_GROUP or '' for anonymous). */
	label: (key: string) => string;
	colour: (key: string) => string;
	/** Shown keys in the order the room reads them. */
	order: string[];
}

/** The room's view of the session's groups, from who is present now. */
export function roomGroups(
	groups: StakeholderGroup[],
	participants: Pick<ParticipantView, 'group'>[],
	locale: Locale,
	words: { other: string; anonymous: string }
): RoomGroups {
	const fold = groupFold(participants.map((p) => p.group));
	const label = (key: string) => (key === OTHER_GROUP ? words.other : key === '' ? words.anonymous : groupLabel(groups, key, locale));
	const colour = (key: string) => (key === OTHER_GROUP ? OTHER_COLOUR : groupColour(groups, key));
	return { fold, label, colour, order: [...groups.map((g) => g.key), OTHER_GROUP, ''] };
}

/** Rows for the counts given (group key → count), folded; groups without a count are left out. */
export function groupRows(room: RoomGroups, counts: ReadonlyMap<string, number>): GroupRow[] {
	const folded = foldCounts(counts, room.fold);
	return room.order
		.filter((key) => (folded.get(key) ?? 0) > 0)
		.map((key) => ({ key: key === '' ? 'anonymous' : key, label: room.label(key), count: folded.get(key)!, colour: key === '' ? UNKNOWN_COLOUR : room.colour(key) }));
}

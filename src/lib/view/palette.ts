/**
 * One colour per stakeholder group, in the session's group order. Okabe–Ito colours: told apart
 * by most colour-blind viewers and on a washed-out ballroom projector.
 */
import type { StakeholderGroup } from '$lib/domain/types';

const COLOURS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#999999', '#F0E442'];
/** Votes or items whose group is unknown (anonymous, or a participant no longer listed). */
export const UNKNOWN_COLOUR = '#c8cfcb';

export function groupColour(groups: StakeholderGroup[], key: string): string {
	const index = groups.findIndex((g) => g.key === key);
	return index === -1 ? UNKNOWN_COLOUR : COLOURS[index % COLOURS.length];
}

/** The line under a post naming who wrote it, as every board shows it. Pure. */
import { groupLabel } from '../domain/defaults';
import type { ItemView, Locale, ParticipantView, StakeholderGroup } from '../domain/types';

export function byline(
	item: Pick<ItemView, 'anonymous'>,
	author: ParticipantView | undefined,
	groups: StakeholderGroup[],
	locale: Locale,
	anonymousWord: string
): string {
	if (item.anonymous || !author) return anonymousWord;
	return [author.name, author.institution, groupLabel(groups, author.group, locale)].filter(Boolean).join(' – ');
}

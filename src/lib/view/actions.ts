/** How the phone and the projector show an action-plan row. Pure. */
import { groupLabel } from '../domain/defaults';
import type { ActionRow, Locale, StakeholderGroup } from '../domain/types';

/** Who carries the row, on one line: "name – institution – group", leaving out what is empty. */
export function picLine(row: ActionRow, groups: StakeholderGroup[], locale: Locale): string {
	const { name, institution, group } = row.pic;
	return [name, institution, group ? groupLabel(groups, group, locale) : ''].filter(Boolean).join(' – ');
}

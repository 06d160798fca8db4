/** The room's view of the stakeholder groups (small ones folded), in the screen's language. */
import type { Board } from '$lib/board';
import { MIN_GROUP } from '$lib/domain/privacy';
import { i18n, t } from '$lib/i18n/index.svelte';
import { roomGroups, type RoomGroups } from '$lib/view/group-rows';

export function roomOf(board: Pick<Board, 'session' | 'participants'>): RoomGroups {
	return roomGroups(board.session.groups, board.participants, i18n.locale, { other: t('projector.other'), anonymous: t('projector.anonymous') });
}

/** The line telling the room that small groups are folded or left out; '' when none are. */
export function foldNote(room: RoomGroups): string {
	if (room.fold.omitted) return t('projector.omitted', { min: MIN_GROUP });
	return room.fold.folded ? t('projector.folded', { min: MIN_GROUP }) : '';
}

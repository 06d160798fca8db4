/** Boards and items built by hand, for the specs of the reducer, the views and the components. */
import type { Board } from '../board';
import { DEFAULT_GROUPS, DEFAULT_KINDS } from '../domain/defaults';
import { defaultPhaseKinds } from '../domain/phases';
import type { ItemView } from '../domain/types';

/** A visible item by participant p1; `extra` overrides any field. */
export function item(id: string, kind = 'kendala', extra: Partial<ItemView> = {}): ItemView {
	return {
		id,
		kind,
		text: `text ${id}`,
		authorId: 'p1',
		anonymous: false,
		createdAt: '2025-10-24T01:00:00.000Z',
		updatedAt: '2025-10-24T01:00:00.000Z',
		status: 'visible',
		themeId: null,
		mergedFrom: [],
		...extra
	};
}

/** A new session's board in the lobby, with the default kinds and nothing on it. */
export function emptyBoard(): Board {
	return {
		session: {
			code: 'ABC234',
			title: 'FGD',
			theme: '',
			startsAt: '2025-10-24T09:00',
			timeZone: 'Asia/Makassar',
			venue: '',
			organizers: [],
			region: '',
			minutesLanguage: 'id',
			kinds: DEFAULT_KINDS,
			groups: DEFAULT_GROUPS,
			allowAnonymous: true,
			status: 'open',
			createdAt: '2025-10-24T01:00:00.000Z',
			closedAt: null,
			phase: 'lobby',
			phaseKinds: defaultPhaseKinds(DEFAULT_KINDS),
			timer: { endsAt: null, remainingMs: null, lockOnEnd: false },
			spotlight: null,
			voting: { budget: 5, cap: 3, target: 'items', revealed: false },
			preModeration: false,
			door: 'open',
			capacity: 1000,
			details: {}
		},
		participants: [],
		items: [],
		themes: [],
		votes: [],
		voters: 0,
		links: [],
		actions: [],
		notes: [],
		supports: [],
		photos: []
	};
}

/**
 * The board as every view holds it, and how a logged event changes it. Pure and mutating in
 * place, so a Svelte `$state` proxy can be passed in and stays reactive.
 */
import type { SessionEvent, Snapshot } from './realtime/contract';

export type Board = Omit<Snapshot, 'seq'>;

export function applyEvent(board: Board, event: SessionEvent): void {
	switch (event.type) {
		case 'participant.joined':
			if (!board.participants.some((p) => p.id === event.participant.id)) board.participants.push(event.participant);
			return;
		case 'item.added':
			if (!board.items.some((i) => i.id === event.item.id)) board.items.push(event.item);
			return;
		case 'item.edited': {
			const item = board.items.find((i) => i.id === event.itemId);
			if (item) Object.assign(item, { text: event.text, updatedAt: event.updatedAt });
			return;
		}
		case 'item.deleted':
			board.items = board.items.filter((i) => i.id !== event.itemId);
			return;
		case 'session.settings':
			board.session.allowAnonymous = event.allowAnonymous;
			board.session.kinds = event.kinds;
			return;
		case 'session.closed':
			board.session.status = 'closed';
			board.session.closedAt = event.closedAt;
			return;
	}
}

/** Items per kind, in board order, plus items whose kind was removed under "other". */
export function itemsByKind(board: Board): Map<string, Board['items']> {
	const columns = new Map(board.session.kinds.map((k) => [k.key, [] as Board['items']]));
	for (const item of board.items) columns.get(item.kind)?.push(item);
	return columns;
}

/** Participant counts per stakeholder group key. */
export function countByGroup(board: Board): Map<string, number> {
	const counts = new Map<string, number>();
	for (const p of board.participants) counts.set(p.group, (counts.get(p.group) ?? 0) + 1);
	return counts;
}

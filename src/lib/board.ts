/**
 * The board as every view holds it, and how a logged event changes it. Pure and mutating in
 * place, so a Svelte `$state` proxy can be passed in and stays reactive.
 */
import type { ItemView, Link, Vote } from './domain/types';
import type { SessionEvent, Snapshot } from './realtime/contract';

export type Board = Omit<Snapshot, 'seq'>;

/** Events after which a view asks for a fresh snapshot: what it may see has changed wholesale. */
export function needsSnapshot(event: SessionEvent): boolean {
	// Changed kinds also change each phase's accepted kinds, which the settings record does not repeat.
	// Voting settings reveal everyone's dots or hide them again; the record does not say which changed,
	// and a facilitator changes them a few times a session.
	// A participant's data deleted, or the whole session anonymised, renames people and may turn
	// items anonymous on every screen at once.
	return (
		event.type === 'phase.changed' ||
		event.type === 'session.settings' ||
		event.type === 'voting.settings' ||
		event.type === 'participant.erased' ||
		event.type === 'session.anonymised'
	);
}

function upsert<T extends { id: string }>(list: T[], value: T) {
	const index = list.findIndex((x) => x.id === value.id);
	if (index === -1) list.push(value);
	else list[index] = value;
}

const itemById = (board: Board, id: string) => board.items.find((i) => i.id === id);

/**
 * Items stay in posting order, as a snapshot lists them: one that reaches this board late (approved,
 * restored, a merge target it could not see) goes where it was posted, not to the end.
 */
function putItem(board: Board, item: ItemView) {
	const index = board.items.findIndex((i) => i.id === item.id);
	if (index !== -1) return void (board.items[index] = item);
	const later = board.items.findIndex((i) => i.createdAt > item.createdAt);
	board.items.splice(later === -1 ? board.items.length : later, 0, item);
}

export function applyEvent(board: Board, event: SessionEvent): void {
	switch (event.type) {
		case 'participant.joined':
			if (!board.participants.some((p) => p.id === event.participant.id)) board.participants.push(event.participant);
			return setTallies(board, event.tallies);
		case 'item.added':
		case 'item.shown':
			return putItem(board, event.item);
		case 'item.edited': {
			const item = itemById(board, event.itemId);
			if (item) Object.assign(item, { text: event.text, updatedAt: event.updatedAt });
			return;
		}
		case 'item.deleted':
			board.items = board.items.filter((i) => i.id !== event.itemId);
			board.votes = board.votes.filter((v) => v.targetId !== event.itemId);
			board.supports = board.supports.filter((s) => s.itemId !== event.itemId);
			return;
		case 'item.supported':
			return support(board, event);
		case 'item.hidden':
			return hide(board, event.itemId, event.reason);
		case 'item.merged':
			return merge(board, event.item, event.sourceIds);
		case 'item.themed': {
			const item = itemById(board, event.itemId);
			if (item) item.themeId = event.themeId;
			return;
		}
		case 'theme.saved':
			upsert(board.themes, event.theme);
			board.themes.sort((a, b) => a.position - b.position);
			return;
		case 'theme.deleted':
			board.themes = board.themes.filter((t) => t.id !== event.themeId);
			board.votes = board.votes.filter((v) => v.targetId !== event.themeId);
			for (const item of board.items) if (item.themeId === event.themeId) item.themeId = null;
			return;
		case 'themes.ordered':
			for (const theme of board.themes) theme.position = event.themeIds.indexOf(theme.id);
			board.themes.sort((a, b) => a.position - b.position);
			return;
		case 'vote.set': {
			const { participantId, targetId, count } = event.vote;
			board.votes = board.votes.filter((v) => !(v.participantId === participantId && v.targetId === targetId));
			if (count > 0) board.votes.push(event.vote);
			if (event.tally) setTally(board, event.tally);
			return;
		}
		case 'vote.tally':
			return setTally(board, event.tally);
		case 'vote.progress':
			board.voters = event.voters;
			return;
		case 'voting.settings':
			board.session.voting = event.voting;
			return;
		case 'link.set': {
			const { recommendationId, targetId } = event.link;
			board.links = board.links.filter((l) => !(l.recommendationId === recommendationId && l.targetId === targetId));
			if (event.linked) board.links.push(event.link);
			return;
		}
		case 'action.saved':
			upsert(board.actions, event.row);
			board.actions.sort((a, b) => a.position - b.position);
			return;
		case 'action.deleted':
			board.actions = board.actions.filter((r) => r.id !== event.rowId);
			return;
		case 'note.added':
			return upsert(board.notes, event.note);
		case 'note.deleted':
			board.notes = board.notes.filter((n) => n.id !== event.noteId);
			return;
		case 'attendee.saved':
			upsert(board.participants, event.participant);
			return setTallies(board, event.tallies);
		case 'attendee.removed':
		case 'participant.removed':
			board.participants = board.participants.filter((p) => p.id !== event.participantId);
			return setTallies(board, event.tallies);
		case 'photo.saved':
			return upsert(board.photos, event.photo);
		case 'photo.removed':
			board.photos = board.photos.filter((p) => p.id !== event.photoId);
			return;
		default:
			return applySessionEvent(board, event);
	}
}

function applySessionEvent(board: Board, event: SessionEvent) {
	const session = board.session;
	switch (event.type) {
		case 'session.settings':
			Object.assign(session, { allowAnonymous: event.allowAnonymous, kinds: event.kinds, preModeration: event.preModeration });
			return;
		case 'session.closed':
			Object.assign(session, { status: 'closed', phase: 'closed', closedAt: event.closedAt });
			return;
		case 'session.details':
			session.details = event.details;
			return;
		case 'phase.changed':
			session.phase = event.phase;
			return;
		case 'phase.kinds':
			session.phaseKinds = event.phaseKinds;
			return;
		case 'timer.changed':
			session.timer = event.timer;
			return;
		case 'session.room':
			Object.assign(session, { door: event.door, capacity: event.capacity });
			return;
		case 'session.code':
			session.code = event.code;
			return;
		case 'spotlight.changed':
			session.spotlight = event.spotlight;
			return;
	}
}

/** A tally replaces the one of its target and group (see Vote.group). */
/** All the room's tallies, sent when who is in which group changed (small groups may fold differently now). */
function setTallies(board: Board, tallies: Vote[] | undefined) {
	if (tallies) board.votes = [...board.votes.filter((v) => v.participantId !== ''), ...tallies];
}

function setTally(board: Board, tally: Vote) {
	board.votes = board.votes.filter((v) => !(v.group === tally.group && v.participantId === '' && v.targetId === tally.targetId));
	if (tally.count > 0) board.votes.push(tally);
}

/** The count for everyone; whose support it is only when this viewer may know (their own, or staff). */
function support(board: Board, event: Extract<SessionEvent, { type: 'item.supported' }>) {
	const item = itemById(board, event.support.itemId);
	if (item && event.supporters > 0) item.supporters = event.supporters;
	else if (item) delete item.supporters;
	const { itemId, participantId } = event.support;
	if (!participantId) return;
	board.supports = board.supports.filter((s) => !(s.itemId === itemId && s.participantId === participantId));
	if (event.supported) board.supports.push(event.support);
}

/** Staff keep a hidden item (to restore it); everyone else drops it. */
function hide(board: Board, itemId: string, reason: string) {
	const item = itemById(board, itemId);
	if (!item) return;
	if (reason) Object.assign(item, { status: 'hidden', hiddenReason: reason });
	else board.items = board.items.filter((i) => i.id !== itemId);
}

function merge(board: Board, target: ItemView, sourceIds: string[]) {
	board.items = board.items.filter((i) => !sourceIds.includes(i.id));
	putItem(board, target);
	// Votes follow the merge; a participant who voted for several sources keeps the sum, and so
	// does a group's tally (the voter's id is '' there, so the group is part of the key).
	const moved = new Map<string, Vote>();
	board.votes = board.votes.filter((v) => {
		if (!sourceIds.includes(v.targetId) && v.targetId !== target.id) return true;
		const key = `${v.participantId} ${v.group ?? ''}`;
		const sum = moved.get(key) ?? { participantId: v.participantId, targetId: target.id, count: 0, ...(v.group === undefined ? {} : { group: v.group }) };
		sum.count += v.count;
		moved.set(key, sum);
		return false;
	});
	board.votes.push(...moved.values());
	// Supports too, once per person (the target's count comes with it, from the server).
	const supporters = new Set<string>();
	board.supports = board.supports.filter((s) => {
		if (!sourceIds.includes(s.itemId) && s.itemId !== target.id) return true;
		if (supporters.has(s.participantId)) return false;
		supporters.add(s.participantId);
		s.itemId = target.id;
		return true;
	});
	// Links follow too, as on the server (items.merge): a source's links become the target's, once each.
	const follow = (id: string) => (sourceIds.includes(id) ? target.id : id);
	const links = new Map<string, Link>();
	for (const link of board.links) {
		const followed = { recommendationId: follow(link.recommendationId), targetId: follow(link.targetId) };
		links.set(`${followed.recommendationId} ${followed.targetId}`, followed);
	}
	board.links = [...links.values()];
}

/** Visible items per kind, in board order. */
export function itemsByKind(board: Board): Map<string, ItemView[]> {
	const columns = new Map(board.session.kinds.map((k) => [k.key, [] as ItemView[]]));
	for (const item of board.items) if (item.status === 'visible') columns.get(item.kind)?.push(item);
	return columns;
}

/** Participant counts per stakeholder group key. */
export function countByGroup(board: Board): Map<string, number> {
	const counts = new Map<string, number>();
	for (const p of board.participants) counts.set(p.group, (counts.get(p.group) ?? 0) + 1);
	return counts;
}

/**
 * What each viewer may see of a change or of the board. Staff (facilitator, minute-taker) see
 * everything; a participant sees their own items and votes in full; everyone else sees the
 * public board: no text during silent writing, no pending or hidden items, no one else's dots
 * before the reveal and only tallies by group after it, no minute-taker notes, no photos, no details of the minutes, and of people
 * no jabatan or sex.
 */
import { isStaff } from '../domain/authorize';
import { groupFold, OTHER_GROUP } from '../domain/privacy';
import type { ItemStatus, ItemView, ParticipantView, Phase, Role, SessionDetails, SessionView, Vote } from '../domain/types';
import type { SessionEvent, SessionRecord, Snapshot } from '../realtime/contract';

export interface Viewer {
	role: Role;
	participantId: string | null;
}

export interface BoardState {
	phase: Phase;
	revealed: boolean;
	/** The item's status now (records are projected with today's rules, not those of their time). */
	statusOf: (itemId: string) => ItemStatus | undefined;
	/** Participants with at least one dot placed, now. */
	voters: () => number;
	/** The tally now of the voter's group, as the room sees it, on the vote's target (roomTallyOf). */
	tallyOf: (vote: Vote) => Vote;
	/** Every tally now, as the room sees them (roomTallies). */
	tallies: () => Vote[];
}

export const PUBLIC_VIEWER: Viewer = { role: 'presenter', participantId: null };

/**
 * The session as anyone with the join code may see it (the join page, the phones, the
 * projector, `GET /api/sessions/{code}`): without the minutes' details, which name officials
 * with their NIP, hold draft conclusions and the letterhead's contacts.
 */
export function publicSession({ details: _, ...view }: SessionView & { details?: SessionDetails }): SessionView {
	return view;
}

function withoutReason({ hiddenReason: _, ...item }: ItemView): ItemView {
	return item;
}

/**
 * A person as everyone but staff sees them: name, group and institution, as the attendance
 * count and the quotes have always shown; jabatan and sex (L/P) stay with staff.
 */
export function publicParticipant({ position: _, sex: __, ...participant }: ParticipantView): ParticipantView {
	return participant;
}

/** The item as this viewer may see it, or null when they may not see it at all. */
export function itemFor(item: ItemView, authorId: string | null, viewer: Viewer, phase: Phase): ItemView | null {
	if (isStaff(viewer.role)) return item;
	if (item.status === 'hidden' || item.status === 'merged') return null;
	if (viewer.participantId !== null && viewer.participantId === authorId) return withoutReason(item);
	if (item.status !== 'visible') return null;
	// Others' edits are private during silent writing, so a redacted item does not show when it changed either.
	return phase === 'writing' ? { ...withoutReason(item), text: '', updatedAt: item.createdAt, redacted: true } : withoutReason(item);
}

function projectEvent(event: SessionEvent, owner: string | null, viewer: Viewer, state: BoardState): SessionEvent | null {
	const mine = viewer.participantId !== null && viewer.participantId === owner;
	switch (event.type) {
		case 'item.added':
		case 'item.shown':
		case 'item.merged': {
			const item = itemFor(event.item, owner, viewer, state.phase);
			return item ? { ...event, item } : null;
		}
		case 'item.edited':
			if (mine) return event;
			return state.statusOf(event.itemId) === 'visible' && state.phase !== 'writing' ? event : null;
		case 'item.hidden':
			return { ...event, reason: '' };
		case 'item.supported':
			return mine ? event : { ...event, support: { ...event.support, participantId: '' } };
		case 'vote.set':
			if (!state.revealed) return mine ? event : { type: 'vote.progress', voters: state.voters() };
			return mine ? { ...event, tally: state.tallyOf(event.vote) } : { type: 'vote.tally', tally: state.tallyOf(event.vote) };
		case 'note.added':
		case 'note.deleted':
		case 'session.details':
			return null;
		// A participant's own join shows them what they gave; staff-added people have no phone.
		case 'participant.joined':
			return withTallies(mine ? event : { ...event, participant: publicParticipant(event.participant) }, state);
		// Why someone was removed is between the facilitator and that phone.
		case 'participant.removed':
			return withTallies(mine ? event : { ...event, reason: '' }, state);
		case 'attendee.saved':
			return withTallies({ ...event, participant: publicParticipant(event.participant) }, state);
		case 'attendee.removed':
			return withTallies(event, state);
		case 'photo.saved':
		case 'photo.removed':
		case 'privacy.settings':
			return null;
		// A deletion request is between that phone and staff.
		case 'privacy.requested':
			return mine ? event : null;
		default:
			return event;
	}
}

/**
 * Someone came, went or changed group: which groups are small may have changed, and with it the
 * key every tally is shown under. After the reveal such a record carries all the room's tallies,
 * which replace the ones the viewer holds, so a live board and a fresh snapshot stay the same.
 */
function withTallies<E extends Extract<SessionEvent, { tallies?: Vote[] }>>(event: E, state: BoardState): E {
	return state.revealed ? { ...event, tallies: state.tallies() } : event;
}

/** The record as sent to this viewer: never its owner, and a `private` placeholder keeps seq gap-free. */
export function projectRecord(record: SessionRecord, viewer: Viewer, state: BoardState): SessionRecord {
	const { seq, at, event, owner = null } = record;
	if (isStaff(viewer.role)) return { seq, at, event };
	return { seq, at, event: projectEvent(event, owner, viewer, state) ?? { type: 'private' } };
}

/**
 * The revealed vote as everyone but staff sees it: per target and voter's stakeholder group,
 * the dots of all (the viewer's own included). Naming each dot's voter would tell the room who
 * backed what, and dots on someone's own anonymous item would hint at its author. A group with
 * fewer than MIN_GROUP people is never named: its dots are counted under OTHER_GROUP
 * ("Unsur lain (gabungan)"), also when the screens leave that bucket out for being too small
 * itself (domain/privacy). The one projection of tallies: snapshots, live records and replays
 * all come from here, so a live screen and a reloaded one agree.
 */
export function roomTallies(votes: Vote[], participants: Pick<ParticipantView, 'id' | 'group'>[]): Vote[] {
	const groupOf = roomGroupOf(participants);
	const sums = new Map<string, Vote>();
	for (const vote of votes) {
		const group = groupOf(vote.participantId);
		const key = `${vote.targetId} ${group}`;
		const sum = sums.get(key) ?? { participantId: '', targetId: vote.targetId, count: 0, group };
		sum.count += vote.count;
		sums.set(key, sum);
	}
	return [...sums.values()].filter((t) => t.count > 0);
}

/** The key a participant's dots are tallied under for the room: their group's, OTHER_GROUP or '' (anonymous). */
function roomGroupOf(participants: Pick<ParticipantView, 'id' | 'group'>[]): (participantId: string) => string {
	const fold = groupFold(participants.map((p) => p.group));
	const groupOf = new Map(participants.map((p) => [p.id, p.group]));
	return (participantId) => {
		const group = groupOf.get(participantId) ?? '';
		return fold.shown(group) ?? OTHER_GROUP;
	};
}

/** The room's tally (roomTallies) on the vote's target of the voter's shown group; count 0 when none is left. */
export function roomTallyOf(vote: Vote, votes: Vote[], participants: Pick<ParticipantView, 'id' | 'group'>[]): Vote {
	const group = roomGroupOf(participants)(vote.participantId);
	const tally = roomTallies(votes, participants).find((t) => t.targetId === vote.targetId && t.group === group);
	return tally ?? { participantId: '', targetId: vote.targetId, count: 0, group };
}

/** Trims a full snapshot (plus each item's author) down to what this viewer may see. */
export function projectSnapshot(full: Snapshot, authors: Map<string, string>, viewer: Viewer): Snapshot {
	if (isStaff(viewer.role)) return full;
	const phase = full.session.phase;
	const items: ItemView[] = [];
	for (const item of full.items) {
		const seen = itemFor(item, authors.get(item.id) ?? null, viewer, phase);
		if (seen) items.push(seen);
	}
	const own = full.votes.filter((v) => v.participantId === viewer.participantId);
	const votes = full.session.voting.revealed ? [...own, ...roomTallies(full.votes, full.participants)] : own;
	const participants = full.participants.map((p) => (p.id === viewer.participantId ? p : publicParticipant(p)));
	const supports = full.supports.filter((s) => s.participantId === viewer.participantId);
	return { ...full, session: publicSession(full.session), participants, items, votes, supports, notes: [], photos: [] };
}

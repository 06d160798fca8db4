/** What a (re)connecting client receives: the records it missed, or a snapshot when the gap is large. */
import type { ItemStatus, StaffSessionView } from '../domain/types';
import { REPLAY_LIMIT, type SessionEvent, type Snapshot, type SocketIdentity, type SyncResult } from '../realtime/contract';
import * as actions from './actions';
import { readTogether, type Database } from './db/store';
import * as links from './item-links';
import * as items from './items';
import { lastSeq, recordsSince } from './log';
import * as notes from './notes';
import * as participants from './participants';
import * as photos from './photos';
import * as sessions from './sessions';
import * as supports from './supports';
import * as themes from './themes';
import { projectRecord, projectSnapshot, roomTallies, roomTallyOf, type BoardState, type Viewer } from './visibility';
import * as votes from './votes';

/** The whole board as staff see it (the letterhead's logo aside: only the minutes print it). */
export async function snapshot(store: Database, sessionId: string): Promise<Snapshot> {
	return readTogether(store, async (moment) => {
		return {
			session: screenView(sessions.toView(await sessions.byId(moment, sessionId))),
			participants: await participants.list(moment, sessionId),
			items: await items.listViews(moment, sessionId),
			themes: await themes.list(moment, sessionId),
			votes: await votes.list(moment, sessionId),
			voters: await votes.voterCount(moment, sessionId),
			links: await links.list(moment, sessionId),
			supports: await supports.list(moment, sessionId),
			actions: await actions.list(moment, sessionId),
			notes: await notes.list(moment, sessionId),
			photos: await photos.list(moment, sessionId),
			seq: await lastSeq(moment, sessionId)
		};
	});
}

/** Events whose public copy carries the room's tallies once revealed (visibility.withTallies). */
const CARRY_TALLIES = new Set<SessionEvent['type']>(['vote.set', 'participant.joined', 'participant.removed', 'attendee.saved', 'attendee.removed']);
const VOTES = new Set<SessionEvent['type']>(['vote.set']);

/**
 * The state that decides how `events` are shown, read now, and only what they need: the statuses
 * of the items they edit, the voter count while dots are hidden, the room's votes once revealed.
 * Read up front, in one go, so projecting stays a pure function (./visibility) and a publish costs
 * a few reads per commit, never one per record or per screen. Without `events`, everything (for
 * projecting records not known yet).
 */
export async function boardState(store: Database, sessionId: string, events?: SessionEvent[]): Promise<BoardState> {
	return readTogether(store, async (moment) => {
		const view = sessions.toView(await sessions.byId(moment, sessionId));
		const revealed = view.voting.revealed;
		const needs = (types: Set<SessionEvent['type']>) => !events || events.some((e) => types.has(e.type));
		const status = new Map<string, ItemStatus | undefined>();
		if (!events) for (const r of await items.listRows(moment, sessionId)) status.set(r.id, r.status);
		else for (const e of events) if (e.type === 'item.edited') status.set(e.itemId, (await items.find(moment, sessionId, e.itemId))?.status);
		const voters = !revealed && needs(VOTES) ? await votes.voterCount(moment, sessionId) : 0;
		const room = revealed && needs(CARRY_TALLIES) ? { votes: await votes.list(moment, sessionId), people: await participants.list(moment, sessionId) } : null;
		const tallies = room ? roomTallies(room.votes, room.people) : [];
		return {
			phase: view.phase,
			revealed,
			statusOf: (itemId) => status.get(itemId),
			voters: () => voters,
			// The same projection a snapshot gives (roomTallies), so a live screen and a fresh one agree.
			tallyOf: (vote) => roomTallyOf(vote, room?.votes ?? [], room?.people ?? []),
			tallies: () => tallies
		};
	});
}

export async function snapshotFor(store: Database, sessionId: string, viewer: Viewer): Promise<Snapshot> {
	return readTogether(store, async (moment) => {
		const authors = new Map((await items.listRows(moment, sessionId)).map((r) => [r.id, r.author_id]));
		return projectSnapshot(await snapshot(moment, sessionId), authors, viewer);
	});
}

export async function sync(store: Database, who: SocketIdentity, fromSeq: number): Promise<SyncResult> {
	return readTogether(store, async (moment): Promise<SyncResult> => {
		const seq = await lastSeq(moment, who.sessionId);
		const ownItemIds = who.participantId ? await items.ownIds(moment, who.sessionId, who.participantId) : [];
		const serverTime = new Date().toISOString();
		const gap = seq - fromSeq;
		if (fromSeq === 0 || gap > REPLAY_LIMIT || gap < 0) {
			return { ok: true, mode: 'snapshot', snapshot: await snapshotFor(moment, who.sessionId, who), ownItemIds, seq, serverTime };
		}
		const missed = await recordsSince(moment, who.sessionId, fromSeq, REPLAY_LIMIT);
		const state = await boardState(
			moment,
			who.sessionId,
			missed.map((r) => r.event)
		);
		return { ok: true, mode: 'events', records: missed.map((r) => projectRecord(r, who, state)), ownItemIds, seq, serverTime };
	});
}

function screenView(view: StaffSessionView): StaffSessionView {
	return { ...view, details: sessions.withoutLogo(view.details) };
}

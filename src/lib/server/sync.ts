/** What a (re)connecting client receives: the records it missed, or a snapshot when the gap is large. */
import type { StaffSessionView } from '../domain/types';
import { REPLAY_LIMIT, type Snapshot, type SocketIdentity, type SyncResult } from '../realtime/contract';
import * as actions from './actions';
import type { Db } from './db/database';
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
export function snapshot(db: Db, sessionId: string): Snapshot {
	return db.transaction(() => ({
		session: screenView(sessions.toView(sessions.byId(db, sessionId))),
		participants: participants.list(db, sessionId),
		items: items.listViews(db, sessionId),
		themes: themes.list(db, sessionId),
		votes: votes.list(db, sessionId),
		voters: votes.voterCount(db, sessionId),
		links: links.list(db, sessionId),
		supports: supports.list(db, sessionId),
		actions: actions.list(db, sessionId),
		notes: notes.list(db, sessionId),
		photos: photos.list(db, sessionId),
		seq: lastSeq(db, sessionId)
	}))();
}

/** The state that decides visibility, read now. */
export function boardState(db: Db, sessionId: string): BoardState {
	const view = sessions.toView(sessions.byId(db, sessionId));
	// Read once per state: a publish or a replay projects many records against the same moment.
	let room: { votes: ReturnType<typeof votes.list>; people: ReturnType<typeof participants.list>; tallies?: ReturnType<typeof roomTallies> } | undefined;
	const read = () => (room ??= { votes: votes.list(db, sessionId), people: participants.list(db, sessionId) });
	return {
		phase: view.phase,
		revealed: view.voting.revealed,
		statusOf: (itemId) => items.find(db, sessionId, itemId)?.status,
		voters: () => votes.voterCount(db, sessionId),
		// The same projection a snapshot gives (roomTallies), so a live screen and a fresh one agree.
		tallyOf: (vote) => roomTallyOf(vote, read().votes, read().people),
		tallies: () => (read().tallies ??= roomTallies(read().votes, read().people))
	};
}

export function snapshotFor(db: Db, sessionId: string, viewer: Viewer): Snapshot {
	const authors = new Map(items.listRows(db, sessionId).map((r) => [r.id, r.author_id]));
	return projectSnapshot(snapshot(db, sessionId), authors, viewer);
}

export function sync(db: Db, who: SocketIdentity, fromSeq: number): SyncResult {
	return db.transaction((): SyncResult => {
		const seq = lastSeq(db, who.sessionId);
		const ownItemIds = who.participantId ? items.ownIds(db, who.sessionId, who.participantId) : [];
		const serverTime = new Date().toISOString();
		const gap = seq - fromSeq;
		if (fromSeq === 0 || gap > REPLAY_LIMIT || gap < 0) {
			return { ok: true, mode: 'snapshot', snapshot: snapshotFor(db, who.sessionId, who), ownItemIds, seq, serverTime };
		}
		const state = boardState(db, who.sessionId);
		const records = recordsSince(db, who.sessionId, fromSeq, REPLAY_LIMIT).map((r) => projectRecord(r, who, state));
		return { ok: true, mode: 'events', records, ownItemIds, seq, serverTime };
	})();
}

function screenView(view: StaffSessionView): StaffSessionView {
	return { ...view, details: sessions.withoutLogo(view.details) };
}

/** What a (re)connecting client receives: the records it missed, or a snapshot when the gap is large. */
import { REPLAY_LIMIT, type Snapshot, type SocketIdentity, type SyncResult } from '../realtime/contract';
import type { Db } from './db/database';
import * as items from './items';
import { lastSeq, recordsSince } from './log';
import * as participants from './participants';
import * as sessions from './sessions';

export function snapshot(db: Db, sessionId: string): Snapshot {
	return db.transaction(() => ({
		session: sessions.toView(sessions.byId(db, sessionId)),
		participants: participants.list(db, sessionId),
		items: items.listRows(db, sessionId).map(items.toView),
		seq: lastSeq(db, sessionId)
	}))();
}

export function sync(db: Db, who: SocketIdentity, fromSeq: number): SyncResult {
	return db.transaction((): SyncResult => {
		const seq = lastSeq(db, who.sessionId);
		const ownItemIds = who.participantId ? items.ownIds(db, who.sessionId, who.participantId) : [];
		const gap = seq - fromSeq;
		if (fromSeq === 0 || gap > REPLAY_LIMIT || gap < 0) {
			return { ok: true, mode: 'snapshot', snapshot: snapshot(db, who.sessionId), ownItemIds, seq };
		}
		return { ok: true, mode: 'events', records: recordsSince(db, who.sessionId, fromSeq, REPLAY_LIMIT), ownItemIds, seq };
	})();
}

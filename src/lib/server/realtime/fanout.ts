/**
 * Where a committed record goes, and as what. Every screen of a session sits in rooms, so one
 * emit per room reaches it on whichever node it is connected to (the Redis adapter carries a
 * room emit to every node): the projection is done once, on the committing node, per audience,
 * never per socket.
 */
import type { Server } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents, SessionRecord, SocketIdentity } from '../../realtime/contract';
import type { Database } from '../db/store';
import { boardState } from '../sync';
import type { Publish } from '../group-commit';
import { projectRecord, PUBLIC_VIEWER, type BoardState } from '../visibility';

export type RembukServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketIdentity>;

export const rooms = {
	/** Facilitator and minute-taker: every change in full. */
	staff: (sessionId: string) => `staff:${sessionId}`,
	/** Projector and phones: the public copy. */
	public: (sessionId: string) => `public:${sessionId}`,
	/** Every socket of one participant: their own changes in full, and where a removal closes them. */
	participant: (participantId: string) => `p:${participantId}`,
	/** Every console opened by one account: closed when the account loses its right. */
	account: (accountId: string) => `a:${accountId}`
};

/** Time for the removal record to reach the phone before its socket is closed. */
const REMOVAL_GRACE_MS = 1000;

/**
 * The publish the commit path calls after each commit. Projecting needs the board's state, which
 * the commit read in its own transaction; when it could not, this reads it (./sync boardState, real
 * I/O on PostgreSQL), so a session's publishes are chained: records leave in commit order even
 * when a later one is ready first.
 */
export function publisher(io: RembukServer, store: Database): Publish {
	/** A removed phone is told why (the record just sent), then its sockets are closed, on every node. */
	const showOut = (participantId: string) =>
		setTimeout(() => io.in(rooms.participant(participantId)).disconnectSockets(true), REMOVAL_GRACE_MS).unref();
	const pending = new Map<string, Promise<void>>();

	const emit = (sessionId: string, records: SessionRecord[], state: BoardState) => {
		for (const record of records) {
			const { owner = null, ...full } = record;
			io.to(rooms.staff(sessionId)).emit('record', full);
			const everyone = projectRecord(record, PUBLIC_VIEWER, state);
			if (!owner) {
				io.to(rooms.public(sessionId)).emit('record', everyone);
				continue;
			}
			// The owner (author, voter) sees their own change in full; the rest see the public copy.
			io.to(rooms.public(sessionId)).except(rooms.participant(owner)).emit('record', everyone);
			const ownerView = projectRecord(record, { role: 'participant', participantId: owner }, state);
			io.to(rooms.participant(owner)).emit('record', ownerView);
			if (record.event.type === 'participant.removed') showOut(record.event.participantId);
		}
	};

	return (sessionId, records, state) => {
		const before = pending.get(sessionId);
		// The usual case: the state came with the commit and nothing of this session is still on its way.
		if (state && !before) return emit(sessionId, records, state);
		const next = (before ?? Promise.resolve())
			.then(async () => emit(sessionId, records, state ?? (await boardState(store, sessionId, records.map((r) => r.event)))))
			// The records are saved; a screen that misses them catches up at its next sync.
			.catch((error) => console.error('publish failed', error));
		pending.set(sessionId, next);
		void next.then(() => {
			if (pending.get(sessionId) === next) pending.delete(sessionId);
		});
	};
}

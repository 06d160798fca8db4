/**
 * socket.io on the same HTTP server as SvelteKit. Handlers stay thin: validate, rate-limit and
 * hand the command to the context's writes, which acknowledge after the commit and then publish
 * the records through `context.publish`, set here: the one place that knows the rooms.
 */
import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents, SocketIdentity } from '../../realtime/contract';
import { envelopeSchema, syncSchema } from '../../realtime/schemas';
import { getContext } from '../context';
import { allow } from '../ratelimit';
import { isStaff } from '../../domain/authorize';
import { boardState, sync } from '../sync';
import { projectRecord, PUBLIC_VIEWER } from '../visibility';
import { facilitatorKeyOpens } from '../accounts/access';
import { byId } from '../sessions';
import { authenticate } from './authenticate';
import { Presence } from './presence';

type RembukServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketIdentity>;

/** Staff see every change in full; the public room (projector, phones) gets projected copies. */
const rooms = {
	staff: (sessionId: string) => `staff:${sessionId}`,
	public: (sessionId: string) => `public:${sessionId}`,
	participant: (participantId: string) => `p:${participantId}`
};
/** Time for the removal record to reach the phone before its socket is closed. */
const REMOVAL_GRACE_MS = 1000;
const invalid = (message: string) => ({ ok: false as const, error: { code: 'invalid_input' as const, message } });

export function attachRealtime(httpServer: HttpServer): RembukServer {
	const context = getContext();
	const io: RembukServer = new Server(httpServer, {
		path: '/socket.io',
		// Commands are at most a few KB; a small buffer keeps a hostile client from pinning memory.
		maxHttpBufferSize: 16 * 1024,
		pingInterval: 10_000,
		pingTimeout: 10_000,
		allowRequest: (req, callback) => callback(null, sameOrigin(req.headers.origin, req.headers.host))
	});
	const presence = new Presence((sessionId, online) =>
		io.to([rooms.staff(sessionId), rooms.public(sessionId)]).emit('presence', { online })
	);

	context.publish = (sessionId, records) => {
		const state = boardState(context.db, sessionId);
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
	/** A removed phone is told why (the record just sent), then its sockets are closed; it may not reconnect. */
	const showOut = (participantId: string) =>
		setTimeout(() => io.in(rooms.participant(participantId)).disconnectSockets(true), REMOVAL_GRACE_MS).unref();

	context.recheckAccount = (accountId) => {
		for (const socket of io.sockets.sockets.values()) {
			if (socket.data.accountId !== accountId) continue;
			const session = byId(context.db, socket.data.sessionId);
			const key = (socket.handshake.auth as { key?: unknown }).key;
			// The console asks again once, hears `unauthenticated`, and says so.
			if (!session || typeof key !== 'string' || !facilitatorKeyOpens(context.db, session, key)) socket.disconnect(true);
		}
	};

	io.use(async (socket, next) => {
		const outcome = await authenticate(context.db, socket.handshake.auth, socket.handshake.address);
		if (!outcome.ok) return next(new Error(outcome.code));
		socket.data = outcome.identity;
		next();
	});

	io.on('connection', (socket) => {
		const who = socket.data;
		socket.join(isStaff(who.role) ? rooms.staff(who.sessionId) : rooms.public(who.sessionId));
		if (who.participantId) socket.join(rooms.participant(who.participantId));
		presence.connected(who);
		socket.emit('presence', { online: presence.online(who.sessionId) });
		socket.on('disconnect', () => presence.disconnected(who));

		socket.on('sync', (request, ack) => {
			if (typeof ack !== 'function') return;
			const parsed = syncSchema.safeParse(request);
			if (!parsed.success) return ack(invalid('lastSeq must be a whole number'));
			try {
				ack(sync(context.db, who, parsed.data.lastSeq));
			} catch (error) {
				// A failing read must not take the process (and every other phone) down with it.
				console.error('sync failed', error);
				ack({ ok: false, error: { code: 'internal', message: 'Could not read the session' } });
			}
		});

		socket.on('command', async (envelope, ack) => {
			if (typeof ack !== 'function') return;
			const parsed = envelopeSchema.safeParse(envelope);
			if (!parsed.success) return ack(invalid(parsed.error.issues[0]?.message ?? 'invalid command'));
			if (!(await allow('command', socket.id)))
				return ack({ ok: false, error: { code: 'rate_limited', message: 'Too many commands; slow down' } });
			// Answered after the commit, then the records go to every screen of the session.
			await context.writes.execute(who, parsed.data, ack);
		});
	});
	return io;
}

/** Browsers always send Origin on cross-site requests; refuse those so other sites cannot drive a session. */
function sameOrigin(origin: string | undefined, host: string | undefined): boolean {
	if (!origin) return true;
	try {
		return new URL(origin).host === host;
	} catch {
		return false;
	}
}

/**
 * socket.io on the same HTTP server as SvelteKit. Handlers stay thin: validate, rate-limit and
 * hand the command to the context's writes, which acknowledge after the commit and then publish
 * the records through `context.publish`, set here to ./fanout.ts: the one place that knows the rooms.
 * With Redis (REDIS_URL) this node joins the others (./nodes.ts); without it, nothing changes.
 */
import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import { envelopeSchema, syncSchema } from '../../realtime/schemas';
import { getContext, type RembukContext } from '../context';
import { allow } from '../ratelimit';
import { isStaff } from '../../domain/authorize';
import { sync } from '../sync';
import { facilitatorKeyOpens } from '../accounts/access';
import { signInLimiter } from '../accounts/signin-limits';
import { guessing } from '../guessing';
import { byId } from '../sessions';
import { nodeName, redisPrefix, sharedRedis, type Redis } from '../cluster/redis';
import { socketAddress } from './address';
import { authenticate } from './authenticate';
import { publisher, rooms, type RembukServer } from './fanout';
import { clusterAdapter, linkNodes, nodeChannel } from './nodes';
import { Presence } from './presence';

const invalid = (message: string) => ({ ok: false as const, error: { code: 'invalid_input' as const, message } });

export interface RealtimeOptions {
	/** The process's context by default; the cluster specs give each node its own. */
	context?: RembukContext;
	/** Redis joining this node to the others; by default the one REDIS_URL names, or none (one process). */
	redis?: Redis | null;
	/** Names the stream and channels in Redis (REDIS_PREFIX). */
	prefix?: string;
	/** This node's name (REMBUK_NODE). */
	node?: string;
	/** How long one read of the Redis stream blocks; the specs shorten it with the client's timeout. */
	blockMs?: number;
}

export function attachRealtime(httpServer: HttpServer, options: RealtimeOptions = {}): RembukServer {
	const { context = getContext(), redis = sharedRedis(), prefix = redisPrefix(), node = nodeName(), blockMs } = options;
	const io: RembukServer = new Server(httpServer, {
		path: '/socket.io',
		// Commands are at most a few KB; a small buffer keeps a hostile client from pinning memory.
		maxHttpBufferSize: 16 * 1024,
		pingInterval: 10_000,
		pingTimeout: 10_000,
		allowRequest: (req, callback) => callback(null, sameOrigin(req.headers.origin, req.headers.host)),
		...(redis && { adapter: clusterAdapter(redis, prefix, blockMs) })
	});
	const channel = redis && nodeChannel(redis, prefix, node);
	// Each node tells its own screens the total it knows, so nobody hears it once per node.
	const presence = new Presence(
		(sessionId, online) => io.local.to([rooms.staff(sessionId), rooms.public(sessionId)]).emit('presence', { online }),
		channel ? { share: (counts, full) => channel.send('presence', { node, counts, full }) } : {}
	);
	context.publish = publisher(io, context.store.db);

	/** Closes this node's consoles of the account whose key no longer opens their session (signed out, removed, unassigned). */
	const recheck = async (accountId: string) => {
		for (const id of io.sockets.adapter.rooms.get(rooms.account(accountId)) ?? []) {
			const socket = io.sockets.sockets.get(id);
			if (!socket) continue;
			const session = await byId(context.store.db, socket.data.sessionId);
			const key = (socket.handshake.auth as { key?: unknown }).key;
			// The console asks again once, hears `unauthenticated`, and says so.
			if (!session || typeof key !== 'string' || !(await facilitatorKeyOpens(context.store.db, session, key))) socket.disconnect(true);
		}
	};
	const recheckHere = (accountId: string) => {
		recheck(accountId).catch((error) => console.error('could not recheck the consoles of an account', error));
	};
	context.recheckAccount = (accountId) => {
		recheckHere(accountId);
		channel?.send('account', accountId);
	};
	if (channel) {
		const unlink = linkNodes(channel, { node, presence, programmes: context.programmes, recheckHere, guessing, signIns: signInLimiter });
		httpServer.once('close', unlink);
	}

	io.use(async (socket, next) => {
		const address = socketAddress(socket.handshake.headers, socket.handshake.address);
		const outcome = await authenticate(context.store.db, socket.handshake.auth, address);
		if (!outcome.ok) return next(new Error(outcome.code));
		socket.data = outcome.identity;
		next();
	});

	io.on('connection', (socket) => {
		const who = socket.data;
		socket.join(isStaff(who.role) ? rooms.staff(who.sessionId) : rooms.public(who.sessionId));
		if (who.participantId) socket.join(rooms.participant(who.participantId));
		if (who.accountId) socket.join(rooms.account(who.accountId));
		presence.connected(who);
		socket.emit('presence', { online: presence.online(who.sessionId) });
		socket.on('disconnect', () => presence.disconnected(who));

		socket.on('sync', async (request, ack) => {
			if (typeof ack !== 'function') return;
			const parsed = syncSchema.safeParse(request);
			if (!parsed.success) return ack(invalid('lastSeq must be a whole number'));
			try {
				ack(await sync(context.store.db, who, parsed.data.lastSeq));
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

/**
 * Several Rembuk nodes behind one load balancer, joined through Redis (REDIS_URL): socket.io's
 * Redis Streams adapter carries every room emit to every node (records, presence, removals),
 * and a few messages between the nodes keep the rest of their state in step.
 */
import { createAdapter } from '@socket.io/redis-streams-adapter';
import type { Namespace } from 'socket.io';
import { Adapter, MessageType, type BroadcastOptions, type ClusterAdapter } from 'socket.io-adapter';
import { NodeChannel } from '../cluster/channel';
import type { Redis } from '../cluster/redis';
import type { SignInFailure, SignInLimiter } from '../accounts/signin-limits';
import type { Guessing } from '../guessing';
import type { ProgrammeNews, ProgrammeWatch } from '../programmes/watch';
import { BEAT_MS, type Presence, type PresenceNews } from './presence';

/** What the nodes tell each other. */
export type NodeEvents = {
	/** One node's participant counts (./presence.ts). */
	presence: PresenceNews;
	/** An account's right changed: each node re-checks the consoles it holds. */
	account: string;
	/** A session or programme changed, for the reports open on other nodes (../programmes/watch.ts). */
	programme: ProgrammeNews;
	/** An address missed a code or secret (../guessing.ts): every node spends it from that address's allowance. */
	miss: string;
	/** A password or passkey sign-in failed (../accounts/signin-limits.ts): every node spends it alike. */
	signin: SignInFailure;
};

/**
 * The adapter, its stream and channels named under the prefix. The Streams adapter (rather than
 * the pub/sub one) keeps the room emits in a Redis stream, so a node that loses Redis for a few
 * seconds reads on from where it stopped instead of missing what was sent meanwhile.
 */
export function clusterAdapter(redis: Redis, prefix: string, blockMs = 5_000): (nsp: Namespace) => Adapter {
	const streams = createAdapter(redis, {
		// How long one read of the stream waits for news: below the client's command timeout.
		blockTimeInMs: blockMs,
		streamName: `${prefix}socket.io`,
		channelPrefix: `${prefix}socket.io`,
		sessionKeyPrefix: `${prefix}socket.io:session:`,
		// Records are JSON: no need to look through every one for binary data.
		onlyPlaintext: true
	});
	// socket.io calls this with `new`: a function, not an arrow, whose returned object becomes the adapter.
	return function (nsp: Namespace) {
		return localFirst(streams(nsp) as ClusterAdapter);
	};
}

/**
 * The Streams adapter hands a room emit to Redis and waits for Redis's answer before it delivers it
 * to this node's own sockets: a Redis round trip on every delivery, and nothing delivered here at
 * all while Redis is away. That wait exists for socket.io's connection-state recovery (the stream
 * offset goes into the packet), which Rembuk does not use: phones catch up by `sync`. So this node's
 * sockets get the emit at once, and the other nodes get it through Redis as before, in the same
 * order (the commands go out on one connection).
 */
function localFirst(adapter: ClusterAdapter): ClusterAdapter {
	const toOthers = (packet: unknown, opts: BroadcastOptions) =>
		// publishAndReturnOffset is protected: the one call past the adapter's public face.
		(adapter as unknown as { publishAndReturnOffset(message: unknown): Promise<string> }).publishAndReturnOffset({
			type: MessageType.BROADCAST,
			data: { packet, opts: { rooms: [...opts.rooms], except: [...(opts.except ?? [])], flags: opts.flags } }
		});
	adapter.broadcast = (packet, opts) => {
		Adapter.prototype.broadcast.call(adapter, packet, opts);
		// A failed publish is the Redis outage the other nodes' screens recover from by `sync`.
		if (!opts.flags?.local) toOthers(packet, opts).catch(() => {});
		return Promise.resolve();
	};
	return adapter;
}

export const nodeChannel = (redis: Redis, prefix: string, node: string) => new NodeChannel<NodeEvents>(redis, `${prefix}nodes`, node);

export interface NodeState {
	node: string;
	presence: Presence;
	programmes: ProgrammeWatch;
	/** Closes this node's consoles of the account whose right is gone. */
	recheckHere: (accountId: string) => void;
	guessing: Guessing;
	signIns: SignInLimiter;
}

/** Wires this node's state to the others'; returns the way to stop (on close). */
export function linkNodes(channel: NodeChannel<NodeEvents>, { node, presence, programmes, recheckHere, guessing, signIns }: NodeState): () => void {
	channel.on('presence', (news) => presence.heard(news));
	channel.on('account', recheckHere);
	channel.on('programme', (news) => programmes.heard(news));
	programmes.share = (news) => channel.send('programme', news);
	channel.on('miss', guessing.heardMiss);
	guessing.share((address) => channel.send('miss', address));
	channel.on('signin', (failure) => signIns.heardFailure(failure));
	signIns.share((failure) => channel.send('signin', failure));
	const beat = setInterval(() => presence.beat(), BEAT_MS);
	beat.unref();
	return () => {
		clearInterval(beat);
		programmes.share = null;
		guessing.share(null);
		signIns.share(null);
		// A node that stops says so, rather than being counted until it has been silent long enough.
		channel.send('presence', { node, counts: {}, full: true });
		channel.close();
	};
}

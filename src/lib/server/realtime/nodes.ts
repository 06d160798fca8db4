/**
 * Several Rembuk nodes behind one load balancer, joined through Redis (REDIS_URL): socket.io's
 * Redis Streams adapter carries every room emit to every node (records, presence, removals),
 * and a few messages between the nodes keep the rest of their state in step.
 */
import { createAdapter } from '@socket.io/redis-streams-adapter';
import type { Redis } from '../cluster/redis';
import type { ProgrammeNews, ProgrammeWatch } from '../programmes/watch';
import { BEAT_MS, type Presence, type PresenceNews } from './presence';
import type { RembukServer } from './fanout';

/** What the nodes tell each other (socket.io's serverSideEmit: Redis pub/sub, not kept while Redis is away). */
export interface NodeEvents {
	/** One node's participant counts (./presence.ts). */
	presence: (news: PresenceNews) => void;
	/** An account's right changed: each node re-checks the consoles it holds. */
	account: (accountId: string) => void;
	/** A session or programme changed, for the reports open on other nodes (../programmes/watch.ts). */
	programme: (news: ProgrammeNews) => void;
}

/**
 * The adapter, its stream and channels named under the prefix. The Streams adapter (rather than
 * the pub/sub one) keeps the room emits in a Redis stream, so a node that loses Redis for a few
 * seconds reads on from where it stopped instead of missing what was sent meanwhile.
 */
export function clusterAdapter(redis: Redis, prefix: string) {
	return createAdapter(redis, {
		streamName: `${prefix}socket.io`,
		channelPrefix: `${prefix}socket.io`,
		sessionKeyPrefix: `${prefix}socket.io:session:`,
		// Records are JSON: no need to look through every one for binary data.
		onlyPlaintext: true
	});
}

export interface NodeState {
	node: string;
	presence: Presence;
	programmes: ProgrammeWatch;
	/** Closes this node's consoles of the account whose right is gone. */
	recheckHere: (accountId: string) => void;
}

/** Wires this node's state to the others'; returns the way to stop (on close). */
export function linkNodes(io: RembukServer, { node, presence, programmes, recheckHere }: NodeState): () => void {
	io.on('presence', (news) => {
		if (news.node !== node) presence.heard(news);
	});
	io.on('account', (accountId) => recheckHere(accountId));
	io.on('programme', (news) => programmes.heard(news));
	programmes.share = (news) => io.serverSideEmit('programme', news);
	const beat = setInterval(() => presence.beat(), BEAT_MS);
	beat.unref();
	return () => {
		clearInterval(beat);
		programmes.share = null;
	};
}

/** The presence news this node sends. */
export const sharePresence = (io: RembukServer, node: string) => (counts: Record<string, number>, full: boolean) =>
	io.serverSideEmit('presence', { node, counts, full });

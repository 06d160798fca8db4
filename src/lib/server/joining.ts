/**
 * How fast phones may join from one address: a venue puts a whole room behind one, so joins
 * over the pace wait their turn instead of being turned away. The pace only stops a script from
 * filling the attendance list faster than a facilitator can close the door.
 */
import { RateLimiterQueue, RateLimiterQueueError } from 'rate-limiter-flexible';
import { sharedRedis } from './cluster/redis';
import { sharedLimit } from './ratelimit';

export const JOIN_PACE = { perMinute: 600, maxWaiting: 5000 };

/** The pace is counted by every node together (REDIS_URL); each node keeps its own waiting line. */
const create = () =>
	new RateLimiterQueue(sharedLimit('join', { points: JOIN_PACE.perMinute, duration: 60 }, sharedRedis()), { maxQueueSize: JOIN_PACE.maxWaiting });

/** One per process, on globalThis like the other limits (see ratelimit.ts). */
const KEY = Symbol.for('rembuk.join-pace');
type Holder = { [KEY]?: ReturnType<typeof create> };
const queue = ((globalThis as Holder)[KEY] ??= create());
const unlimited = process.env.RATE_LIMITS === 'off';

/** Resolves when this address may join one more phone; false only when thousands already wait. */
export async function waitTurn(address: string): Promise<boolean> {
	if (unlimited) return true;
	try {
		await queue.removeTokens(1, address);
		return true;
	} catch (error) {
		if (error instanceof RateLimiterQueueError) return false;
		throw error;
	}
}

import { RateLimiterMemory, RateLimiterRedis, type IRateLimiterOptions, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { redisPrefix, sharedRedis, type Redis } from './cluster/redis';

/**
 * A limit counted by every node together when Redis is there (REDIS_URL), else in this process.
 * While Redis is away each node counts in its own memory instead of refusing or letting all
 * through (the insurance limiter): for those seconds a caller spread over N nodes gets up to N
 * times the allowance, and nobody is turned away for an outage that is not theirs.
 */
export function sharedLimit(name: string, options: IRateLimiterOptions, redis: Redis | null, prefix = redisPrefix()): RateLimiterAbstract {
	if (!redis) return new RateLimiterMemory(options);
	return new RateLimiterRedis({
		...options,
		// A limit is asked on the request's path: a Redis that is up but does not answer falls back soon.
		storeClient: redis.withCommandOptions({ timeout: 500 }),
		useRedisPackage: true,
		keyPrefix: `${prefix}limit:${name}`,
		// Without this a call would wait in the client's queue for as long as Redis is away.
		rejectIfRedisNotReady: true,
		insuranceLimiter: new RateLimiterMemory(options)
	});
}

/**
 * Limits sized for a ballroom: everyone may sit behind one venue NAT address, so per-socket
 * limits do the real work. Guessed codes and secrets slow down instead (./guessing.ts); joins
 * from one address wait their turn (./joining.ts).
 */
export const createLimits = (redis = sharedRedis(), prefix = redisPrefix()) => ({
	/**
	 * Commands per socket: a burst of 20, then 5 a second. A socket lives on one node, so this
	 * count is whole in that node's memory, and a command does not wait on a round trip to Redis.
	 */
	command: new RateLimiterMemory({ points: 20, duration: 4 }),
	/** Session creation per address. */
	create: sharedLimit('create', { points: 30, duration: 600 }, redis, prefix),
	/** Passkey challenges asked for per address (anyone on /masuk may ask): a minute's burst of 60. */
	passkeyOptions: sharedLimit('passkey-options', { points: 60, duration: 60 }, redis, prefix)
});

/**
 * One set per process, on globalThis like the context: in production the socket server and
 * SvelteKit's routes are separate bundles, each with its own copy of this module, and a limit
 * must count the same whichever bundle a request reached.
 */
const KEY = Symbol.for('rembuk.rate-limits');
type Holder = { [KEY]?: ReturnType<typeof createLimits> };
export const limits = ((globalThis as Holder)[KEY] ??= createLimits());

export type LimitName = keyof typeof limits;

/**
 * `RATE_LIMITS=off` lifts every limit, so that `npm run bench` and `npm run torture` can drive
 * hundreds of phones from one address. For those scripts only: never set it on a real server.
 */
const unlimited = process.env.RATE_LIMITS === 'off';
if (unlimited) console.warn('RATE_LIMITS=off: rate limits are disabled (benchmarks only)');

/** Spends one point; false when the caller is over the limit. */
export async function allow(name: LimitName, key: string, from = limits): Promise<boolean> {
	if (unlimited) return true;
	try {
		await from[name].consume(key);
		return true;
	} catch (error) {
		if (error instanceof Error) throw error;
		return false;
	}
}

/** True when the caller has already spent its allowance (no point is spent). */
export async function isBlocked(name: LimitName, key: string, from = limits): Promise<boolean> {
	if (unlimited) return false;
	const res = await from[name].get(key);
	return res !== null && res.remainingPoints <= 0;
}

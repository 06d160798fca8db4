import { RateLimiterMemory } from 'rate-limiter-flexible';

/**
 * Limits sized for a ballroom: everyone may sit behind one venue NAT address, so per-socket
 * limits do the real work. Guessed codes and secrets slow down instead (./guessing.ts); joins
 * from one address wait their turn (./joining.ts).
 */
const createLimits = () => ({
	/** Commands per socket: a burst of 20, then 5 a second. */
	command: new RateLimiterMemory({ points: 20, duration: 4 }),
	/** Session creation per address. */
	create: new RateLimiterMemory({ points: 30, duration: 600 }),
	/** Passkey challenges asked for per address (anyone on /masuk may ask): a minute's burst of 60. */
	passkeyOptions: new RateLimiterMemory({ points: 60, duration: 60 })
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
export async function allow(name: LimitName, key: string): Promise<boolean> {
	if (unlimited) return true;
	try {
		await limits[name].consume(key);
		return true;
	} catch (error) {
		if (error instanceof Error) throw error;
		return false;
	}
}

/** True when the caller has already spent its allowance (no point is spent). */
export async function isBlocked(name: LimitName, key: string): Promise<boolean> {
	if (unlimited) return false;
	const res = await limits[name].get(key);
	return res !== null && res.remainingPoints <= 0;
}

/**
 * Guessing join codes and secrets: a slow-down, never a lockout. A whole ballroom reaches the
 * server through one venue address, so one participant who mistypes (or guesses on purpose)
 * must not shut the room out. Each address gets a few free misses, then one look-up per few
 * seconds; a cap across all addresses bounds a botnet. Whoever presents a secret that opens the
 * session never comes here (see lookup.server.ts, realtime/authenticate.ts). The arithmetic is
 * in docs/security.md.
 */

export const GUESSING = {
	/** Free misses per address: a person mistyping never meets the slow-down. */
	freeMisses: 20,
	/** After them, one more look-up per address every this many ms (20 a minute). */
	missEveryMs: 3_000,
	/** Misses across all addresses a minute may hold in reserve, and the pace they refill at. */
	globalMisses: 1_000,
	globalEveryMs: 60,
	/** A look-up that would wait longer than this is answered "try again in N s" at once. */
	maxWaitMs: 10_000,
	/** How long an address may look a code up again freely once it found it (see `known`). */
	knownForMs: 6 * 3600_000
};

export type Turn<T> = { ok: true; found: T | undefined } | { ok: false; retryAfterS: number };

/** A token bucket: `capacity` tokens, one more every `everyMs`. */
class Bucket {
	#tokens: number;
	#at: number;
	constructor(
		readonly capacity: number,
		readonly everyMs: number,
		now: number
	) {
		this.#tokens = capacity;
		this.#at = now;
	}
	tokens(now: number): number {
		this.#tokens = Math.min(this.capacity, this.#tokens + (now - this.#at) / this.everyMs);
		this.#at = now;
		return this.#tokens;
	}
	/** Ms until one whole token is there. */
	waitMs(now: number): number {
		return Math.max(0, Math.ceil((1 - this.tokens(now)) * this.everyMs));
	}
	spend(now: number) {
		this.tokens(now);
		this.#tokens -= 1;
	}
	/** Gives a spent token back: a look-up reserved a miss and found what it looked for. */
	refund(now: number) {
		this.tokens(now);
		this.#tokens = Math.min(this.capacity, this.#tokens + 1);
	}
}

/** A look-up: synchronous, or a query on the store. */
type Find<T> = () => T | undefined | Promise<T | undefined>;

interface Address {
	bucket: Bucket;
	/** Look-ups of this address waiting for their turn, oldest first. */
	queue: Promise<void>;
	waiting: number;
	/** Codes this address found, until when: looking one up again tells it nothing new. */
	known: Map<string, number>;
	/** Codes this address is looking up on the store right now, and the answer to come. */
	pending: Map<string, Promise<unknown>>;
}

/**
 * In a cluster each node keeps these buckets and tells the others of every miss it counts
 * (`onMiss`, set by the realtime layer), which spend it too (`heardMiss`): an address spread over
 * the nodes spends from one allowance. Only a burst sent to several nodes in the same few
 * milliseconds, before the news arrives, gets more, and only once.
 */
export function createGuessing(options = GUESSING, clock: () => number = () => Date.now()) {
	const addresses = new Map<string, Address>();
	const everyone = new Bucket(options.globalMisses, options.globalEveryMs, clock());
	const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

	function of(address: string): Address {
		let entry = addresses.get(address);
		if (!entry) {
			if (addresses.size > 50_000) forgetIdle();
			entry = { bucket: new Bucket(options.freeMisses, options.missEveryMs, clock()), queue: Promise.resolve(), waiting: 0, known: new Map(), pending: new Map() };
			addresses.set(address, entry);
		}
		return entry;
	}

	/** Addresses back to their full allowance, with nothing queued or known, are forgotten. */
	function forgetIdle() {
		const now = clock();
		for (const [address, entry] of addresses) {
			for (const [key, until] of entry.known) if (until < now) entry.known.delete(key);
			if (entry.waiting === 0 && entry.known.size === 0 && entry.pending.size === 0 && entry.bucket.tokens(now) >= entry.bucket.capacity) addresses.delete(address);
		}
	}

	const waitMs = (entry: Address, now: number) => Math.max(entry.bucket.waitMs(now), everyone.waitMs(now));

	/** Set in a cluster: tells the other nodes of a miss counted here. */
	let onMiss: ((address: string) => void) | null = null;

	/**
	 * Runs `find` once a miss could be afforded, spending one only when it finds nothing. The miss is
	 * reserved before `find` and given back when it finds: a look-up that awaits the store must not
	 * let a burst of guesses sent meanwhile pass the check on the same token.
	 */
	async function attempt<T>(address: string, entry: Address, key: string | null, find: Find<T>): Promise<T | undefined> {
		entry.bucket.spend(clock());
		everyone.spend(clock());
		const answer = Promise.resolve(find());
		if (key !== null && !entry.pending.has(key)) {
			const settled = answer.catch(() => undefined).finally(() => entry.pending.delete(key));
			entry.pending.set(key, settled);
		}
		const found = await answer;
		const now = clock();
		if (found === undefined) onMiss?.(address);
		else {
			entry.bucket.refund(now);
			everyone.refund(now);
			if (key !== null) {
				if (entry.known.size >= 32) entry.known.delete(entry.known.keys().next().value!);
				entry.known.set(key, now + options.knownForMs);
			}
		}
		return found;
	}

	/**
	 * Looks `key` (a join code) up with `find`, or spends a turn on a wrong secret (`find`
	 * returning undefined). Waits its turn when this address (or everyone) is out of misses;
	 * answers "try again" when that turn is more than `maxWaitMs` away. The wait comes before
	 * the look-up, so sending many guesses at once learns no more than sending them in turn.
	 */
	async function lookUp<T>(address: string, key: string | null, find: Find<T>): Promise<Turn<T>> {
		const entry = of(address);
		// A room behind one address sends the same code many times at once: those that arrive while
		// it is on the store wait for that answer instead of each reserving a miss (which would turn
		// a ballroom away before the first look-up came back). A miss repeated tells nothing new.
		const inFlight = key === null ? undefined : entry.pending.get(key);
		if (inFlight) await inFlight;
		const now = clock();
		const until = key === null ? undefined : entry.known.get(key);
		if (until !== undefined && until >= now) {
			const found = await find();
			if (found !== undefined) return { ok: true, found };
		}
		if (entry.waiting === 0 && waitMs(entry, now) === 0) return { ok: true, found: await attempt(address, entry, key, find) };
		const expected = waitMs(entry, now) + entry.waiting * options.missEveryMs;
		if (expected > options.maxWaitMs) return { ok: false, retryAfterS: Math.ceil(expected / 1000) };
		entry.waiting += 1;
		const turn = entry.queue.then(async () => {
			for (let wait = waitMs(entry, clock()); wait > 0; wait = waitMs(entry, clock())) await sleep(wait);
		});
		entry.queue = turn;
		await turn;
		entry.waiting -= 1;
		return { ok: true, found: await attempt(address, entry, key, find) };
	}

	/** A wrong secret: spends a miss, waiting its turn like a wrong code. False when told to come back later. */
	async function missed(address: string): Promise<Turn<never>> {
		return lookUp<never>(address, null, () => undefined);
	}

	/** A miss another node counted: spent here too, so the address's allowance is one across nodes. */
	function heardMiss(address: string) {
		const now = clock();
		of(address).bucket.spend(now);
		everyone.spend(now);
	}

	const share = (tell: ((address: string) => void) | null) => {
		onMiss = tell;
	};

	return { lookUp, missed, forgetIdle, heardMiss, share };
}

export type Guessing = ReturnType<typeof createGuessing>;

/** `RATE_LIMITS=off` (benchmarks only, see ratelimit.ts) lifts the slow-down too. */
const unlimited = process.env.RATE_LIMITS === 'off';
const lifted: Guessing = {
	lookUp: async (_address, _key, find) => ({ ok: true, found: await find() }),
	missed: async () => ({ ok: true, found: undefined }),
	forgetIdle: () => {},
	heardMiss: () => {},
	share: () => {}
};

/** One per process, on globalThis: SvelteKit's routes and the socket server are separate bundles. */
const KEY = Symbol.for('rembuk.guessing');
type Holder = { [KEY]?: Guessing };
export const guessing: Guessing = unlimited ? lifted : ((globalThis as Holder)[KEY] ??= createGuessing());

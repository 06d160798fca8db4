/**
 * Slowing down password guessing without locking a venue out (the arithmetic is in
 * docs/security.md, "Sign-in"). Only FAILED attempts spend; a correct password spends nothing.
 * Three buckets are checked before a password is even verified:
 * - account × address: 10 free failures, then one try per 30 s. Stops one device guessing one account.
 * - account (all addresses): 50 free failures, then one try per 10 s: at most 8,640 guesses a day
 *   against one account from a whole botnet, while its owner waits at most 10 s for a turn.
 * - address (all accounts): 300 free failures, then one try per second: a whole ballroom behind one
 *   NAT may each mistype several times; a sprayer is held to 86,400 tries a day across every account.
 * A bucket that is empty answers "try again in N s"; nothing is ever locked for longer than its refill.
 */
export const SIGNIN_LIMITS = {
	accountAddress: { capacity: 10, everyMs: 30_000 },
	account: { capacity: 50, everyMs: 10_000 },
	address: { capacity: 300, everyMs: 1_000 }
};

type Spec = { capacity: number; everyMs: number };

class Buckets {
	#tokens = new Map<string, { tokens: number; at: number }>();
	constructor(readonly spec: Spec) {}
	#read(key: string, now: number) {
		const b = this.#tokens.get(key);
		if (!b) return this.spec.capacity;
		return Math.min(this.spec.capacity, b.tokens + (now - b.at) / this.spec.everyMs);
	}
	/** Ms until a try is allowed (0: now). */
	waitMs(key: string, now: number): number {
		const tokens = this.#read(key, now);
		return tokens >= 1 ? 0 : Math.ceil((1 - tokens) * this.spec.everyMs);
	}
	spend(key: string, now: number) {
		const tokens = this.#read(key, now) - 1;
		if (tokens >= this.spec.capacity - 1e-9) this.#tokens.delete(key);
		else this.#tokens.set(key, { tokens, at: now });
		// Full buckets carry no information: forget them so memory stays bounded.
		if (this.#tokens.size > 50_000) for (const [k] of this.#tokens) if (this.#read(k, now) >= this.spec.capacity) this.#tokens.delete(k);
	}
}

/** A failed sign-in, as the nodes of a cluster tell each other of it. */
export interface SignInFailure {
	login: string;
	address: string;
}

/**
 * In a cluster each node keeps these buckets and tells the others of every failure it counts
 * (`share`, set by the realtime layer), which spend it too (`heardFailure`): a guesser whose
 * requests land on several nodes spends one allowance, as with guessed codes (../guessing.ts).
 */
export class SignInLimiter {
	#accountAddress = new Buckets(SIGNIN_LIMITS.accountAddress);
	#account = new Buckets(SIGNIN_LIMITS.account);
	#address = new Buckets(SIGNIN_LIMITS.address);
	#tell: ((failure: SignInFailure) => void) | null = null;

	/** 0 when this attempt may be checked now, otherwise the seconds to wait. */
	retryAfterS(login: string, address: string, now = Date.now()): number {
		const key = login.trim().toLowerCase();
		const wait = Math.max(
			this.#accountAddress.waitMs(`${key}\n${address}`, now),
			this.#account.waitMs(key, now),
			this.#address.waitMs(address, now)
		);
		return Math.ceil(wait / 1000);
	}

	failed(login: string, address: string, now = Date.now()): void {
		const failure = { login: login.trim().toLowerCase(), address };
		this.heardFailure(failure, now);
		this.#tell?.(failure);
	}

	/** A failure counted here or on another node (its login already trimmed and lower-cased): spent from all three buckets. */
	heardFailure({ login, address }: SignInFailure, now = Date.now()): void {
		this.#accountAddress.spend(`${login}\n${address}`, now);
		this.#account.spend(login, now);
		this.#address.spend(address, now);
	}

	/** Set in a cluster: tells the other nodes of a failure counted here; null to stop. */
	share(tell: ((failure: SignInFailure) => void) | null): void {
		this.#tell = tell;
	}
}

/** One per process, on globalThis like the other limits (../ratelimit.ts): both bundles share it. */
const KEY = Symbol.for('rembuk.signin-limits');
type Holder = { [KEY]?: SignInLimiter };
export const signInLimiter = ((globalThis as Holder)[KEY] ??= new SignInLimiter());

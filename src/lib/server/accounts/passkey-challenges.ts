/**
 * WebAuthn challenges, kept on the server between the two halves of a ceremony (options, then the
 * signed answer). Each lives a few minutes and is taken once: taking it removes it, whether the
 * answer then verifies or not, so a captured answer can never be played again.
 *
 * In memory, not in SQLite: an anonymous visitor of /masuk can ask for one, and that must cost no
 * disk write. A restart forgets them, which only means "try again". The number held is capped so
 * a flood of requests cannot grow the process; past the cap the oldest go first.
 */

/** How long an answer may take: the browser's own timeout (TIMEOUT_MS) plus slack for the network. */
export const CHALLENGE_TTL_MS = 5 * 60_000;
/** What the browser is told to allow for the person to touch the sensor or type the PIN. */
export const TIMEOUT_MS = 3 * 60_000;
export const MAX_CHALLENGES = 10_000;

export interface PendingChallenge {
	purpose: 'register' | 'signin';
	/** The host name (RP ID) and origin the ceremony began on; the answer must come from the same. */
	rpId: string;
	origin: string;
	/** For a registration: whose, and from which sign-in (it must still be the one answering). */
	accountId?: string;
	authSessionId?: string;
	expiresAt: number;
}

export class ChallengeStore {
	#pending = new Map<string, PendingChallenge>();

	constructor(readonly max = MAX_CHALLENGES) {}

	get size() {
		return this.#pending.size;
	}

	issue(challenge: string, pending: Omit<PendingChallenge, 'expiresAt'>, now = Date.now()): void {
		if (this.#pending.size >= this.max) {
			for (const [key, value] of this.#pending) if (value.expiresAt <= now) this.#pending.delete(key);
			// Still full: drop the oldest (a Map keeps insertion order).
			for (const key of this.#pending.keys()) {
				if (this.#pending.size < this.max) break;
				this.#pending.delete(key);
			}
		}
		this.#pending.set(challenge, { ...pending, expiresAt: now + CHALLENGE_TTL_MS });
	}

	/** The pending challenge, removed; undefined when unknown, already taken or expired. */
	take(challenge: string, now = Date.now()): PendingChallenge | undefined {
		const pending = this.#pending.get(challenge);
		if (!pending) return undefined;
		this.#pending.delete(challenge);
		return pending.expiresAt > now ? pending : undefined;
	}
}

/** One per process, on globalThis like the sign-in limits: both bundles must see the same challenges. */
const KEY = Symbol.for('rembuk.passkey-challenges');
type Holder = { [KEY]?: ChallengeStore };
export const challenges = ((globalThis as Holder)[KEY] ??= new ChallengeStore());

/**
 * The services some specs need (PostgreSQL, Redis, redis-server, HAProxy). Where one is missing
 * those specs skip and print why, so `npm test` passes on a laptop without them; where they must
 * be there (CI on the project's machine: .ci/run sets REMBUK_REQUIRE_SERVICES=1), a spec that would
 * skip fails instead, saying why.
 */
export function skipping(what: string, why: string | null): string | null {
	if (!why) return null;
	if (process.env.REMBUK_REQUIRE_SERVICES === '1') throw new Error(`${what} cannot run, and REMBUK_REQUIRE_SERVICES=1: ${why}`);
	console.warn(`SKIPPED ${what}: ${why}`);
	return why;
}

/**
 * The torture scenarios of `npm run torture` at a size CI can afford: a SIGKILL mid-burst, phones
 * black-holed (12 s here, so the links survive; the full run blocks 30 s and forces reconnects),
 * throttled phones, and the fuzzer. Each runs against the production build on its own database.
 */
import { expect, test } from '@playwright/test';
import { checkDatabase } from '../../scripts/bench/invariants.mjs';
import { freePort } from '../../scripts/bench/ports.mjs';
import { blockScenario, crashScenario, fuzzScenario, slowScenario } from '../../scripts/bench/scenarios.mjs';
import { rembuk, type RembukProcess } from '../../scripts/bench/server.mjs';

let server: RembukProcess;
test.beforeAll(async () => {
	// Many phones from one address: the joins would hit the per-address limit (tested elsewhere).
	server = rembuk({ port: await freePort(), env: { RATE_LIMITS: 'off' } });
	await server.start();
});
test.afterAll(async () => {
	await server.stop('SIGTERM');
	expect(checkDatabase(server.databasePath)).toEqual([]);
	await server.dispose();
});

/** Fails with the scenario's own reasons, and records its counts in the report. */
function expectClean(result: { failures: string[] } & Record<string, unknown>) {
	test.info().annotations.push({ type: 'counts', description: JSON.stringify({ ...result, failures: undefined }) });
	expect(result.failures).toEqual([]);
}

test('SIGKILL during a burst from 20 phones: acknowledged items exist once, retries never duplicate, views converge', async () => {
	test.setTimeout(60_000);
	const result = await crashScenario({ server, phones: 20, posts: 5 });
	expectClean(result);
	expect(result).toMatchObject({ lost: 0, duplicated: 0, converged: 20, stored: 100 });
});

test('phones cut off without a goodbye get every missed record in seq order, and their own post once', async () => {
	test.setTimeout(60_000);
	const result = await blockScenario({ server, phones: 10, blocked: 4, blockSeconds: 12, writers: 4 });
	expectClean(result);
	expect(result).toMatchObject({ seqGaps: 0, lost: 0, duplicated: 0, converged: 10 });
});

test('throttled phones do not slow delivery to the others, and catch up', async () => {
	test.setTimeout(60_000);
	const result = await slowScenario({ server, phones: 20, slow: 2, posts: 20, rounds: 4 });
	expectClean(result);
	expect(result.lost).toBe(0);
});

test('the fuzzer: malformed socket payloads and HTTP requests get clear errors, the server stays up, nothing is stored wrong', async () => {
	test.setTimeout(60_000);
	const result = await fuzzScenario({ server, cases: 600, httpCases: 250, seed: 20261128 });
	expectClean(result);
	expect(result).toMatchObject({ crashes: 0, storedWrong: 0 });
});

// `npm run torture`: crash and network faults and hostile input against the production build, on
// a throw-away database, on 127.0.0.1 (ports 3400-3499) only. Prints a table of counts per
// scenario and exits non-zero if anything was lost, duplicated, left diverged, or crashed the
// server. Bounded: the whole run gives up after --deadline minutes.
//
//   npm run torture -- [--phones 200] [--block-seconds 30] [--fuzz-cases 5000] [--http-cases 1500]
//                      [--seed N] [--only fuzz,crash,block,slow] [--json]
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { checkDatabase } from './bench/invariants.mjs';
import { freePort } from './bench/ports.mjs';
import { blockScenario, crashScenario, fuzzScenario, slowScenario } from './bench/scenarios.mjs';
import { rembuk, ROOT } from './bench/server.mjs';
import { table } from './bench/stats.mjs';

const { values: opts } = parseArgs({
	options: {
		phones: { type: 'string', default: '200' },
		'block-seconds': { type: 'string', default: '30' },
		'fuzz-cases': { type: 'string', default: '5000' },
		'http-cases': { type: 'string', default: '1500' },
		seed: { type: 'string', default: String(Date.now() % 1e9) },
		only: { type: 'string', default: 'fuzz,crash,block,slow' },
		deadline: { type: 'string', default: '20' },
		json: { type: 'boolean', default: false }
	}
});
const phones = Number(opts.phones);
const only = new Set(opts.only.split(','));
const say = (message) => process.stderr.write(`torture: ${message}\n`);
if (!existsSync(join(ROOT, 'build/server.js'))) {
	console.error('torture: no production build; run `npm run build` first');
	process.exit(2);
}

const server = rembuk({ port: await freePort(), env: { RATE_LIMITS: 'off' } });
const deadline = setTimeout(async () => {
	say(`gave up after ${opts.deadline} minutes`);
	await server.dispose();
	process.exit(1);
}, Number(opts.deadline) * 60_000);
deadline.unref();

/** Runs one scenario; a scenario that throws is a failure with its reason, not a crash of the script. */
async function scenario(name, run) {
	if (!only.has(name)) return null;
	const started = Date.now();
	try {
		const result = await run();
		if (server.crash) result.failures.push(server.crash.split('\n')[0]);
		return { ...result, seconds: Math.round((Date.now() - started) / 1000) };
	} catch (error) {
		return { failures: [error?.message ?? String(error)], seconds: Math.round((Date.now() - started) / 1000) };
	} finally {
		// A server that died unasked counts as a crash and is restarted, so later scenarios still run.
		if (server.crash) {
			say(server.crash);
			results.crashes++;
			server.crash = null;
		}
		if (!server.running) await server.start();
	}
}

const results = { crashes: 0 };
await server.start();
say(`server on ${server.url}, database ${server.dir}; seed ${opts.seed}`);
const log = (m) => say(m);
results.fuzz = await scenario('fuzz', () => fuzzScenario({ server, cases: Number(opts['fuzz-cases']), httpCases: Number(opts['http-cases']), seed: Number(opts.seed), log }));
results.crash = await scenario('crash', () => crashScenario({ server, phones, log }));
results.block = await scenario('block', () => blockScenario({ server, phones, blockSeconds: Number(opts['block-seconds']), log }));
results.slow = await scenario('slow', () => slowScenario({ server, phones: Math.min(phones, 100), log }));
await server.stop('SIGTERM');
const invariants = checkDatabase(server.databasePath);
await server.dispose();

const rows = [['scenario', 'what was done', 'lost', 'duplicated', 'crashes', 'result']];
const verdict = (r) => (r.failures.length ? `FAIL: ${r.failures.slice(0, 3).join('; ')}` : 'pass');
if (results.fuzz) {
	const f = results.fuzz;
	rows.push(['fuzz', `${f.socketCases ?? '?'} socket + ${f.httpCases ?? '?'} HTTP cases (seed ${opts.seed}); ${f.refused ?? '?'} refused with a code, ${f.acceptedOdd ?? '?'} odd-but-valid stored as sent`, f.storedWrong ?? '?', 0, f.crashes ?? '?', verdict(f)]);
}
if (results.crash) {
	const c = results.crash;
	rows.push(['crash', `SIGKILL during ${c.posted ?? '?'} posts from ${c.phones ?? '?'} phones, ${c.ackedBeforeKill ?? '?'} acked before, ${c.inFlightAtKill ?? '?'} in flight (${c.retriesAlreadyDone ?? '?'} of them had committed: the retry got the first answer); ${c.retriedCommands ?? '?'} resends; ${c.converged ?? '?'} views converged`, c.lost ?? '?', c.duplicated ?? '?', 0, verdict(c)]);
}
if (results.block) {
	const b = results.block;
	rows.push(['block', `${b.blocked ?? '?'} of ${b.phones ?? '?'} phones black-holed ${b.blockSeconds ?? '?'} s, ~${b.missedPerPhone ?? '?'} records missed each, ${b.reconnected ?? '?'} reconnected, ${b.seqGaps ?? '?'} seq gaps`, b.lost ?? '?', b.duplicated ?? '?', 0, verdict(b)]);
}
if (results.slow) {
	const s = results.slow;
	rows.push(['slow', `${s.slow ?? '?'} throttled phones among ${s.phones ?? '?'}: others' p95 (median of rounds) ${s.p95WithoutMs ?? '?'} ms without, ${s.p95WithMs ?? '?'} ms with`, s.lost ?? '?', 0, 0, verdict(s)]);
}
rows.push(['database', 'invariants after everything (logs, texts, kinds, authors, remembered answers)', '', '', results.crashes, invariants.length ? `FAIL: ${invariants.slice(0, 3).join('; ')}` : 'pass']);
console.log(table(rows));
const failed = results.crashes > 0 || invariants.length > 0 || ['fuzz', 'crash', 'block', 'slow'].some((n) => results[n]?.failures.length);
if (opts.json) console.log(JSON.stringify({ date: new Date().toISOString(), seed: Number(opts.seed), ...results, invariants, passed: !failed }));
process.exit(failed ? 1 : 0);

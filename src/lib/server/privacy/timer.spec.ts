import { afterEach, describe, expect, it, vi } from 'vitest';
import { facilitatedFgd } from '$lib/testing/fgd';
import type { RembukContext } from '../context';
import { GroupCommit } from '../group-commit';
import { DAY_MS, FIRST_RUN_DELAY_MS, startRetentionTimer } from './timer';

afterEach(() => vi.useRealTimers());

/** Every retention run the timer starts, to wait for: on PostgreSQL its queries are real I/O. */
const runs = vi.hoisted(() => [] as Promise<unknown>[]);
vi.mock('./index', async (importOriginal) => {
	const original = await importOriginal<typeof import('./index')>();
	const runRetention: typeof original.runRetention = (...args) => {
		const run = original.runRetention(...args);
		runs.push(run);
		return run;
	};
	return { ...original, runRetention };
});

/**
 * Lets a run started by a fake timer finish: it reads and writes through the store and the group
 * commit, whose turns are real (setImmediate), so advancing the fake clock alone does not wait for
 * it. The runs started are awaited, then twenty turns more for the timer's log line and the
 * publish after the commit; the checks after a day that must find nothing new wait as long as the
 * one that finds the anonymisation.
 */
async function turns(n = 20) {
	await Promise.allSettled(runs.splice(0));
	for (let i = 0; i < n; i++) await new Promise((resolve) => setImmediate(resolve));
}

describe('the daily retention timer', () => {
	it('runs a minute after start through the write path, then every day', async () => {
		const fgd = await facilitatedFgd(); // closed 24 October 2025
		const published: string[] = [];
		const store = fgd.store;
		const context = { store, publish: () => {} } as unknown as RembukContext;
		context.writes = new GroupCommit(store, (_id, records) => published.push(...records.map((r) => r.event.type)));
		vi.useFakeTimers({ toFake: ['setTimeout', 'setInterval', 'clearTimeout', 'clearInterval', 'Date'] });
		vi.setSystemTime(new Date('2026-10-01T00:00:00Z')); // not yet due (12 months)
		const lines: string[] = [];
		const stop = startRetentionTimer(context, (line) => lines.push(line));
		await vi.advanceTimersByTimeAsync(FIRST_RUN_DELAY_MS);
		await turns();
		expect(published).toEqual([]);
		vi.setSystemTime(new Date('2026-10-25T00:00:00Z'));
		await vi.advanceTimersByTimeAsync(DAY_MS);
		await turns();
		expect(published).toEqual(['session.anonymised']);
		expect(lines).toEqual(['retention: anonymised 1 session(s) past their retention period']);
		await vi.advanceTimersByTimeAsync(DAY_MS);
		await turns();
		expect(published).toEqual(['session.anonymised']);
		stop();
	});
});

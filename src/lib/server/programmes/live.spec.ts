/** The report's event stream: says only "changed", asks the right again each time, and lets go of the watch. */
import { describe, expect, it, onTestFinished } from 'vitest';
import { freshDb } from '$lib/testing/stores';
import { reportStream } from './live';
import { ProgrammeWatch } from './watch';

const decoder = new TextDecoder();

async function open(allowed: { now: boolean }, heartbeatMs = 60_000) {
	const watch = new ProgrammeWatch(await freshDb(), 0);
	// The watch looks the programme's sessions up in the background: let it finish before the store closes.
	onTestFinished(() => watch.settled());
	const abort = new AbortController();
	const stream = reportStream({
		watch,
		programmeId: 'p1',
		stillAllowed: () => allowed.now,
		signal: abort.signal,
		heartbeatMs,
		now: () => new Date('2026-12-04T02:00:00Z')
	});
	const reader = stream.getReader();
	const next = async () => {
		const { value, done } = await reader.read();
		return done ? null : decoder.decode(value);
	};
	return { watch, abort, reader, next };
}

describe('reportStream', () => {
	it('opens, then says "changed" with the time only when the programme changes', async () => {
		const { watch, next } = await open({ now: true });
		expect(await next()).toBe('retry: 5000\n: open\n\n');
		expect(watch.watchers('p1')).toBe(1);
		watch.changed('p1');
		expect(await next()).toBe('event: changed\ndata: {"at":"2026-12-04T02:00:00.000Z"}\n\n');
	});

	it('ends with "denied" when the reader lost the right (signed out, removed, made facilitator)', async () => {
		const allowed = { now: true };
		const { watch, next } = await open(allowed);
		await next();
		allowed.now = false;
		watch.changed('p1');
		expect(await next()).toBe('event: denied\ndata: {}\n\n');
		expect(await next()).toBeNull();
		expect(watch.watchers('p1')).toBe(0);
	});

	it('asks again at each heartbeat, so a quiet line is cut too', async () => {
		const allowed = { now: true };
		const { watch, next } = await open(allowed, 5);
		await next();
		expect(await next()).toBe(': ping\n\n');
		allowed.now = false;
		expect(await next()).toBe('event: denied\ndata: {}\n\n');
		expect(watch.watchers('p1')).toBe(0);
	});

	it('lets go of the watch when the page goes (aborted request or cancelled reader)', async () => {
		const first = await open({ now: true });
		await first.next();
		first.abort.abort();
		expect(first.watch.watchers('p1')).toBe(0);
		const second = await open({ now: true });
		await second.next();
		await second.reader.cancel();
		expect(second.watch.watchers('p1')).toBe(0);
	});
});

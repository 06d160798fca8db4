/** The report page's live line against a fake EventSource: reloads on a change, after a drop, and stops when refused. */
import { describe, expect, it } from 'vitest';
import { ReportLive, type EventSourceLike } from './report-live.svelte';

class FakeSource implements EventSourceLike {
	readyState = 0;
	closed = false;
	#listeners = new Map<string, (() => void)[]>();
	constructor(readonly url: string) {}
	addEventListener(type: string, listener: () => void) {
		this.#listeners.set(type, [...(this.#listeners.get(type) ?? []), listener]);
	}
	close() {
		this.closed = true;
		this.readyState = 2;
	}
	emit(type: string, readyState = this.readyState) {
		this.readyState = readyState;
		for (const listener of this.#listeners.get(type) ?? []) listener();
	}
}

function setUp() {
	let source!: FakeSource;
	const reloads: (() => void)[] = [];
	const live = new ReportLive(
		'/org/program/p1/laporan/langsung',
		() => new Promise<void>((resolve) => reloads.push(resolve)),
		(url) => (source = new FakeSource(url))
	);
	return { live, source, reloads };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('ReportLive', () => {
	it('goes live on open and reloads the data on each change, one reload at a time', async () => {
		const { live, source, reloads } = setUp();
		expect([live.state, source.url]).toEqual(['connecting', '/org/program/p1/laporan/langsung']);
		source.emit('open', 1);
		expect(live.state).toBe('live');
		expect(reloads).toHaveLength(0);
		source.emit('changed');
		source.emit('changed');
		source.emit('changed');
		expect(reloads).toHaveLength(1);
		reloads[0]();
		await settle();
		// The changes heard during the first reload bring exactly one more.
		expect(reloads).toHaveLength(2);
		reloads[1]();
		await settle();
		expect(reloads).toHaveLength(2);
	});

	it('after a dropped line that the browser reopens, reloads once (a change may have been missed)', async () => {
		const { live, source, reloads } = setUp();
		source.emit('open', 1);
		source.emit('error', 0);
		expect(live.state).toBe('connecting');
		source.emit('open', 1);
		expect([live.state, reloads.length]).toEqual(['live', 1]);
	});

	it('stops for good when refused, or told it lost the right', () => {
		const refused = setUp();
		refused.source.emit('error', 2);
		expect(refused.live.state).toBe('stopped');
		const denied = setUp();
		denied.source.emit('open', 1);
		denied.source.emit('denied');
		expect([denied.live.state, denied.source.closed]).toEqual(['stopped', true]);
	});
});

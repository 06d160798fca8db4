/** The board kept for a reload without a network: saved once changes settle, read back at start. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { added, after, AUTH, fakePage, itemIds as ids, OUTBOX, snapshotAt } from '$lib/testing/live';
import { FakeSocket } from '$lib/testing/fake-socket';
import { LiveSession } from './live.svelte';

vi.mock('socket.io-client', () => import('$lib/testing/fake-socket').then((m) => ({ io: m.fakeIo })));

const KEPT = 'rembuk:board:ABC234:p1';
let storage: Storage;
let done: () => void;
const opened: LiveSession[] = [];

beforeEach(() => {
	({ storage, done } = fakePage());
});
afterEach(() => {
	for (const live of opened.splice(0)) live.destroy();
	done();
});

function start() {
	const live = new LiveSession(AUTH, OUTBOX, KEPT);
	opened.push(live);
	return { live, socket: FakeSocket.made.at(-1)! };
}

describe('the last board', () => {
	it('is kept a moment after it changes, with its seq', async () => {
		const { socket } = start();
		socket.open();
		socket.waiting('sync').answer(snapshotAt(5, ['a']));
		await after();
		socket.deliver(added(6, 'b'));
		expect(storage.getItem(KEPT)).toBeNull();
		await after(2000);
		const kept = JSON.parse(storage.getItem(KEPT)!);
		expect([kept.seq, kept.board.items.map((i: { id: string }) => i.id)]).toEqual([6, ['a', 'b']]);
	});

	it('is shown at once by the next page, which then asks only for what came after it', async () => {
		const first = start();
		first.socket.open();
		first.socket.waiting('sync').answer(snapshotAt(7, ['a', 'b']));
		await after(2000);
		first.live.destroy();

		const { live, socket } = start();
		expect([live.connection, live.seq, ids(live)]).toEqual(['connecting', 7, ['a', 'b']]);
		socket.open();
		expect(socket.waiting('sync').payload).toEqual({ lastSeq: 7 });
	});
});

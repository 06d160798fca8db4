/** The live connection against a fake socket: seq order, gaps, syncs that go wrong, the connection. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ACK_TIMEOUT, added, after, AUTH, fakePage, itemIds as ids, online, replay, session, snapshotAt } from '$lib/testing/live';

import { GAP_GRACE } from '../realtime/contract';

vi.mock('socket.io-client', () => import('$lib/testing/fake-socket').then((m) => ({ io: m.fakeIo })));

let page: EventTarget;
let done: () => void;

beforeEach(() => {
	({ page, done } = fakePage());
});
afterEach(() => done());

describe('keeping the board in step', () => {
	it('asks for a snapshot on connecting, and goes online with it and the server’s clock', async () => {
		const { live, socket } = session();
		expect(socket.options).toMatchObject({ auth: AUTH });
		expect(live.connection).toBe('connecting');
		socket.open();
		expect(socket.waiting('sync').payload).toEqual({ lastSeq: 0 });
		socket.waiting('sync').answer(snapshotAt(5, ['a']));
		await after();
		expect([live.connection, live.seq, ids(live), live.clockOffset]).toEqual(['online', 5, ['a'], 3000]);
	});

	it('applies records in seq order and ignores one it already has', async () => {
		const { live, socket } = await online(5);
		socket.deliver(added(6, 'a'), added(7, 'b'));
		socket.deliver(added(7, 'forged'), added(4, 'old'));
		expect([live.seq, ids(live)]).toEqual([7, ['a', 'b']]);
		expect(socket.pending()).toEqual([]);
	});

	it('on a gap that stays open asks for what it missed, from the last seq it applied', async () => {
		const { live, socket } = await online(5);
		socket.deliver(added(6, 'a'), added(8, 'c'));
		await after(GAP_GRACE - 1);
		expect(socket.pending('sync')).toEqual([]);
		await after(1);
		expect(socket.waiting('sync').payload).toEqual({ lastSeq: 6 });
		expect(ids(live)).toEqual(['a']);
		socket.waiting('sync').answer(replay([added(7, 'b'), added(8, 'c')]));
		await after();
		expect([live.seq, ids(live)]).toEqual([8, ['a', 'b', 'c']]);
	});

	it('waits a moment for a record another node sent later, and then needs no sync', async () => {
		const { live, socket } = await online(5);
		socket.deliver(added(6, 'a'), added(9, 'd'), added(8, 'c'));
		expect([live.seq, ids(live)]).toEqual([6, ['a']]);
		socket.deliver(added(7, 'b'));
		expect([live.seq, ids(live)]).toEqual([9, ['a', 'b', 'c', 'd']]);
		await after(GAP_GRACE * 10);
		expect(socket.pending()).toEqual([]);
	});

	it('keeps the records that arrive while a sync is in flight and applies them after it', async () => {
		const { live, socket } = session();
		socket.open();
		socket.deliver(added(7, 'b'), added(5, 'in snapshot'), added(6, 'a'));
		socket.waiting('sync').answer(snapshotAt(5));
		await after();
		expect([live.seq, ids(live)]).toEqual([7, ['a', 'b']]);

		socket.deliver(added(9, 'd'));
		await after(GAP_GRACE);
		socket.deliver(added(10, 'e'));
		socket.waiting('sync').answer(replay([added(8, 'c'), added(9, 'd')]));
		await after();
		expect([live.seq, ids(live)]).toEqual([10, ['a', 'b', 'c', 'd', 'e']]);
	});

	it('asks again when a sync gets no answer, or an error, while the socket is up', async () => {
		const { live, socket } = session();
		socket.open();
		await after(ACK_TIMEOUT);
		expect(socket.pending('sync')).toEqual([]);
		await after(2000);
		socket.waiting('sync').answer({ ok: false, error: { code: 'internal', message: 'Could not read the session' } });
		await after(2000);
		socket.waiting('sync').answer(snapshotAt(5));
		await after();
		expect([live.connection, live.seq]).toEqual(['online', 5]);
		expect(socket.sent.map((r) => r.payload)).toEqual([{ lastSeq: 0 }, { lastSeq: 0 }, { lastSeq: 0 }]);
	});

	it('does not ask while the socket is down, and asks from where it was once it is back', async () => {
		const { live, socket } = await online(5);
		socket.deliver(added(7, 'b'));
		socket.drop();
		expect(live.connection).toBe('offline');
		await after(60_000);
		expect(socket.pending()).toEqual([]);
		socket.open();
		expect(socket.waiting('sync').payload).toEqual({ lastSeq: 5 });
	});

	it('asks again until caught up when the gap was longer than one replay', async () => {
		const { live, socket } = await online(5);
		socket.deliver(added(8, 'c'));
		await after(GAP_GRACE);
		socket.waiting('sync').answer(replay([added(6, 'a')], 8));
		await after();
		expect(socket.waiting('sync').payload).toEqual({ lastSeq: 6 });
		socket.waiting('sync').answer(replay([added(7, 'b'), added(8, 'c')]));
		await after();
		expect([live.seq, ids(live)]).toEqual([8, ['a', 'b', 'c']]);
		expect(socket.pending()).toEqual([]);
	});

	it('takes a fresh snapshot after a record that changes what it may see, live or replayed', async () => {
		const { live, socket } = await online(5, ['a']);
		socket.deliver({ seq: 6, at: '', event: { type: 'phase.changed', phase: 'reveal', from: 'writing' } });
		expect(socket.waiting('sync').payload).toEqual({ lastSeq: 0 });
		socket.waiting('sync').answer(snapshotAt(6, ['a', 'b']));
		await after();
		expect([live.seq, ids(live)]).toEqual([6, ['a', 'b']]);

		socket.deliver(added(8, 'd'));
		await after(GAP_GRACE);
		socket.waiting('sync').answer(replay([added(7, 'c'), { seq: 8, at: '', event: { type: 'session.closed', closedAt: '' } }]));
		await after();
		expect(socket.pending()).toEqual([]);
		socket.deliver(added(10, 'f'));
		await after(GAP_GRACE);
		socket.waiting('sync').answer(replay([{ seq: 9, at: '', event: { type: 'phase.changed', phase: 'closed', from: 'action' } }, added(10, 'f')]));
		await after();
		expect(socket.waiting('sync').payload).toEqual({ lastSeq: 0 });
	});
});

describe('the connection', () => {
	it('sends a staff command straight away and resolves with the answer, or says why not', async () => {
		const { live, socket } = session();
		expect(await live.send({ type: 'timer.clear' })).toMatchObject({ ok: false, error: { message: 'offline' } });
		socket.open();
		const answered = live.send({ type: 'timer.clear' });
		socket.waiting('command').answer({ ok: true, seq: 6 });
		expect(await answered).toEqual({ ok: true, seq: 6 });
		const unanswered = live.send({ type: 'timer.clear' });
		await after(ACK_TIMEOUT);
		expect(await unanswered).toMatchObject({ ok: false, error: { message: 'no answer' } });
	});

	it('gives up for good when the server refuses who it is, even when the network returns', async () => {
		const { live, socket } = session();
		socket.refuse('unauthenticated');
		expect([live.refused, live.connection]).toEqual(['unauthenticated', 'offline']);
		page.dispatchEvent(new Event('online'));
		expect(socket.connectRequested).toBe(0);
	});

	it('drops a half-dead socket when the phone goes offline, and reconnects when it is back', async () => {
		const { live, socket } = await online(5);
		page.dispatchEvent(new Event('offline'));
		expect([socket.connected, live.connection]).toEqual([false, 'offline']);
		page.dispatchEvent(new Event('online'));
		expect(socket.connectRequested).toBe(1);
		socket.presence(12);
		expect(live.online).toBe(12);
	});
});

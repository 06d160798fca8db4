/** What LiveSession does with the outbox, against a fake socket: send, keep, resend, give up. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { memoryStorage } from '$lib/testing/fake-socket';
import { ACK_TIMEOUT, ADD, after, fakePage, online, OUTBOX, replay, session, snapshotAt } from '$lib/testing/live';

vi.mock('socket.io-client', () => import('$lib/testing/fake-socket').then((m) => ({ io: m.fakeIo })));

let storage: ReturnType<typeof memoryStorage>;
let done: () => void;

beforeEach(() => {
	({ storage, done } = fakePage());
});
afterEach(() => done());

describe('the outbox', () => {
	it('keeps what is written offline in storage and sends it once online, with its id', async () => {
		const { live, socket } = session();
		live.submit(ADD);
		const [entry] = live.outbox.pending;
		expect(JSON.parse(storage.getItem(OUTBOX)!)).toEqual([entry]);
		expect(socket.pending()).toEqual([]);
		socket.open();
		socket.waiting('sync').answer(snapshotAt(5));
		await after();
		expect(socket.waiting('command').payload).toEqual({ id: entry.id, command: ADD });
		socket.waiting('command').answer({ ok: true, seq: 6, itemId: 'item-1' });
		await after();
		expect(live.outbox.entries).toEqual([]);
		expect(JSON.parse(storage.getItem(OUTBOX)!)).toEqual([]);
		expect([live.ownItemIds, live.justSaved]).toEqual([['item-1'], ['item-1']]);
	});

	it('survives a reload: the next page sends what this one could not, with the same id', async () => {
		const first = session();
		first.live.submit(ADD);
		const id = first.live.outbox.pending[0].id;
		first.live.destroy();
		const { live, socket } = session();
		expect(live.outbox.pending.map((e) => e.id)).toEqual([id]);
		socket.open();
		socket.waiting('sync').answer(snapshotAt(5));
		await after();
		expect(socket.waiting('command').payload).toMatchObject({ id });
	});

	it('keeps a command the server could not save (internal) and sends it again with the same id', async () => {
		const { live, socket } = await online(5);
		live.submit(ADD);
		const { id } = live.outbox.pending[0];
		socket.waiting('command').answer({ ok: false, error: { code: 'internal', message: 'Could not save' } });
		await after();
		expect(live.outbox.pending.map((e) => e.id)).toEqual([id]);
		await after(3000);
		expect(socket.waiting('command').payload).toMatchObject({ id });
		socket.waiting('command').answer({ ok: true, seq: 6, itemId: 'item-1' });
		await after();
		expect(live.outbox.entries).toEqual([]);
	});

	it('sends again with the same id when the ack is lost, to a timeout or a dropped link', async () => {
		const { live, socket } = await online(5);
		live.submit(ADD);
		const { id } = live.outbox.pending[0];
		await after(ACK_TIMEOUT + 3000);
		expect(socket.waiting('command').payload).toMatchObject({ id });
		socket.drop();
		expect(live.outbox.pending.map((e) => e.id)).toEqual([id]);
		socket.open();
		socket.waiting('sync').answer(replay([]));
		await after();
		expect(socket.waiting('command').payload).toMatchObject({ id });
		expect(socket.sent.filter((r) => r.event === 'command')).toHaveLength(3);
	});

	it('sends one entry at a time, in the order written', async () => {
		const { live, socket } = await online(5);
		live.submit(ADD);
		live.submit({ ...ADD, text: 'Sinyal lemah' });
		expect(socket.waiting('command').payload).toMatchObject({ command: ADD });
		socket.waiting('command').answer({ ok: true, seq: 6, itemId: 'item-1' });
		await after();
		expect(socket.waiting('command').payload).toMatchObject({ command: { text: 'Sinyal lemah' } });
	});

	it('marks a refused entry failed and keeps it; retry sends it again with the same id', async () => {
		const { live, socket } = await online(5);
		live.submit(ADD);
		const { id } = live.outbox.pending[0];
		socket.waiting('command').answer({ ok: false, error: { code: 'phase_closed', message: 'closed' } });
		await after(60_000);
		expect(live.outbox.entries).toMatchObject([{ id, status: 'failed', error: 'phase_closed' }]);
		expect(socket.pending()).toEqual([]);
		live.retry(id);
		expect(socket.waiting('command').payload).toMatchObject({ id });
		socket.waiting('command').answer({ ok: true, seq: 6, itemId: 'item-1' });
		await after();
		expect(live.outbox.entries).toEqual([]);
	});

	it('keeps a rate-limited entry sending and tries it again after a pause', async () => {
		const { live, socket } = await online(5);
		live.submit(ADD);
		socket.waiting('command').answer({ ok: false, error: { code: 'rate_limited', message: 'slow down' } });
		await after(1999);
		expect(socket.pending()).toEqual([]);
		await after(1);
		expect(socket.waiting('command').payload).toMatchObject({ id: live.outbox.pending[0].id });
	});

	// docs/protocol.md, client rule 7: "call sync if an acked seq does not arrive".
	it('after an ack whose record never comes, asks the server for it', async () => {
		const { live, socket } = await online(5);
		live.submit(ADD);
		socket.waiting('command').answer({ ok: true, seq: 6, itemId: 'item-1' });
		await after();
		expect(live.outbox.entries).toEqual([]);
		expect(live.seq).toBe(5);
		await after(ACK_TIMEOUT);
		expect(socket.waiting('sync').payload).toEqual({ lastSeq: 5 });
	});

	it('counts an acknowledged command as unsettled until its record reaches the board', async () => {
		const { live, socket } = await online(5);
		const vote = { type: 'vote.set', targetId: 'item-9', count: 2 } as const;
		live.submit(vote);
		expect(live.unsettled).toEqual([vote]);
		socket.waiting('command').answer({ ok: true, seq: 6 });
		await after();
		// Acknowledged, not yet on the board: a tap now must still count these two dots.
		expect(live.outbox.entries).toEqual([]);
		expect(live.unsettled).toEqual([vote]);
		socket.deliver({ seq: 6, at: '2025-10-24T01:00:00.000Z', event: { type: 'vote.set', vote: { targetId: 'item-9', participantId: 'me', count: 2 } } });
		await after();
		expect(live.seq).toBe(6);
		expect(live.unsettled).toEqual([]);
	});
});

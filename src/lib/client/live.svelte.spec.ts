/** The live connection against a fake socket: seq order, gaps, syncs that go wrong, the outbox. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Command, SessionRecord, SyncResult } from '../realtime/contract';
import { emptyBoard, item } from '$lib/testing/board';
import { FakeSocket, memoryStorage } from '$lib/testing/fake-socket';
import { LiveSession } from './live.svelte';

const made = vi.hoisted(() => ({ sockets: [] as import('$lib/testing/fake-socket').FakeSocket[] }));
vi.mock('socket.io-client', async () => {
	const { FakeSocket } = await import('$lib/testing/fake-socket');
	return { io: (options: object) => made.sockets[made.sockets.push(new FakeSocket(options)) - 1] };
});

const AUTH = { code: 'ABC234', role: 'participant', token: 'AbCdEfGhIjKlMnOpQrStUv' } as const;
const OUTBOX = 'rembuk:outbox:ABC234';
const ACK_TIMEOUT = 10_000;

let storage: ReturnType<typeof memoryStorage>;
let page: EventTarget;
let open: LiveSession[];

beforeEach(() => {
	vi.useFakeTimers();
	storage = memoryStorage();
	page = new EventTarget();
	vi.stubGlobal('localStorage', storage);
	vi.stubGlobal('addEventListener', page.addEventListener.bind(page));
	vi.stubGlobal('removeEventListener', page.removeEventListener.bind(page));
	made.sockets.length = 0;
	open = [];
});

afterEach(() => {
	for (const live of open) live.destroy();
	vi.unstubAllGlobals();
	vi.useRealTimers();
});

/** Lets promises and due timers run, `ms` later. */
const after = (ms = 0) => vi.advanceTimersByTimeAsync(ms);

const added = (seq: number, id: string): SessionRecord => ({ seq, at: '2025-10-24T01:00:00.000Z', event: { type: 'item.added', item: item(id) } });
const snapshotAt = (seq: number, ids: string[] = []): SyncResult => ({
	ok: true,
	mode: 'snapshot',
	snapshot: { ...emptyBoard(), items: ids.map((id) => item(id)), seq },
	ownItemIds: [],
	seq,
	serverTime: new Date(Date.now() + 3000).toISOString()
});
const replay = (records: SessionRecord[], seq = records.at(-1)?.seq ?? 0): SyncResult => ({
	ok: true,
	mode: 'events',
	records,
	ownItemIds: [],
	seq,
	serverTime: new Date().toISOString()
});
const ADD: Command = { type: 'item.add', kind: 'kendala', text: 'Jalan desa rusak', anonymous: false };

function session() {
	const live = new LiveSession(AUTH, OUTBOX);
	open.push(live);
	return { live, socket: made.sockets.at(-1)! };
}

/** A session connected and synced to a snapshot at `seq`. */
async function online(seq = 5, ids: string[] = []) {
	const { live, socket } = session();
	socket.open();
	socket.waiting('sync').answer(snapshotAt(seq, ids));
	await after();
	return { live, socket };
}

const ids = (live: LiveSession) => live.board?.items.map((i) => i.id);

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

	it('on a gap asks for what it missed, from the last seq it applied', async () => {
		const { live, socket } = await online(5);
		socket.deliver(added(6, 'a'), added(8, 'c'));
		expect(socket.waiting('sync').payload).toEqual({ lastSeq: 6 });
		expect(ids(live)).toEqual(['a']);
		socket.waiting('sync').answer(replay([added(7, 'b'), added(8, 'c')]));
		await after();
		expect([live.seq, ids(live)]).toEqual([8, ['a', 'b', 'c']]);
	});

	it('keeps the records that arrive while a sync is in flight and applies them after it', async () => {
		const { live, socket } = session();
		socket.open();
		socket.deliver(added(7, 'b'), added(5, 'in snapshot'), added(6, 'a'));
		socket.waiting('sync').answer(snapshotAt(5));
		await after();
		expect([live.seq, ids(live)]).toEqual([7, ['a', 'b']]);

		socket.deliver(added(9, 'd'));
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
		socket.deliver(added(7, 'b'));
		socket.waiting('sync').answer(replay([added(6, 'a')], 7));
		await after();
		expect(socket.waiting('sync').payload).toEqual({ lastSeq: 6 });
		socket.waiting('sync').answer(replay([added(7, 'b')]));
		await after();
		expect([live.seq, ids(live)]).toEqual([7, ['a', 'b']]);
	});

	it('takes a fresh snapshot after a record that changes what it may see, live or replayed', async () => {
		const { live, socket } = await online(5, ['a']);
		socket.deliver({ seq: 6, at: '', event: { type: 'phase.changed', phase: 'reveal', from: 'writing' } });
		expect(socket.waiting('sync').payload).toEqual({ lastSeq: 0 });
		socket.waiting('sync').answer(snapshotAt(6, ['a', 'b']));
		await after();
		expect([live.seq, ids(live)]).toEqual([6, ['a', 'b']]);

		socket.deliver(added(8, 'd'));
		socket.waiting('sync').answer(replay([added(7, 'c'), { seq: 8, at: '', event: { type: 'session.closed', closedAt: '' } }]));
		await after();
		expect(socket.pending()).toEqual([]);
		socket.deliver(added(10, 'f'));
		socket.waiting('sync').answer(replay([{ seq: 9, at: '', event: { type: 'phase.changed', phase: 'closed', from: 'action' } }, added(10, 'f')]));
		await after();
		expect(socket.waiting('sync').payload).toEqual({ lastSeq: 0 });
	});
});

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

	// docs/protocol.md, client rule 7: "call sync if an acked seq does not arrive". LiveSession does
	// not yet: the record is only fetched when a later one shows the gap, or on a reconnect.
	it.fails('after an ack whose record never comes, asks the server for it', async () => {
		const { live, socket } = await online(5);
		live.submit(ADD);
		socket.waiting('command').answer({ ok: true, seq: 6, itemId: 'item-1' });
		await after();
		expect(live.outbox.entries).toEqual([]);
		expect(live.seq).toBe(5);
		await after(ACK_TIMEOUT);
		expect(socket.waiting('sync').payload).toEqual({ lastSeq: 5 });
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

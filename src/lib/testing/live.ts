/**
 * Set-up for the LiveSession specs: a page for Node (localStorage and the window's online and
 * offline events), fake sockets, and what the server answers. The spec itself mocks the client
 * library: `vi.mock('socket.io-client', () => import('$lib/testing/fake-socket').then((m) => ({ io: m.fakeIo })))`.
 */
import { vi } from 'vitest';
import { LiveSession } from '../client/live.svelte';
import type { Command, SessionRecord, SyncResult } from '../realtime/contract';
import { emptyBoard, item } from './board';
import { FakeSocket, memoryStorage } from './fake-socket';

export const AUTH = { code: 'ABC234', role: 'participant', token: 'AbCdEfGhIjKlMnOpQrStUv' } as const;
export const OUTBOX = 'rembuk:outbox:ABC234';
/** How long LiveSession waits for an ack (client/live.svelte.ts). */
export const ACK_TIMEOUT = 10_000;
export const ADD: Extract<Command, { type: 'item.add' }> = { type: 'item.add', kind: 'kendala', text: 'Jalan desa rusak', anonymous: false };

const opened: LiveSession[] = [];

/** Fake timers, a fresh storage and window; returns them, and `done` to undo it all after the test. */
export function fakePage() {
	vi.useFakeTimers();
	const storage = memoryStorage();
	const page = new EventTarget();
	vi.stubGlobal('localStorage', storage);
	vi.stubGlobal('addEventListener', page.addEventListener.bind(page));
	vi.stubGlobal('removeEventListener', page.removeEventListener.bind(page));
	FakeSocket.made.length = 0;
	const done = () => {
		for (const live of opened.splice(0)) live.destroy();
		vi.unstubAllGlobals();
		vi.useRealTimers();
	};
	return { storage, page, done };
}

/** Lets promises and due timers run, `ms` later. */
export const after = (ms = 0) => vi.advanceTimersByTimeAsync(ms);

export const added = (seq: number, id: string): SessionRecord => ({
	seq,
	at: '2025-10-24T01:00:00.000Z',
	event: { type: 'item.added', item: item(id) }
});

/** A sync answered with a snapshot at `seq` holding these items; the server's clock 3 s ahead. */
export const snapshotAt = (seq: number, ids: string[] = []): SyncResult => ({
	ok: true,
	mode: 'snapshot',
	snapshot: { ...emptyBoard(), items: ids.map((id) => item(id)), seq },
	ownItemIds: [],
	seq,
	serverTime: new Date(Date.now() + 3000).toISOString()
});

/** A sync answered with these records; `seq` is the server's, when it has more than it sent. */
export const replay = (records: SessionRecord[], seq = records.at(-1)?.seq ?? 0): SyncResult => ({
	ok: true,
	mode: 'events',
	records,
	ownItemIds: [],
	seq,
	serverTime: new Date().toISOString()
});

/** A new LiveSession and its socket, not yet connected. */
export function session() {
	const live = new LiveSession(AUTH, OUTBOX);
	opened.push(live);
	return { live, socket: FakeSocket.made.at(-1)! };
}

/** A LiveSession connected and synced to a snapshot at `seq`. */
export async function online(seq = 5, ids: string[] = []) {
	const { live, socket } = session();
	socket.open();
	socket.waiting('sync').answer(snapshotAt(seq, ids));
	await after();
	return { live, socket };
}

export const itemIds = (live: LiveSession) => live.board?.items.map((i) => i.id);

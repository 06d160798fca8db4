/** The outbox on its own: what it keeps in storage, and the states an entry goes through. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Command } from '../realtime/contract';
import { memoryStorage } from '$lib/testing/fake-socket';
import { Outbox } from './outbox.svelte';

const KEY = 'rembuk:outbox:ABC234';
const ADD: Extract<Command, { type: 'item.add' }> = { type: 'item.add', kind: 'kendala', text: 'Jalan desa rusak', anonymous: false };
const stored = () => JSON.parse(storage.getItem(KEY) ?? 'null');

let storage: ReturnType<typeof memoryStorage>;

beforeEach(() => {
	storage = memoryStorage();
	vi.stubGlobal('localStorage', storage);
});

afterEach(() => {
	vi.unstubAllGlobals();
});

describe('Outbox', () => {
	it('keeps every new entry in storage, sending, with an id of its own', () => {
		const outbox = new Outbox(KEY);
		const first = outbox.add(ADD);
		const second = outbox.add({ ...ADD, text: 'Sinyal lemah' });
		expect(first).toMatchObject({ command: ADD, status: 'sending' });
		expect(first.id).not.toBe(second.id);
		expect(first.id).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
		expect(stored()).toEqual([first, second]);
		expect(outbox.pending).toEqual([first, second]);
	});

	it('comes back from storage after a reload, and starts empty from nothing or from garbage', () => {
		const entry = new Outbox(KEY).add(ADD);
		expect(new Outbox(KEY).entries).toEqual([entry]);
		expect(new Outbox('rembuk:outbox:OTHER1').entries).toEqual([]);
		storage.setItem(KEY, '{not json');
		expect(new Outbox(KEY).entries).toEqual([]);
	});

	it('a failed entry stays, with its error, out of the sending line; retry puts it back with the same id', () => {
		const outbox = new Outbox(KEY);
		const { id } = outbox.add(ADD);
		outbox.fail(id, 'phase_closed');
		expect(outbox.entries).toMatchObject([{ id, status: 'failed', error: 'phase_closed' }]);
		expect(outbox.pending).toEqual([]);
		expect(new Outbox(KEY).entries).toMatchObject([{ id, status: 'failed', error: 'phase_closed' }]);
		outbox.retry(id);
		expect(outbox.pending).toMatchObject([{ id, status: 'sending' }]);
		expect(outbox.pending[0].error).toBeUndefined();
		expect(stored()).toMatchObject([{ id, status: 'sending' }]);
	});

	it('removes a saved entry, from memory and storage', () => {
		const outbox = new Outbox(KEY);
		const { id } = outbox.add(ADD);
		const other = outbox.add({ ...ADD, text: 'Sinyal lemah' });
		outbox.remove(id);
		expect(outbox.entries).toEqual([other]);
		expect(stored()).toEqual([other]);
	});

	it('still holds an entry in memory when storage is full', () => {
		const outbox = new Outbox(KEY);
		storage.full = true;
		const entry = outbox.add(ADD);
		expect(outbox.pending).toEqual([entry]);
		expect(storage.getItem(KEY)).toBeNull();
	});
});

/**
 * Commands the phone has not yet seen acknowledged. Kept in localStorage so a reload, a dead
 * battery or a dropped 3G link loses nothing; each keeps its id, so a resend is never a duplicate.
 */
import { nanoid } from 'nanoid';
import type { Command, ErrorCode } from '../realtime/contract';

export interface OutboxEntry {
	id: string;
	command: Command;
	status: 'sending' | 'failed';
	error?: ErrorCode;
	createdAt: string;
}

export class Outbox {
	entries = $state<OutboxEntry[]>([]);
	#storageKey: string;

	constructor(storageKey: string) {
		this.#storageKey = storageKey;
		try {
			this.entries = JSON.parse(localStorage.getItem(storageKey) ?? '[]');
		} catch {
			this.entries = [];
		}
	}

	add(command: Command): OutboxEntry {
		const entry: OutboxEntry = { id: nanoid(), command, status: 'sending', createdAt: new Date().toISOString() };
		this.entries.push(entry);
		this.#save();
		return entry;
	}

	get pending(): OutboxEntry[] {
		return this.entries.filter((e) => e.status === 'sending');
	}

	fail(id: string, error: ErrorCode) {
		const entry = this.entries.find((e) => e.id === id);
		if (entry) Object.assign(entry, { status: 'failed', error });
		this.#save();
	}

	/** Puts a failed entry back in line, with the same id: the server still recognises it. */
	retry(id: string) {
		const entry = this.entries.find((e) => e.id === id);
		if (entry) Object.assign(entry, { status: 'sending', error: undefined });
		this.#save();
	}

	remove(id: string) {
		this.entries = this.entries.filter((e) => e.id !== id);
		this.#save();
	}

	#save() {
		try {
			localStorage.setItem(this.#storageKey, JSON.stringify(this.entries));
		} catch {
			// Storage full or disabled: the entry still lives in memory until sent.
		}
	}
}

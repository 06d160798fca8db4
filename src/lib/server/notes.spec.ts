/** The minute-taker's notes and quotes: tagged with the phase they were said in. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SocketIdentity } from '../realtime/contract';
import type { Database } from './db/store';
import * as notes from './notes';
import { dumpTables, must, send, setPhase, type TestParticipant, type TestSession } from '$lib/testing/server';
import { sessionWith } from '$lib/testing/stores';

const T0 = Date.parse('2025-10-24T02:15:00.000Z');

let db: Database;
let session: TestSession;
let siti: TestParticipant;

beforeEach(async () => {
	vi.useFakeTimers({ toFake: ['Date'] });
	vi.setSystemTime(T0);
	({ db, session, people: [siti] } = await sessionWith(['Siti']));
});

afterEach(() => {
	vi.useRealTimers();
});

async function add(command: Record<string, unknown>, who: SocketIdentity = session.minutetaker) {
	const { records } = await must(db, who, { type: 'note.add', ...command });
	const event = records[0].event;
	if (event.type !== 'note.added') throw new Error(`unexpected ${event.type}`);
	return event.note;
}

async function expectRefused(who: SocketIdentity, command: unknown, code: string) {
	const before = await dumpTables(db);
	expect((await send(db, who, command)).result).toMatchObject({ ok: false, error: { code } });
	expect(await dumpTables(db)).toEqual(before);
}

describe('note.add', () => {
	it('records a quote with its speaker, the phase and the server time', async () => {
		await setPhase(db, session, 'discussion');
		const speaker = { participantId: siti.id, name: 'Siti', institution: 'Universitas Mulawarman', group: 'akademisi' };
		const note = await add({ text: 'Jalan desa harus jadi prioritas', speaker });
		expect(note).toEqual({
			id: expect.any(String),
			kind: 'quote',
			phase: 'discussion',
			text: 'Jalan desa harus jadi prioritas',
			speaker,
			at: new Date(T0).toISOString()
		});
		expect(await notes.list(db, session.row.id)).toEqual([note]);
	});

	it('fills in a speaker who did not join from a phone', async () => {
		const note = await add({ text: 'Anggaran terbatas', speaker: { name: 'Pak Camat' } });
		expect(note.speaker).toEqual({ participantId: null, name: 'Pak Camat', institution: '', group: '' });
	});

	it('records a note without a speaker as a plain note', async () => {
		const note = await add({ text: 'Peserta sepakat soal jalan' });
		expect(note).toMatchObject({ kind: 'note', speaker: null, phase: 'lobby' });
	});

	it('tags each note with the phase it was taken in', async () => {
		await setPhase(db, session, 'writing');
		await add({ text: 'Peserta menulis' });
		await setPhase(db, session, 'voting');
		await add({ text: 'Peserta memilih' });
		expect((await notes.list(db, session.row.id)).map((n) => [n.text, n.phase])).toEqual([
			['Peserta menulis', 'writing'],
			['Peserta memilih', 'voting']
		]);
	});

	it('is open to the facilitator too, but not to participants or the projector', async () => {
		expect((await add({ text: 'Catatan fasilitator' }, session.facilitator)).kind).toBe('note');
		await expectRefused(siti.identity, { type: 'note.add', text: 'Catatan saya' }, 'forbidden');
		await expectRefused(session.presenter, { type: 'note.add', text: 'Catatan layar' }, 'forbidden');
	});
});

describe('note.delete', () => {
	it('removes the note from the list', async () => {
		const kept = await add({ text: 'Tetap' });
		const gone = await add({ text: 'Salah ketik' });
		const { records } = await must(db, session.minutetaker, { type: 'note.delete', noteId: gone.id });
		expect(records[0].event).toEqual({ type: 'note.deleted', noteId: gone.id });
		expect((await notes.list(db, session.row.id)).map((n) => n.id)).toEqual([kept.id]);
	});

	it('refuses an unknown or deleted note, and participants', async () => {
		const note = await add({ text: 'Catatan' });
		await expectRefused(siti.identity, { type: 'note.delete', noteId: note.id }, 'forbidden');
		await must(db, session.minutetaker, { type: 'note.delete', noteId: note.id });
		await expectRefused(session.minutetaker, { type: 'note.delete', noteId: note.id }, 'not_found');
		await expectRefused(session.minutetaker, { type: 'note.delete', noteId: 'no-such-note' }, 'not_found');
	});
});

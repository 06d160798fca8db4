/** Room controls: the door and the capacity, removing a participant, a new join code. */
import { beforeEach, describe, expect, it } from 'vitest';
import { commandSchema } from '../../realtime/schemas';
import type { Database } from '../db/store';
import type { Vote } from '../../domain/types';
import * as participants from '../participants';
import * as room from '../room';
import * as sessions from '../sessions';
import { projectRecord, PUBLIC_VIEWER } from '../visibility';
import { addItem, dumpTables, must, send, viewOf, type TestParticipant, type TestSession } from '$lib/testing/server';
import { sessionWith } from '$lib/testing/stores';

let db: Database;
let session: TestSession;
let siti: TestParticipant;
let budi: TestParticipant;

beforeEach(async () => {
	({ db, session, people: [siti, budi] } = await sessionWith(['Siti', 'Budi']));
});

const row = () => sessions.byId(db, session.row.id);

describe('session.room', () => {
	it('closes and opens the door, and sets the capacity, as one logged event', async () => {
		const { records } = await must(db, session.facilitator, { type: 'session.room', door: 'closed' });
		expect(records.map((r) => r.event)).toEqual([{ type: 'session.room', door: 'closed', capacity: 1000 }]);
		expect(await room.refusesJoin(db, await row())).toBe('door_closed');
		await must(db, session.facilitator, { type: 'session.room', door: 'open', capacity: 2 });
		expect(await viewOf(db, session)).toMatchObject({ door: 'open', capacity: 2 });
		expect(await room.refusesJoin(db, await row())).toBe('room_full');
	});

	it('keeps the capacity within 1–5000 and refuses an empty change', async () => {
		for (const capacity of [0, 5001, 2.5]) expect(commandSchema.safeParse({ type: 'session.room', capacity }).success).toBe(false);
		expect((await send(db, session.facilitator, { type: 'session.room' })).result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
	});

	it('leaves joined phones working behind a closed door', async () => {
		await must(db, session.facilitator, { type: 'session.room', door: 'closed' });
		expect((await send(db, siti.identity, { type: 'item.add', kind: 'kendala', text: 'Masih bisa menulis' })).result).toMatchObject({ ok: true });
	});

	it('counts only phones still in against the capacity', async () => {
		await must(db, session.facilitator, { type: 'session.room', capacity: 2 });
		expect(await room.refusesJoin(db, await row())).toBe('room_full');
		await must(db, session.facilitator, { type: 'attendee.add', attendee: { name: 'Tanpa HP', group: 'lainnya' } });
		await must(db, session.facilitator, { type: 'participant.remove', participantId: budi.id, reason: 'Nama palsu' });
		expect(await room.refusesJoin(db, await row())).toBeNull();
	});
});

describe('participant.remove', () => {
	it('removes the participant with a reason only staff and that phone see, and keeps their items by default', async () => {
		const itemId = await addItem(db, budi.identity, 'Tetap di papan');
		const { records } = await must(db, session.facilitator, { type: 'participant.remove', participantId: budi.id, reason: 'Nama palsu' });
		expect(records.map((r) => r.event)).toEqual([{ type: 'participant.removed', participantId: budi.id, reason: 'Nama palsu' }]);
		const state = { phase: 'lobby' as const, revealed: false, statusOf: () => undefined, voters: () => 0, tallyOf: (vote: Vote) => vote, tallies: () => [] };
		expect(projectRecord(records[0], PUBLIC_VIEWER, state).event).toMatchObject({ reason: '' });
		expect(projectRecord(records[0], { role: 'participant', participantId: budi.id }, state).event).toMatchObject({ reason: 'Nama palsu' });
		expect((await participants.list(db, session.row.id)).map((p) => p.name)).toEqual(['Siti']);
		expect(await participants.byToken(db, session.row.id, budi.token)).toBeUndefined();
		expect(await participants.byToken(db, session.row.id, budi.token, { removed: true })).toMatchObject({ removed: true });
		expect(await room.removedParticipants(db, session.row.id)).toMatchObject([{ id: budi.id, reason: 'Nama palsu' }]);
		expect((await send(db, session.facilitator, { type: 'item.hide', itemId, reason: 'x' })).result).toMatchObject({ ok: true });
	});

	it('hides their items with the same reason when the facilitator chooses', async () => {
		const first = await addItem(db, budi.identity, 'Satu');
		await addItem(db, budi.identity, 'Dua');
		await addItem(db, siti.identity, 'Milik Siti');
		const { records } = await must(db, session.facilitator, { type: 'participant.remove', participantId: budi.id, reason: 'Spam', hideItems: true });
		expect(records.map((r) => r.event.type)).toEqual(['participant.removed', 'item.hidden', 'item.hidden']);
		expect(records[1].event).toEqual({ type: 'item.hidden', itemId: first, reason: 'Spam' });
	});

	it('refuses an unknown id, a staff-added attendee and someone already removed', async () => {
		const { result } = await must(db, session.facilitator, { type: 'attendee.add', attendee: { name: 'Tanpa HP', group: 'lainnya' } });
		const added = result.ok ? result.id! : '';
		await must(db, session.facilitator, { type: 'participant.remove', participantId: budi.id, reason: 'Nama palsu' });
		for (const participantId of ['tidak-ada', added, budi.id]) {
			const before = await dumpTables(db);
			expect((await send(db, session.facilitator, { type: 'participant.remove', participantId, reason: 'x' })).result).toMatchObject({ ok: false, error: { code: 'not_found' } });
			expect(await dumpTables(db)).toEqual(before);
		}
	});

	it('needs a reason and is the facilitator’s alone', async () => {
		expect(commandSchema.safeParse({ type: 'participant.remove', participantId: budi.id, reason: ' ' }).success).toBe(false);
		for (const who of [siti.identity, session.minutetaker, session.presenter])
			expect((await send(db, who, { type: 'participant.remove', participantId: budi.id, reason: 'x' })).result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
	});
});

describe('session.newCode', () => {
	it('issues a code no session used, and the old one still names the session as a former code', async () => {
		const old = session.row.code;
		const { records } = await must(db, session.facilitator, { type: 'session.newCode' });
		const code = (records[0].event as { code: string }).code;
		expect(code).toMatch(/^[34679ACDEFGHJKMNPQRTUVWXY]{6}$/);
		expect(code).not.toBe(old);
		expect(await sessions.byCode(db, old)).toBeUndefined();
		expect(await room.byAnyCode(db, old)).toMatchObject({ former: true, session: { id: session.row.id, code } });
		expect(await room.byAnyCode(db, code)).toMatchObject({ former: false });
		expect((await viewOf(db, session)).code).toBe(code);
	});

	it('keeps joined phones working', async () => {
		await must(db, session.facilitator, { type: 'session.newCode' });
		expect((await send(db, siti.identity, { type: 'item.add', kind: 'kendala', text: 'Setelah kode baru' })).result).toMatchObject({ ok: true });
	});
});

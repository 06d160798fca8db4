/** People without a phone: staff write them into the daftar hadir through the command path. */
import { beforeEach, describe, expect, it } from 'vitest';
import type { ParticipantView } from '../domain/types';
import type { Database } from './db/store';
import * as participants from './participants';
import { boardState, snapshotFor } from './sync';
import { createSession, dumpTables, joinParticipant, must, send, storedSeqs, type TestSession } from '$lib/testing/server';
import { freshDb } from '$lib/testing/stores';
import { projectRecord, PUBLIC_VIEWER } from './visibility';

let db: Database;
let session: TestSession;

beforeEach(async () => {
	db = await freshDb();
	session = await createSession(db);
});

const AMIR = { name: 'Pak Amir', group: 'komunitas', institution: 'Desa Loa Ipuh', position: 'Kepala Desa', sex: 'L' };

async function addAmir(who = session.minutetaker, id?: string) {
	return await must(db, who, { type: 'attendee.add', attendee: AMIR }, id);
}

describe('attendee.add', () => {
	it('puts the person on the attendance list, marked as added by staff and without a consent', async () => {
		const { result, records } = await addAmir();
		expect(result).toMatchObject({ ok: true, id: expect.any(String) });
		const id = (result as { id: string }).id;
		const expected: ParticipantView = {
			id,
			name: 'Pak Amir',
			group: 'komunitas',
			institution: 'Desa Loa Ipuh',
			position: 'Kepala Desa',
			sex: 'L',
			addedBy: 'minutetaker',
			joinedAt: expect.any(String)
		};
		expect(records[0].event).toEqual({ type: 'attendee.saved', participant: expected });
		expect(await participants.list(db, session.row.id)).toEqual([expected]);
		// Never shown as having consented on a phone.
		expect((await participants.listWithConsent(db, session.row.id))[0].consentAt).toBeNull();
		expect(await db.selectFrom('participants').select(['consent_at', 'consent_version']).where('id', '=', id).executeTakeFirst()).toEqual({
			consent_at: '',
			consent_version: ''
		});
	});

	it('counts with those who joined on their phone, in order of arrival', async () => {
		await joinParticipant(db, session, 'Siti Aminah');
		await addAmir(session.facilitator);
		expect((await participants.list(db, session.row.id)).map((p) => [p.name, p.addedBy ?? 'phone'])).toEqual([
			['Siti Aminah', 'phone'],
			['Pak Amir', 'facilitator']
		]);
	});

	it('adds once when the same command is retried', async () => {
		await addAmir(session.facilitator, 'attendee-once-1');
		const retry = await send(db, session.facilitator, { type: 'attendee.add', attendee: AMIR }, 'attendee-once-1');
		expect(retry.records).toEqual([]);
		expect(await participants.list(db, session.row.id)).toHaveLength(1);
		expect(await storedSeqs(db, session.row.id)).toEqual([1]);
	});

	it('leaves out jabatan and sex when not given, and refuses an unknown group or sex', async () => {
		const { records } = await must(db, session.facilitator, { type: 'attendee.add', attendee: { name: 'Bu Rina', group: 'media' } });
		expect(records[0].event).toMatchObject({ participant: { name: 'Bu Rina', institution: '' } });
		expect((records[0].event as { participant: ParticipantView }).participant).not.toHaveProperty('sex');
		expect((records[0].event as { participant: ParticipantView }).participant).not.toHaveProperty('position');
		const before = await dumpTables(db);
		expect((await send(db, session.facilitator, { type: 'attendee.add', attendee: { ...AMIR, group: 'partai' } })).result).toMatchObject({
			ok: false,
			error: { code: 'invalid_input' }
		});
		await expect(send(db, session.facilitator, { type: 'attendee.add', attendee: { ...AMIR, sex: 'X' } })).rejects.toThrow();
		expect(await dumpTables(db)).toEqual(before);
	});

	it('still works after the close: the daftar hadir is completed from the paper sheet', async () => {
		await must(db, session.facilitator, { type: 'session.close' });
		expect((await addAmir()).result.ok).toBe(true);
	});
});

describe('attendee.edit and attendee.remove', () => {
	it('change and remove a staff-added entry, each logged', async () => {
		const id = ((await addAmir()).result as { id: string }).id;
		const edited = await must(db, session.facilitator, { type: 'attendee.edit', participantId: id, attendee: { ...AMIR, name: 'Amir Hamzah', sex: '' } });
		expect(edited.records[0].event).toMatchObject({ type: 'attendee.saved', participant: { id, name: 'Amir Hamzah', addedBy: 'minutetaker' } });
		expect((await participants.list(db, session.row.id))[0]).not.toHaveProperty('sex');
		const removed = await must(db, session.minutetaker, { type: 'attendee.remove', participantId: id });
		expect(removed.records[0].event).toEqual({ type: 'attendee.removed', participantId: id });
		expect(await participants.list(db, session.row.id)).toEqual([]);
		expect((await send(db, session.facilitator, { type: 'attendee.remove', participantId: id })).result).toMatchObject({ error: { code: 'not_found' } });
	});

	it('never touch someone who joined on their phone: they gave and consented to their own data', async () => {
		const phone = await joinParticipant(db, session, 'Siti Aminah');
		const before = await dumpTables(db);
		for (const command of [
			{ type: 'attendee.edit', participantId: phone.id, attendee: AMIR },
			{ type: 'attendee.remove', participantId: phone.id }
		])
			expect((await send(db, session.facilitator, command)).result).toMatchObject({ ok: false, error: { code: 'not_found' } });
		expect(await dumpTables(db)).toEqual(before);
	});

	it('are refused to participants and the projector', async () => {
		const id = ((await addAmir()).result as { id: string }).id;
		const phone = await joinParticipant(db, session, 'Siti Aminah');
		for (const who of [phone.identity, session.presenter])
			for (const command of [
				{ type: 'attendee.add', attendee: AMIR },
				{ type: 'attendee.edit', participantId: id, attendee: AMIR },
				{ type: 'attendee.remove', participantId: id }
			])
				expect((await send(db, who, command)).result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
	});
});

describe('what others see of attendees', () => {
	it('count everyone, but jabatan and sex stay with staff (and with the phone that gave them)', async () => {
		const phone = await joinParticipant(db, session, 'Siti Aminah');
		await db.updateTable('participants').set({ position: 'Dosen', sex: 'P' }).where('id', '=', phone.id).execute();
		const { records } = await addAmir();
		const state = await boardState(db, session.row.id);
		const seen = projectRecord(records[0], PUBLIC_VIEWER, state).event as { participant: ParticipantView };
		expect(seen.participant).toEqual({
			id: expect.any(String),
			name: 'Pak Amir',
			group: 'komunitas',
			institution: 'Desa Loa Ipuh',
			addedBy: 'minutetaker',
			joinedAt: expect.any(String)
		});
		expect(projectRecord(records[0], session.facilitator, state)).toEqual({ seq: records[0].seq, at: records[0].at, event: records[0].event });

		const onProjector = (await snapshotFor(db, session.row.id, PUBLIC_VIEWER)).participants;
		expect(onProjector).toHaveLength(2);
		for (const p of onProjector) expect(Object.keys(p)).not.toEqual(expect.arrayContaining(['position']));
		expect(onProjector.some((p) => 'sex' in p)).toBe(false);
		const onOwnPhone = (await snapshotFor(db, session.row.id, phone.identity)).participants;
		expect(onOwnPhone.find((p) => p.id === phone.id)).toMatchObject({ position: 'Dosen', sex: 'P' });
		expect(onOwnPhone.find((p) => p.id !== phone.id)).not.toHaveProperty('position');
		expect((await snapshotFor(db, session.row.id, session.minutetaker)).participants[1]).toMatchObject({ position: 'Kepala Desa', sex: 'L' });
	});
});

import { beforeEach, describe, expect, it } from 'vitest';
import type { Database } from './db/store';
import * as clock from './clock';
import { buildMinutes } from './minutes/model';
import * as participants from './participants';
import { viewOf, createSession, inTransaction, joinParticipant, must, setPhase, addItem, type TestSession } from '$lib/testing/server';
import { freshDb } from '$lib/testing/stores';

/** 10.15 WITA on the event day. */
const EVENT = new Date('2025-10-24T10:15:00+08:00');
const SECOND = 1000;

let db: Database;

beforeEach(async () => {
	db = await freshDb();
});

/** Through a store transaction of its own, as the route's group commit runs it. */
const setSample = (session: TestSession, at: Date) => inTransaction(db, (trx) => clock.setSample(trx, session.row.id, at));

const lastRecordAt = async (session: TestSession) =>
	(await db.selectFrom('session_events').select('at').where('session_id', '=', session.row.id).orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow()).at;

/** Within a few seconds after `from`: the test itself takes a moment. */
function expectAround(iso: string, from: Date) {
	const ms = new Date(iso).getTime() - from.getTime();
	expect(ms, iso).toBeGreaterThanOrEqual(0);
	expect(ms, iso).toBeLessThan(10 * SECOND);
}

describe('a real session', () => {
	it("stamps everything with the server's clock, which no one can set", async () => {
		const session = await createSession(db);
		const before = new Date();
		expect(await setSample(session, EVENT)).toBe('not_sample');
		await joinParticipant(db, session, 'Siti');
		expectAround(await lastRecordAt(session), before);
		expectAround(await clock.now(db, session.row.id), before);
	});
});

describe('a sample session', () => {
	let session: TestSession;
	beforeEach(async () => {
		session = await createSession(db, { sample: true });
	});

	it("runs on the server's clock until its facilitator sets it", async () => {
		const before = new Date();
		await joinParticipant(db, session, 'Siti');
		expectAround(await lastRecordAt(session), before);
	});

	it('stamps records, joins, items, notes and the close with its own clock, and consent with the real one', async () => {
		const realStart = new Date();
		expect(await setSample(session, EVENT)).toBeNull();
		const siti = await joinParticipant(db, session, 'Siti');
		const [joined] = await participants.listWithConsent(db, session.row.id);
		expectAround(joined.joinedAt, EVENT);
		// A participant who joined on a phone always has a consent time (only staff-added ones lack it).
		expectAround(joined.consentAt ?? '', realStart);
		expectAround(await lastRecordAt(session), EVENT);

		await setPhase(db, session, 'writing');
		const itemId = await addItem(db, siti.identity, 'Akses modal sulit');
		const item = await db.selectFrom('items').select('created_at').where('id', '=', itemId).executeTakeFirstOrThrow();
		expectAround(item.created_at, EVENT);
		const eleven = new Date('2025-10-24T11:00:00+08:00');
		await setSample(session, eleven);
		await must(db, session.minutetaker, { type: 'note.add', text: 'Catatan diskusi' });
		await must(db, session.facilitator, { type: 'session.close' });
		expectAround((await viewOf(db, session)).closedAt!, eleven);

		// The sample minutes read as held on the event day: times of the day, no date of today.
		const minutes = await buildMinutes(db, session.row.id, 'id');
		expect(minutes.proceedings.timeline.map((t) => t.time)).toEqual(['10.15 WITA', '11.00 WITA']);
		expect(minutes.proceedings.phases.flatMap((p) => p.notes.map((n) => n.time))).toEqual(['11.00 WITA']);
		expect(minutes.session.closedTime).toBe('11.00 WITA');
	});

	it('is set anywhere before anything is logged, then never before the latest record', async () => {
		expect(await setSample(session, new Date('2025-10-24T12:00:00+08:00'))).toBeNull();
		expect(await setSample(session, EVENT)).toBeNull();
		await joinParticipant(db, session, 'Siti');
		expect(await setSample(session, new Date(EVENT.getTime() - 60 * SECOND))).toBe('backwards');
		await joinParticipant(db, session, 'Budi');
		expectAround(await lastRecordAt(session), EVENT);
		expect(await setSample(session, new Date(EVENT.getTime() + 60 * SECOND))).toBeNull();
	});
});

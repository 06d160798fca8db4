import { kysely } from '$lib/testing/orgs';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from './db/database';
import * as clock from './clock';
import { buildMinutes } from './minutes/model';
import * as participants from './participants';
import { viewOf, createSession, freshDb, inTransaction, joinParticipant, must, setPhase, addItem, type TestSession } from '$lib/testing/server';

/** 10.15 WITA on the event day. */
const EVENT = new Date('2025-10-24T10:15:00+08:00');
const SECOND = 1000;

let db: Db;

beforeEach(() => {
	db = freshDb();
});

/** Through a store transaction of its own, as the route's group commit runs it. */
const setSample = (session: TestSession, at: Date) => inTransaction(db, (trx) => clock.setSample(trx, session.row.id, at));

const lastRecordAt = (session: TestSession) =>
	(db.prepare('SELECT at FROM session_events WHERE session_id = ? ORDER BY seq DESC LIMIT 1').get(session.row.id) as { at: string }).at;

/** Within a few seconds after `from`: the test itself takes a moment. */
function expectAround(iso: string, from: Date) {
	const ms = new Date(iso).getTime() - from.getTime();
	expect(ms, iso).toBeGreaterThanOrEqual(0);
	expect(ms, iso).toBeLessThan(10 * SECOND);
}

describe('a real session', () => {
	it("stamps everything with the server's clock, which no one can set", async () => {
		const session = createSession(db);
		const before = new Date();
		expect(await setSample(session, EVENT)).toBe('not_sample');
		await joinParticipant(db, session, 'Siti');
		expectAround(lastRecordAt(session), before);
		expectAround(await clock.now(kysely(db), session.row.id), before);
	});
});

describe('a sample session', () => {
	let session: TestSession;
	beforeEach(() => {
		session = createSession(db, { sample: true });
	});

	it("runs on the server's clock until its facilitator sets it", async () => {
		const before = new Date();
		await joinParticipant(db, session, 'Siti');
		expectAround(lastRecordAt(session), before);
	});

	it('stamps records, joins, items, notes and the close with its own clock, and consent with the real one', async () => {
		const realStart = new Date();
		expect(await setSample(session, EVENT)).toBeNull();
		const siti = await joinParticipant(db, session, 'Siti');
		const [joined] = await participants.listWithConsent(kysely(db), session.row.id);
		expectAround(joined.joinedAt, EVENT);
		// A participant who joined on a phone always has a consent time (only staff-added ones lack it).
		expectAround(joined.consentAt ?? '', realStart);
		expectAround(lastRecordAt(session), EVENT);

		await setPhase(db, session, 'writing');
		const itemId = await addItem(db, siti.identity, 'Akses modal sulit');
		const item = db.prepare('SELECT created_at FROM items WHERE id = ?').get(itemId) as { created_at: string };
		expectAround(item.created_at, EVENT);
		const eleven = new Date('2025-10-24T11:00:00+08:00');
		await setSample(session, eleven);
		await must(db, session.minutetaker, { type: 'note.add', text: 'Catatan diskusi' });
		await must(db, session.facilitator, { type: 'session.close' });
		expectAround(viewOf(db, session).closedAt!, eleven);

		// The sample minutes read as held on the event day: times of the day, no date of today.
		const minutes = await buildMinutes(kysely(db), session.row.id, 'id');
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
		expectAround(lastRecordAt(session), EVENT);
		expect(await setSample(session, new Date(EVENT.getTime() + 60 * SECOND))).toBeNull();
	});
});

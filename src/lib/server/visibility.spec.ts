/** What each viewer is sent: silent writing, hidden tallies, staff-only notes, and never the owner. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { SessionRecord, SocketIdentity, SyncResult } from '../realtime/contract';
import type { Database } from './db/store';
import { boardState, snapshotFor, sync } from './sync';
import { item as baseItem } from '$lib/testing/board';
import { addItem, must, setPhase, type TestParticipant, type TestSession } from '$lib/testing/server';
import { sessionWith } from '$lib/testing/stores';
import { itemFor, projectRecord, PUBLIC_VIEWER } from './visibility';
import { OTHER_GROUP } from '../domain/privacy';

let db: Database;
let session: TestSession;
let siti: TestParticipant;
let budi: TestParticipant;
let everyone: SocketIdentity[];

beforeEach(async () => {
	({ db, session, people: [siti, budi] } = await sessionWith(['Siti', 'Budi']));
	everyone = [session.facilitator, session.minutetaker, session.presenter, siti.identity, budi.identity];
});

const as = async (record: SessionRecord, who: SocketIdentity) => projectRecord(record, who, await boardState(db, session.row.id)).event;
const snap = async (who: SocketIdentity) => await snapshotFor(db, session.row.id, who);
const itemOf = async (who: SocketIdentity, itemId: string) => (await snap(who)).items.find((i) => i.id === itemId);

function events(result: SyncResult) {
	if (!result.ok || result.mode !== 'events') throw new Error('expected events');
	return result.records;
}

describe('silent writing', () => {
	let itemId: string;
	let added: SessionRecord;

	beforeEach(async () => {
		await setPhase(db, session, 'writing');
		const executed = await must(db, siti.identity, { type: 'item.add', kind: 'kendala', text: 'Sinyal lemah di hulu' });
		added = executed.records[0];
		itemId = executed.result.ok ? executed.result.itemId! : '';
	});

	it('sends others and the projector the item without its text', async () => {
		for (const who of [budi.identity, session.presenter]) {
			expect(await as(added, who)).toMatchObject({ type: 'item.added', item: { id: itemId, text: '', redacted: true } });
			expect(await itemOf(who, itemId)).toMatchObject({ text: '', redacted: true });
			expect(JSON.stringify(await snap(who))).not.toContain('Sinyal lemah');
		}
	});

	it('sends the author and staff the text', async () => {
		for (const who of [siti.identity, session.facilitator, session.minutetaker]) {
			expect(await as(added, who)).toMatchObject({ item: { text: 'Sinyal lemah di hulu' } });
			expect((await itemOf(who, itemId))?.text).toBe('Sinyal lemah di hulu');
			expect(await itemOf(who, itemId)).not.toHaveProperty('redacted');
		}
	});

	it('sends others a private placeholder for the author’s edit', async () => {
		const { records } = await must(db, siti.identity, { type: 'item.edit', itemId, text: 'Sinyal 4G lemah di hulu' });
		expect(await as(records[0], budi.identity)).toEqual({ type: 'private' });
		expect(await as(records[0], session.presenter)).toEqual({ type: 'private' });
		expect(await as(records[0], siti.identity)).toMatchObject({ type: 'item.edited', text: 'Sinyal 4G lemah di hulu' });
	});

	it('does not tell others through a snapshot that the author edited', async () => {
		const before = await itemOf(budi.identity, itemId);
		vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 60_000 });
		try {
			await must(db, siti.identity, { type: 'item.edit', itemId, text: 'Sinyal 4G lemah di hulu' });
		} finally {
			vi.useRealTimers();
		}
		expect((await itemOf(siti.identity, itemId))?.updatedAt).not.toBe(before?.updatedAt);
		for (const who of [budi.identity, session.presenter]) expect(await itemOf(who, itemId)).toEqual(before);
	});

	it('after the reveal, a fresh snapshot shows the text to everyone', async () => {
		await must(db, siti.identity, { type: 'item.edit', itemId, text: 'Sinyal 4G lemah di hulu' });
		await setPhase(db, session, 'reveal');
		for (const who of everyone) {
			const item = await itemOf(who, itemId);
			expect(item?.text, who.role).toBe('Sinyal 4G lemah di hulu');
			expect(item, who.role).not.toHaveProperty('redacted');
		}
	});
});

describe('dot votes', () => {
	let a: string;

	beforeEach(async () => {
		a = await addItem(db, siti.identity, 'Jalan rusak');
		await setPhase(db, session, 'voting');
		await must(db, siti.identity, { type: 'vote.set', targetId: a, count: 2 });
	});

	it('before the reveal, each participant sees only their own; others learn only how many have voted', async () => {
		const { records } = await must(db, budi.identity, { type: 'vote.set', targetId: a, count: 3 });
		expect(await as(records[0], siti.identity)).toEqual({ type: 'vote.progress', voters: 2 });
		expect(await as(records[0], session.presenter)).toEqual({ type: 'vote.progress', voters: 2 });
		expect((await snap(session.presenter)).voters).toBe(2);
		expect(await as(records[0], budi.identity)).toMatchObject({ type: 'vote.set', vote: { participantId: budi.id, count: 3 } });
		expect((await snap(siti.identity)).votes).toEqual([{ participantId: siti.id, targetId: a, count: 2 }]);
		expect((await snap(budi.identity)).votes).toEqual([{ participantId: budi.id, targetId: a, count: 3 }]);
		expect((await snap(session.presenter)).votes).toEqual([]);
	});

	it('staff see every vote all along', async () => {
		await must(db, budi.identity, { type: 'vote.set', targetId: a, count: 3 });
		expect((await snap(session.facilitator)).votes).toHaveLength(2);
		expect((await snap(session.minutetaker)).votes).toHaveLength(2);
	});

	it('after the reveal, the room sees totals by group, never who placed which dot: in snapshots, replays and live', async () => {
		const seqBefore = (await snap(siti.identity)).seq;
		await must(db, budi.identity, { type: 'vote.set', targetId: a, count: 3 });
		await must(db, session.facilitator, { type: 'voting.settings', revealed: true });
		// Siti and Budi are the only two of their group: the room gets their dots under "other" (domain/privacy).
		const tally = { participantId: '', targetId: a, count: 5, group: OTHER_GROUP };
		expect((await snap(session.presenter)).votes).toEqual([tally]);
		// Siti keeps her own dots (to place or take back), and the room's tally besides.
		expect((await snap(siti.identity)).votes).toEqual([{ participantId: siti.id, targetId: a, count: 2 }, tally]);
		const replay = events(await sync(db, siti.identity, seqBefore));
		// Replayed with today's rules: the vote before the reveal arrives as the tally it is part of now.
		expect(replay[0].event).toEqual({ type: 'vote.tally', tally });
		const { records } = await must(db, budi.identity, { type: 'vote.set', targetId: a, count: 1 });
		const after = { ...tally, count: 3 };
		for (const who of [session.presenter, siti.identity]) expect(await as(records[0], who)).toEqual({ type: 'vote.tally', tally: after });
		expect(await as(records[0], budi.identity)).toEqual({ type: 'vote.set', vote: { participantId: budi.id, targetId: a, count: 1 }, tally: after });
		expect(JSON.stringify(await snap(session.presenter))).not.toContain(budi.id + '","targetId');
	});
});

describe('minute-taker notes', () => {
	it('reach staff only', async () => {
		const { records } = await must(db, session.minutetaker, { type: 'note.add', text: 'Peserta sepakat soal jalan' });
		for (const who of [session.facilitator, session.minutetaker]) {
			expect(await as(records[0], who)).toMatchObject({ type: 'note.added', note: { text: 'Peserta sepakat soal jalan' } });
			expect((await snap(who)).notes).toHaveLength(1);
		}
		for (const who of [session.presenter, siti.identity, budi.identity]) {
			expect(await as(records[0], who)).toEqual({ type: 'private' });
			expect((await snap(who)).notes).toEqual([]);
		}
	});
});

describe('the owner', () => {
	it('never appears in what any viewer is sent, live, replayed or in a snapshot', async () => {
		await setPhase(db, session, 'writing');
		const itemId = await addItem(db, siti.identity, 'Rahasia', { anonymous: true });
		await must(db, siti.identity, { type: 'item.edit', itemId, text: 'Rahasia sekali' });
		await setPhase(db, session, 'voting');
		await must(db, budi.identity, { type: 'vote.set', targetId: itemId, count: 1 });
		const owned = await db.selectFrom('session_events').select('seq').where('session_id', '=', session.row.id).where('owner', 'is not', null).execute();
		expect(owned.length).toBeGreaterThanOrEqual(3);

		for (const who of everyone) {
			const snapshot = await sync(db, who, 0);
			const replay = events(await sync(db, who, 1));
			expect(JSON.stringify(snapshot), who.role).not.toContain('"owner"');
			expect(JSON.stringify(replay), who.role).not.toContain('"owner"');
			for (const record of replay) expect(Object.keys(record).sort(), who.role).toEqual(['at', 'event', 'seq']);
			// The anonymous author is not named in anything about the item.
			const aboutItem = replay.filter((r) => JSON.stringify(r.event).includes(itemId));
			expect(aboutItem.length, who.role).toBeGreaterThan(0);
			expect(JSON.stringify(aboutItem), who.role).not.toContain(siti.id);
		}
	});
});

describe('itemFor', () => {
	const item = baseItem('i1', 'kendala', { text: 'Teks', createdAt: '', updatedAt: '', status: 'hidden', hiddenReason: 'SARA' });
	const author = { role: 'participant' as const, participantId: 'p1' };

	it('keeps hidden and merged items from everyone but staff, the author included', async () => {
		for (const status of ['hidden', 'merged'] as const) {
			expect(itemFor({ ...item, status }, 'p1', author, 'discussion')).toBeNull();
			expect(itemFor({ ...item, status }, 'p1', PUBLIC_VIEWER, 'discussion')).toBeNull();
			expect(itemFor({ ...item, status }, 'p1', { role: 'facilitator', participantId: null }, 'discussion')).toEqual({ ...item, status });
		}
	});

	it('never gives a participant the hidden reason', async () => {
		expect(itemFor({ ...item, status: 'pending' }, 'p1', author, 'discussion')).not.toHaveProperty('hiddenReason');
		expect(itemFor({ ...item, status: 'visible' }, 'p1', PUBLIC_VIEWER, 'discussion')).not.toHaveProperty('hiddenReason');
	});
});

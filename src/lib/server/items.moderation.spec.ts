/** Moderation: the facilitator edits, hides, restores and approves; the log keeps what was said. */
import { beforeEach, describe, expect, it } from 'vitest';
import type { SessionRecord, SocketIdentity } from '../realtime/contract';
import type { Database } from './db/store';
import * as items from './items';
import { recordsSince } from './log';
import { boardState, snapshotFor, sync } from './sync';
import { addItem, must, send, type TestParticipant, type TestSession } from '$lib/testing/server';
import { sessionWith } from '$lib/testing/stores';
import { projectRecord } from './visibility';

let db: Database;
let session: TestSession;
let siti: TestParticipant;
let budi: TestParticipant;

beforeEach(async () => {
	({ db, session, people: [siti, budi] } = await sessionWith(['Siti', 'Budi']));
});

const as = async (record: SessionRecord, who: SocketIdentity) => projectRecord(record, who, await boardState(db, session.row.id)).event;
const boardOf = async (who: SocketIdentity) => (await snapshotFor(db, session.row.id, who)).items;
const refused = async (who: SocketIdentity, command: unknown) => (await send(db, who, command)).result;

describe('a facilitator’s edit', () => {
	it('changes the item but keeps the original text in the log', async () => {
		const itemId = await addItem(db, siti.identity, 'jalan rusak bgt');
		await must(db, session.facilitator, { type: 'item.edit', itemId, text: 'Jalan desa rusak berat' });
		const log = (await recordsSince(db, session.row.id, 0, 100)).map((r) => r.event);
		expect(log).toContainEqual(expect.objectContaining({ type: 'item.added', item: expect.objectContaining({ id: itemId, text: 'jalan rusak bgt' }) }));
		expect(log.at(-1)).toMatchObject({ type: 'item.edited', itemId, text: 'Jalan desa rusak berat' });
		expect((await items.find(db, session.row.id, itemId))?.text).toBe('Jalan desa rusak berat');
		const actors = await db.selectFrom('session_events').select('actor').where('session_id', '=', session.row.id).orderBy('seq').execute();
		expect(actors.at(-1)?.actor).toBe('facilitator');
	});

	it('reaches the author in full', async () => {
		const itemId = await addItem(db, siti.identity, 'draf');
		const { records } = await must(db, session.facilitator, { type: 'item.edit', itemId, text: 'rapi' });
		expect(await as(records[0], siti.identity)).toMatchObject({ type: 'item.edited', text: 'rapi' });
		expect(await as(records[0], budi.identity)).toMatchObject({ type: 'item.edited', text: 'rapi' });
	});
});

describe('hiding and restoring', () => {
	let itemId: string;
	let hidden: SessionRecord;

	beforeEach(async () => {
		itemId = await addItem(db, siti.identity, 'Ujaran kebencian');
		hidden = (await must(db, session.facilitator, { type: 'item.hide', itemId, reason: 'Melanggar aturan diskusi' })).records[0];
	});

	it('staff see the reason; everyone else, the author too, gets an empty one', async () => {
		const full = { type: 'item.hidden', itemId, reason: 'Melanggar aturan diskusi' };
		expect(await as(hidden, session.facilitator)).toEqual(full);
		expect(await as(hidden, session.minutetaker)).toEqual(full);
		for (const who of [session.presenter, budi.identity, siti.identity]) expect(await as(hidden, who)).toEqual({ ...full, reason: '' });
	});

	it('takes the item off every board but the staff’s, where it carries its reason', async () => {
		expect((await boardOf(session.facilitator)).find((i) => i.id === itemId)).toMatchObject({ status: 'hidden', hiddenReason: 'Melanggar aturan diskusi' });
		expect((await boardOf(session.minutetaker)).map((i) => i.id)).toContain(itemId);
		for (const who of [session.presenter, budi.identity, siti.identity]) expect((await boardOf(who)).map((i) => i.id)).not.toContain(itemId);
		expect(JSON.stringify(await snapshotFor(db, session.row.id, siti.identity))).not.toContain('Melanggar');
	});

	it('leaves the author unable to change it', async () => {
		expect(await refused(siti.identity, { type: 'item.edit', itemId, text: 'diubah' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
		expect(await refused(siti.identity, { type: 'item.delete', itemId })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
	});

	it('restore brings it back to everyone, without the reason', async () => {
		const { records } = await must(db, session.facilitator, { type: 'item.restore', itemId });
		for (const who of [session.facilitator, session.presenter, budi.identity, siti.identity]) {
			const event = await as(records[0], who);
			expect(event).toMatchObject({ type: 'item.shown', item: { id: itemId, text: 'Ujaran kebencian', status: 'visible' } });
			expect(event.type === 'item.shown' && event.item).not.toHaveProperty('hiddenReason');
		}
		expect((await boardOf(budi.identity)).map((i) => i.id)).toContain(itemId);
		expect((await items.find(db, session.row.id, itemId))?.hidden_reason).toBeNull();
	});

	it('restore refuses an item that is not hidden', async () => {
		await must(db, session.facilitator, { type: 'item.restore', itemId });
		expect(await refused(session.facilitator, { type: 'item.restore', itemId })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
	});
});

describe('pre-moderation', () => {
	let added: SessionRecord;
	let itemId: string;

	beforeEach(async () => {
		await must(db, session.facilitator, { type: 'session.settings', preModeration: true });
		const executed = await must(db, siti.identity, { type: 'item.add', kind: 'kendala', text: 'Pungutan liar di pasar' });
		added = executed.records[0];
		itemId = executed.result.ok ? executed.result.itemId! : '';
	});

	it('holds a new item as pending', async () => {
		expect((await items.find(db, session.row.id, itemId))?.status).toBe('pending');
	});

	it('shows it to its author and to staff, and a private placeholder to everyone else', async () => {
		for (const who of [siti.identity, session.facilitator, session.minutetaker])
			expect(await as(added, who)).toMatchObject({ type: 'item.added', item: { id: itemId, text: 'Pungutan liar di pasar', status: 'pending' } });
		for (const who of [budi.identity, session.presenter]) expect(await as(added, who)).toEqual({ type: 'private' });
	});

	it('keeps it off the others’ boards and out of their replay, with seq still gap-free', async () => {
		expect((await boardOf(siti.identity)).map((i) => i.id)).toEqual([itemId]);
		expect(await boardOf(budi.identity)).toEqual([]);
		expect(await boardOf(session.presenter)).toEqual([]);
		const replay = await sync(db, budi.identity, 1);
		if (!replay.ok || replay.mode !== 'events') throw new Error('expected events');
		expect(replay.records.map((r) => r.seq)).toEqual([2, 3, 4]);
		expect(replay.records.at(-1)?.event).toEqual({ type: 'private' });
		expect(JSON.stringify(replay)).not.toContain('Pungutan');
	});

	it('approve shows it to everyone with item.shown', async () => {
		const { records } = await must(db, session.facilitator, { type: 'item.approve', itemId });
		for (const who of [budi.identity, session.presenter, siti.identity, session.facilitator])
			expect(await as(records[0], who)).toMatchObject({ type: 'item.shown', item: { id: itemId, text: 'Pungutan liar di pasar', status: 'visible' } });
		expect((await boardOf(budi.identity)).map((i) => i.id)).toEqual([itemId]);
	});

	it('approve refuses an item that is not pending', async () => {
		await must(db, session.facilitator, { type: 'item.approve', itemId });
		expect(await refused(session.facilitator, { type: 'item.approve', itemId })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
	});

	it('does not hold items when it is off', async () => {
		await must(db, session.facilitator, { type: 'session.settings', preModeration: false });
		const later = await addItem(db, budi.identity, 'Langsung tampil');
		expect((await items.find(db, session.row.id, later))?.status).toBe('visible');
	});
});

describe('who moderates', () => {
	it('only the facilitator hides, restores and approves', async () => {
		const itemId = await addItem(db, siti.identity);
		for (const who of [siti.identity, budi.identity, session.minutetaker, session.presenter]) {
			for (const command of [
				{ type: 'item.hide', itemId, reason: 'x' },
				{ type: 'item.restore', itemId },
				{ type: 'item.approve', itemId }
			])
				expect(await refused(who, command)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
		}
	});
});

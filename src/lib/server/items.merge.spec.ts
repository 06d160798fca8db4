/** item.merge: duplicates leave the board but keep their authors; dots and links carry over. */
import { beforeEach, describe, expect, it } from 'vitest';
import type { SocketIdentity } from '../realtime/contract';
import type { Database } from './db/store';
import * as links from './item-links';
import * as items from './items';
import { snapshot } from './sync';
import { addItem, dumpTables, must, send, setPhase, type TestParticipant, type TestSession } from '$lib/testing/server';
import { sessionWith } from '$lib/testing/stores';
import * as votes from './votes';

let db: Database;
let session: TestSession;
let siti: TestParticipant;
let budi: TestParticipant;
let ani: TestParticipant;
let a: string;
let b: string;
let c: string;

beforeEach(async () => {
	({ db, session, people: [siti, budi, ani] } = await sessionWith(['Siti', 'Budi', 'Ani']));
	a = await addItem(db, siti.identity, 'Jalan desa rusak');
	b = await addItem(db, budi.identity, 'Jalan ke desa rusak parah');
	c = await addItem(db, ani.identity, 'Jalan berlubang');
});

const merge = async (targetId: string, sourceIds: string[]) => await must(db, session.facilitator, { type: 'item.merge', targetId, sourceIds });
const dots = async () => (await votes.list(db, session.row.id)).map((v) => [v.participantId, v.targetId, v.count]);
const vote = async (who: SocketIdentity, targetId: string, count: number) => await must(db, who, { type: 'vote.set', targetId, count });

async function expectRefused(command: unknown, code: string) {
	const before = await dumpTables(db);
	expect((await send(db, session.facilitator, command)).result).toMatchObject({ ok: false, error: { code } });
	expect(await dumpTables(db)).toEqual(before);
}

describe('item.merge', () => {
	it('lists the sources on the target and logs one item.merged', async () => {
		const { records, result } = await merge(a, [b, c]);
		expect(result).toMatchObject({ ok: true, itemId: a });
		expect(records).toHaveLength(1);
		expect(records[0].event).toMatchObject({ type: 'item.merged', sourceIds: [b, c], item: { id: a, text: 'Jalan desa rusak', mergedFrom: [b, c] } });
		expect((await items.viewOf(db, (await items.find(db, session.row.id, a))!)).mergedFrom).toEqual([b, c]);
	});

	it('takes the sources off the board but keeps their rows and authors', async () => {
		await merge(a, [b]);
		expect((await items.listViews(db, session.row.id)).map((i) => i.id)).toEqual([a, c]);
		expect(await items.find(db, session.row.id, b)).toMatchObject({ status: 'merged', merged_into: a, author_id: budi.id, text: 'Jalan ke desa rusak parah' });
		expect(await items.ownIds(db, session.row.id, budi.id)).toEqual([]);
	});

	it('moves every dot on a source to the target, summed per participant', async () => {
		await setPhase(db, session, 'voting');
		await vote(siti.identity, a, 2);
		await vote(siti.identity, b, 1);
		await vote(budi.identity, b, 3);
		await vote(ani.identity, c, 2);
		await merge(a, [b]);
		const byVoter = Object.fromEntries((await votes.list(db, session.row.id)).filter((v) => v.targetId === a).map((v) => [v.participantId, v.count]));
		expect(byVoter).toEqual({ [siti.id]: 3, [budi.id]: 3 });
		expect((await dots()).filter(([, target]) => target === b)).toEqual([]);
		expect((await dots()).filter(([, target]) => target === c)).toEqual([[ani.id, c, 2]]);
	});

	it('moves links on a source to the target, without doubling one that already exists', async () => {
		const rec = await addItem(db, siti.identity, 'Perbaikan jalan lewat DAK', { kind: 'rekomendasi' });
		await must(db, siti.identity, { type: 'link.set', recommendationId: rec, targetId: a, linked: true });
		await must(db, siti.identity, { type: 'link.set', recommendationId: rec, targetId: b, linked: true });
		await must(db, siti.identity, { type: 'link.set', recommendationId: rec, targetId: c, linked: true });
		await merge(a, [b, c]);
		expect(await links.list(db, session.row.id)).toEqual([{ recommendationId: rec, targetId: a }]);
	});

	it('moves links from a merged recommendation to the one it joins', async () => {
		const keep = await addItem(db, siti.identity, 'Perbaikan jalan', { kind: 'rekomendasi' });
		const dup = await addItem(db, budi.identity, 'Perbaiki jalan desa', { kind: 'rekomendasi' });
		await must(db, budi.identity, { type: 'link.set', recommendationId: dup, targetId: c, linked: true });
		await merge(keep, [dup]);
		expect(await links.list(db, session.row.id)).toEqual([{ recommendationId: keep, targetId: c }]);
	});

	it('carries earlier merges along when the target is merged in turn', async () => {
		const d = await addItem(db, budi.identity, 'Infrastruktur jalan');
		await merge(a, [b]);
		const { records } = await merge(d, [a]);
		expect(records[0].event).toMatchObject({ sourceIds: [a] });
		expect((await items.viewOf(db, (await items.find(db, session.row.id, d))!)).mergedFrom.sort()).toEqual([a, b].sort());
		expect((await items.find(db, session.row.id, b))?.merged_into).toBe(d);
	});

	it('refuses merging an item into itself', async () => {
		await expectRefused({ type: 'item.merge', targetId: a, sourceIds: [a] }, 'invalid_input');
		await expectRefused({ type: 'item.merge', targetId: a, sourceIds: [b, a] }, 'invalid_input');
	});

	it('refuses an unknown, deleted or already merged item as not_found', async () => {
		await expectRefused({ type: 'item.merge', targetId: a, sourceIds: ['no-such-item'] }, 'not_found');
		await expectRefused({ type: 'item.merge', targetId: 'no-such-item', sourceIds: [a] }, 'not_found');
		await expectRefused({ type: 'item.merge', targetId: a, sourceIds: [b, 'no-such-item'] }, 'not_found');
		await must(db, ani.identity, { type: 'item.delete', itemId: c });
		await expectRefused({ type: 'item.merge', targetId: a, sourceIds: [c] }, 'not_found');
		await merge(a, [b]);
		await expectRefused({ type: 'item.merge', targetId: a, sourceIds: [b] }, 'not_found');
		await expectRefused({ type: 'item.merge', targetId: b, sourceIds: [a] }, 'not_found');
	});

	it('is the facilitator’s alone', async () => {
		for (const who of [siti.identity, session.minutetaker, session.presenter])
			expect((await send(db, who, { type: 'item.merge', targetId: a, sourceIds: [b] })).result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
	});
});

describe('after a merge, a snapshot', () => {
	it('shows the target with its sources, the moved dots and the moved links', async () => {
		const rec = await addItem(db, ani.identity, 'Anggaran perbaikan jalan', { kind: 'rekomendasi' });
		await must(db, ani.identity, { type: 'link.set', recommendationId: rec, targetId: b, linked: true });
		await setPhase(db, session, 'voting');
		await vote(siti.identity, b, 2);
		await vote(budi.identity, a, 1);
		await merge(a, [b]);

		const full = await snapshot(db, session.row.id);
		expect(full.items.map((i) => i.id)).toEqual([a, c, rec]);
		expect(full.items.find((i) => i.id === a)?.mergedFrom).toEqual([b]);
		expect(full.votes.map((v) => [v.participantId, v.targetId, v.count]).sort()).toEqual(
			[
				[siti.id, a, 2],
				[budi.id, a, 1]
			].sort()
		);
		expect(full.links).toEqual([{ recommendationId: rec, targetId: a }]);
	});
});

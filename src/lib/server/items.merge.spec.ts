/** item.merge: duplicates leave the board but keep their authors; dots and links carry over. */
import { beforeEach, describe, expect, it } from 'vitest';
import type { SocketIdentity } from '../realtime/contract';
import type { Db } from './db/database';
import * as links from './item-links';
import * as items from './items';
import { snapshot } from './sync';
import { addItem, dumpTables, must, send, sessionWith, setPhase, type TestParticipant, type TestSession } from '$lib/testing/server';
import * as votes from './votes';

let db: Db;
let session: TestSession;
let siti: TestParticipant;
let budi: TestParticipant;
let ani: TestParticipant;
let a: string;
let b: string;
let c: string;

beforeEach(() => {
	({ db, session, people: [siti, budi, ani] } = sessionWith(['Siti', 'Budi', 'Ani']));
	a = addItem(db, siti.identity, 'Jalan desa rusak');
	b = addItem(db, budi.identity, 'Jalan ke desa rusak parah');
	c = addItem(db, ani.identity, 'Jalan berlubang');
});

const merge = (targetId: string, sourceIds: string[]) => must(db, session.facilitator, { type: 'item.merge', targetId, sourceIds });
const dots = () => votes.list(db, session.row.id).map((v) => [v.participantId, v.targetId, v.count]);
const vote = (who: SocketIdentity, targetId: string, count: number) => must(db, who, { type: 'vote.set', targetId, count });

function expectRefused(command: unknown, code: string) {
	const before = dumpTables(db);
	expect(send(db, session.facilitator, command).result).toMatchObject({ ok: false, error: { code } });
	expect(dumpTables(db)).toEqual(before);
}

describe('item.merge', () => {
	it('lists the sources on the target and logs one item.merged', () => {
		const { records, result } = merge(a, [b, c]);
		expect(result).toMatchObject({ ok: true, itemId: a });
		expect(records).toHaveLength(1);
		expect(records[0].event).toMatchObject({ type: 'item.merged', sourceIds: [b, c], item: { id: a, text: 'Jalan desa rusak', mergedFrom: [b, c] } });
		expect(items.viewOf(db, items.find(db, session.row.id, a)!).mergedFrom).toEqual([b, c]);
	});

	it('takes the sources off the board but keeps their rows and authors', () => {
		merge(a, [b]);
		expect(items.listViews(db, session.row.id).map((i) => i.id)).toEqual([a, c]);
		expect(items.find(db, session.row.id, b)).toMatchObject({ status: 'merged', merged_into: a, author_id: budi.id, text: 'Jalan ke desa rusak parah' });
		expect(items.ownIds(db, session.row.id, budi.id)).toEqual([]);
	});

	it('moves every dot on a source to the target, summed per participant', () => {
		setPhase(db, session, 'voting');
		vote(siti.identity, a, 2);
		vote(siti.identity, b, 1);
		vote(budi.identity, b, 3);
		vote(ani.identity, c, 2);
		merge(a, [b]);
		const byVoter = Object.fromEntries(votes.list(db, session.row.id).filter((v) => v.targetId === a).map((v) => [v.participantId, v.count]));
		expect(byVoter).toEqual({ [siti.id]: 3, [budi.id]: 3 });
		expect(dots().filter(([, target]) => target === b)).toEqual([]);
		expect(dots().filter(([, target]) => target === c)).toEqual([[ani.id, c, 2]]);
	});

	it('moves links on a source to the target, without doubling one that already exists', () => {
		const rec = addItem(db, siti.identity, 'Perbaikan jalan lewat DAK', { kind: 'rekomendasi' });
		must(db, siti.identity, { type: 'link.set', recommendationId: rec, targetId: a, linked: true });
		must(db, siti.identity, { type: 'link.set', recommendationId: rec, targetId: b, linked: true });
		must(db, siti.identity, { type: 'link.set', recommendationId: rec, targetId: c, linked: true });
		merge(a, [b, c]);
		expect(links.list(db, session.row.id)).toEqual([{ recommendationId: rec, targetId: a }]);
	});

	it('moves links from a merged recommendation to the one it joins', () => {
		const keep = addItem(db, siti.identity, 'Perbaikan jalan', { kind: 'rekomendasi' });
		const dup = addItem(db, budi.identity, 'Perbaiki jalan desa', { kind: 'rekomendasi' });
		must(db, budi.identity, { type: 'link.set', recommendationId: dup, targetId: c, linked: true });
		merge(keep, [dup]);
		expect(links.list(db, session.row.id)).toEqual([{ recommendationId: keep, targetId: c }]);
	});

	it('carries earlier merges along when the target is merged in turn', () => {
		const d = addItem(db, budi.identity, 'Infrastruktur jalan');
		merge(a, [b]);
		const { records } = merge(d, [a]);
		expect(records[0].event).toMatchObject({ sourceIds: [a] });
		expect(items.viewOf(db, items.find(db, session.row.id, d)!).mergedFrom.sort()).toEqual([a, b].sort());
		expect(items.find(db, session.row.id, b)?.merged_into).toBe(d);
	});

	it('refuses merging an item into itself', () => {
		expectRefused({ type: 'item.merge', targetId: a, sourceIds: [a] }, 'invalid_input');
		expectRefused({ type: 'item.merge', targetId: a, sourceIds: [b, a] }, 'invalid_input');
	});

	it('refuses an unknown, deleted or already merged item as not_found', () => {
		expectRefused({ type: 'item.merge', targetId: a, sourceIds: ['no-such-item'] }, 'not_found');
		expectRefused({ type: 'item.merge', targetId: 'no-such-item', sourceIds: [a] }, 'not_found');
		expectRefused({ type: 'item.merge', targetId: a, sourceIds: [b, 'no-such-item'] }, 'not_found');
		must(db, ani.identity, { type: 'item.delete', itemId: c });
		expectRefused({ type: 'item.merge', targetId: a, sourceIds: [c] }, 'not_found');
		merge(a, [b]);
		expectRefused({ type: 'item.merge', targetId: a, sourceIds: [b] }, 'not_found');
		expectRefused({ type: 'item.merge', targetId: b, sourceIds: [a] }, 'not_found');
	});

	it('is the facilitator’s alone', () => {
		for (const who of [siti.identity, session.minutetaker, session.presenter])
			expect(send(db, who, { type: 'item.merge', targetId: a, sourceIds: [b] }).result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
	});
});

describe('after a merge, a snapshot', () => {
	it('shows the target with its sources, the moved dots and the moved links', () => {
		const rec = addItem(db, ani.identity, 'Anggaran perbaikan jalan', { kind: 'rekomendasi' });
		must(db, ani.identity, { type: 'link.set', recommendationId: rec, targetId: b, linked: true });
		setPhase(db, session, 'voting');
		vote(siti.identity, b, 2);
		vote(budi.identity, a, 1);
		merge(a, [b]);

		const full = snapshot(db, session.row.id);
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

/** item.support: one support per participant per item, logged once, carried over by a merge. */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Database } from './db/store';
import * as items from './items';
import { renderMarkdown } from './minutes/markdown';
import { buildMinutes } from './minutes/model';
import { snapshot, snapshotFor } from './sync';
import { addItem, must, send, type TestParticipant, type TestSession } from '$lib/testing/server';
import { sessionWith } from '$lib/testing/stores';

let db: Database;
let session: TestSession;
let siti: TestParticipant;
let budi: TestParticipant;
let ani: TestParticipant;
let a: string;
let b: string;

beforeEach(async () => {
	({ db, session, people: [siti, budi, ani] } = await sessionWith(['Siti', 'Budi', 'Ani']));
	a = await addItem(db, siti.identity, 'Jalan desa rusak');
	b = await addItem(db, budi.identity, 'Jalan ke desa rusak parah');
});

const support = async (who: TestParticipant, itemId: string, supported = true) => await send(db, who.identity, { type: 'item.support', itemId, supported });
const supporters = async (itemId: string) => (await items.listViews(db, session.row.id)).find((i) => i.id === itemId)?.supporters;

describe('item.support', () => {
	it('counts each participant once, however often they tap, and logs only the change', async () => {
		const first = await support(budi, a);
		expect(first.result).toMatchObject({ ok: true, itemId: a });
		expect(first.records.map((r) => r.event)).toEqual([
			{ type: 'item.supported', support: { itemId: a, participantId: budi.id }, supported: true, supporters: 1 }
		]);
		const again = await support(budi, a);
		expect(again.result).toMatchObject({ ok: true, seq: first.records[0].seq });
		expect(again.records).toEqual([]);
		expect(await supporters(a)).toBe(1);
		await support(ani, a);
		expect(await supporters(a)).toBe(2);
		await support(budi, a, false);
		expect(await supporters(a)).toBe(1);
	});

	it('refuses support for one’s own item and for an item the room cannot see', async () => {
		expect((await support(siti, a)).result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
		await must(db, session.facilitator, { type: 'item.hide', itemId: b, reason: 'Di luar topik' });
		expect((await support(ani, b)).result).toMatchObject({ ok: false, error: { code: 'not_found' } });
	});

	it('moves to the item kept by a merge, once per person', async () => {
		await support(ani, a);
		await support(ani, b);
		await support(siti, b);
		await must(db, session.facilitator, { type: 'item.merge', targetId: a, sourceIds: [b] });
		expect(await supporters(a)).toBe(2);
		expect((await snapshot(db, session.row.id)).supports).toEqual(
			[
				{ itemId: a, participantId: ani.id },
				{ itemId: a, participantId: siti.id }
			].sort((x, y) => x.participantId.localeCompare(y.participantId))
		);
	});

	it('shows everyone the count, and whose it is only to staff and the supporter', async () => {
		await support(ani, a);
		const toBudi = await snapshotFor(db, session.row.id, budi.identity);
		expect(toBudi.items.find((i) => i.id === a)?.supporters).toBe(1);
		expect(toBudi.supports).toEqual([]);
		expect((await snapshotFor(db, session.row.id, ani.identity)).supports).toEqual([{ itemId: a, participantId: ani.id }]);
	});

	it('reaches the minutes as a count: "didukung N peserta"', async () => {
		await support(ani, a);
		await support(budi, a);
		const minutes = await buildMinutes(db, session.row.id, 'id');
		expect(minutes.items.find((i) => i.id === a)?.supporters).toBe(2);
		expect(renderMarkdown(minutes)).toContain('didukung 2 peserta');
	});
});

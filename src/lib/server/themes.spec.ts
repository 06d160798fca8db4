/** Themes: create, rename, reorder, delete; and grouping items into them. */
import { beforeEach, describe, expect, it } from 'vitest';
import type { SocketIdentity } from '../realtime/contract';
import type { Database } from './db/store';
import * as items from './items';
import { addItem, dumpTables, must, send, setPhase, type TestParticipant, type TestSession } from '$lib/testing/server';
import { sessionWith } from '$lib/testing/stores';
import * as themes from './themes';
import * as votes from './votes';

let db: Database;
let session: TestSession;
let siti: TestParticipant;

beforeEach(async () => {
	({ db, session, people: [siti] } = await sessionWith(['Siti']));
});

async function create(name: string): Promise<string> {
	const { records } = await must(db, session.facilitator, { type: 'theme.create', name });
	const event = records[0].event;
	if (event.type !== 'theme.saved') throw new Error(`unexpected ${event.type}`);
	return event.theme.id;
}
const names = async () => (await themes.list(db, session.row.id)).map((t) => t.name);

async function expectRefused(command: unknown, code: string, who: SocketIdentity = session.facilitator) {
	const before = await dumpTables(db);
	expect((await send(db, who, command)).result).toMatchObject({ ok: false, error: { code } });
	expect(await dumpTables(db)).toEqual(before);
}

describe('themes', () => {
	it('are created in order, each at the next position', async () => {
		const { records } = await must(db, session.facilitator, { type: 'theme.create', name: 'Infrastruktur' });
		expect(records[0].event).toMatchObject({ type: 'theme.saved', theme: { name: 'Infrastruktur', position: 0 } });
		await create('Ekonomi');
		expect((await themes.list(db, session.row.id)).map((t) => [t.name, t.position])).toEqual([
			['Infrastruktur', 0],
			['Ekonomi', 1]
		]);
	});

	it('are renamed in place', async () => {
		const first = await create('Infrastuktur');
		await create('Ekonomi');
		const { records } = await must(db, session.facilitator, { type: 'theme.rename', themeId: first, name: 'Infrastruktur' });
		expect(records[0].event).toEqual({ type: 'theme.saved', theme: { id: first, name: 'Infrastruktur', position: 0 } });
		expect(await names()).toEqual(['Infrastruktur', 'Ekonomi']);
		await expectRefused({ type: 'theme.rename', themeId: 'no-such-theme', name: 'X' }, 'not_found');
	});

	it('are reordered when the list names every theme exactly once', async () => {
		const [a, b, c] = [await create('Infrastruktur'), await create('Ekonomi'), await create('Sosial')];
		const { records } = await must(db, session.facilitator, { type: 'themes.order', themeIds: [c, a, b] });
		expect(records[0].event).toEqual({ type: 'themes.ordered', themeIds: [c, a, b] });
		expect(await names()).toEqual(['Sosial', 'Infrastruktur', 'Ekonomi']);
	});

	it('refuse an order that leaves one out, repeats one or adds an unknown one', async () => {
		const [a, b, c] = [await create('Infrastruktur'), await create('Ekonomi'), await create('Sosial')];
		await expectRefused({ type: 'themes.order', themeIds: [a, b] }, 'invalid_input');
		await expectRefused({ type: 'themes.order', themeIds: [a, a, b] }, 'invalid_input');
		await expectRefused({ type: 'themes.order', themeIds: [a, b, c, c] }, 'invalid_input');
		await expectRefused({ type: 'themes.order', themeIds: [a, b, 'no-such-theme'] }, 'invalid_input');
		await expectRefused({ type: 'themes.order', themeIds: [a, b, c, 'no-such-theme'] }, 'invalid_input');
		expect(await names()).toEqual(['Infrastruktur', 'Ekonomi', 'Sosial']);
	});

	it('deleted, ungroup their items and drop the dots placed on them', async () => {
		const a = await create('Infrastruktur');
		const b = await create('Ekonomi');
		const first = await addItem(db, siti.identity, 'Jalan rusak');
		const second = await addItem(db, siti.identity, 'Pasar sepi');
		await must(db, session.facilitator, { type: 'item.theme', itemId: first, themeId: a });
		await must(db, session.facilitator, { type: 'item.theme', itemId: second, themeId: b });
		await must(db, session.facilitator, { type: 'voting.settings', target: 'themes' });
		await setPhase(db, session, 'voting');
		await must(db, siti.identity, { type: 'vote.set', targetId: a, count: 2 });
		await must(db, siti.identity, { type: 'vote.set', targetId: b, count: 1 });

		const { records } = await must(db, session.facilitator, { type: 'theme.delete', themeId: a });
		expect(records[0].event).toEqual({ type: 'theme.deleted', themeId: a });
		expect(await names()).toEqual(['Ekonomi']);
		expect((await items.find(db, session.row.id, first))?.theme_id).toBeNull();
		expect((await items.find(db, session.row.id, second))?.theme_id).toBe(b);
		expect(Object.fromEntries(await votes.placedBy(db, session.row.id, siti.id))).toEqual({ [b]: 1 });
		await expectRefused({ type: 'theme.delete', themeId: a }, 'not_found');
		// The order now lists the themes that are left.
		expect((await send(db, session.facilitator, { type: 'themes.order', themeIds: [b] })).result.ok).toBe(true);
	});

	it('are the facilitator’s alone', async () => {
		const a = await create('Infrastruktur');
		for (const who of [siti.identity, session.minutetaker, session.presenter]) {
			await expectRefused({ type: 'theme.create', name: 'X' }, 'forbidden', who);
			await expectRefused({ type: 'theme.rename', themeId: a, name: 'X' }, 'forbidden', who);
			await expectRefused({ type: 'theme.delete', themeId: a }, 'forbidden', who);
			await expectRefused({ type: 'themes.order', themeIds: [a] }, 'forbidden', who);
		}
	});
});

describe('item.theme', () => {
	it('groups an item into a theme and back out', async () => {
		const a = await create('Infrastruktur');
		const itemId = await addItem(db, siti.identity);
		const { records } = await must(db, session.facilitator, { type: 'item.theme', itemId, themeId: a });
		expect(records[0].event).toEqual({ type: 'item.themed', itemId, themeId: a });
		expect((await items.listViews(db, session.row.id))[0].themeId).toBe(a);
		await must(db, session.facilitator, { type: 'item.theme', itemId, themeId: null });
		expect((await items.listViews(db, session.row.id))[0].themeId).toBeNull();
	});

	it('refuses an unknown theme or item', async () => {
		const a = await create('Infrastruktur');
		const itemId = await addItem(db, siti.identity);
		await expectRefused({ type: 'item.theme', itemId, themeId: 'no-such-theme' }, 'not_found');
		await expectRefused({ type: 'item.theme', itemId: 'no-such-item', themeId: a }, 'not_found');
		await must(db, session.facilitator, { type: 'theme.delete', themeId: a });
		await expectRefused({ type: 'item.theme', itemId, themeId: a }, 'not_found');
	});

	it('is the facilitator’s alone', async () => {
		const a = await create('Infrastruktur');
		const itemId = await addItem(db, siti.identity);
		await expectRefused({ type: 'item.theme', itemId, themeId: a }, 'forbidden', siti.identity);
	});
});

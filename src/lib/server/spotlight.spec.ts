import { describe, expect, it } from 'vitest';
import { addItem, must, send, viewOf } from '$lib/testing/server';
import { sessionWith } from '$lib/testing/stores';

async function spotlit() {
	const { db, session, people } = await sessionWith(['Siti']);
	const itemId = await addItem(db, people[0].identity, 'Akses modal usaha sulit tanpa agunan');
	return { db, session, itemId, participant: people[0] };
}

describe('projector.spotlight', () => {
	it('puts a visible post on the projector and takes it down again', async () => {
		const { db, session, itemId } = await spotlit();
		const { records } = await must(db, session.facilitator, { type: 'projector.spotlight', target: { kind: 'item', id: itemId } });
		expect(records.map((r) => r.event)).toEqual([{ type: 'spotlight.changed', spotlight: { kind: 'item', id: itemId } }]);
		expect((await viewOf(db, session)).spotlight).toEqual({ kind: 'item', id: itemId });
		await must(db, session.facilitator, { type: 'projector.spotlight', target: null });
		expect((await viewOf(db, session)).spotlight).toBeNull();
	});

	it('refuses what the room cannot see', async () => {
		const { db, session, itemId } = await spotlit();
		await must(db, session.facilitator, { type: 'item.hide', itemId, reason: 'Di luar topik' });
		const { result } = await send(db, session.facilitator, { type: 'projector.spotlight', target: { kind: 'item', id: itemId } });
		expect(result).toMatchObject({ ok: false, error: { code: 'not_found' } });
		const theme = await send(db, session.facilitator, { type: 'projector.spotlight', target: { kind: 'theme', id: itemId } });
		expect(theme.result.ok).toBe(false);
	});

	it('comes down with a post that is hidden or deleted, in the same commit', async () => {
		const { db, session, itemId, participant } = await spotlit();
		await must(db, session.facilitator, { type: 'projector.spotlight', target: { kind: 'item', id: itemId } });
		const { records } = await must(db, session.facilitator, { type: 'item.hide', itemId, reason: 'Ganda' });
		expect(records.at(-1)!.event).toEqual({ type: 'spotlight.changed', spotlight: null });

		const other = await addItem(db, participant.identity, 'Pemasaran digital');
		await must(db, session.facilitator, { type: 'projector.spotlight', target: { kind: 'item', id: other } });
		await must(db, participant.identity, { type: 'item.delete', itemId: other });
		expect((await viewOf(db, session)).spotlight).toBeNull();
	});

	it('comes down with a deleted theme, and stays up through unrelated commands', async () => {
		const { db, session, itemId } = await spotlit();
		const themeId = (await must(db, session.facilitator, { type: 'theme.create', name: 'Permodalan' })).result;
		const id = (themeId as { id: string }).id;
		await must(db, session.facilitator, { type: 'projector.spotlight', target: { kind: 'theme', id } });
		const { records } = await must(db, session.facilitator, { type: 'item.theme', itemId, themeId: id });
		expect(records).toHaveLength(1);
		await must(db, session.facilitator, { type: 'theme.delete', themeId: id });
		expect((await viewOf(db, session)).spotlight).toBeNull();
	});
});

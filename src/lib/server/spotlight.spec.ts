import { describe, expect, it } from 'vitest';
import { addItem, must, send, sessionWith, viewOf } from '$lib/testing/server';

function spotlit() {
	const { db, session, people } = sessionWith(['Siti']);
	const itemId = addItem(db, people[0].identity, 'Akses modal usaha sulit tanpa agunan');
	return { db, session, itemId, participant: people[0] };
}

describe('projector.spotlight', () => {
	it('puts a visible post on the projector and takes it down again', () => {
		const { db, session, itemId } = spotlit();
		const { records } = must(db, session.facilitator, { type: 'projector.spotlight', target: { kind: 'item', id: itemId } });
		expect(records.map((r) => r.event)).toEqual([{ type: 'spotlight.changed', spotlight: { kind: 'item', id: itemId } }]);
		expect(viewOf(db, session).spotlight).toEqual({ kind: 'item', id: itemId });
		must(db, session.facilitator, { type: 'projector.spotlight', target: null });
		expect(viewOf(db, session).spotlight).toBeNull();
	});

	it('refuses what the room cannot see', () => {
		const { db, session, itemId } = spotlit();
		must(db, session.facilitator, { type: 'item.hide', itemId, reason: 'Di luar topik' });
		const { result } = send(db, session.facilitator, { type: 'projector.spotlight', target: { kind: 'item', id: itemId } });
		expect(result).toMatchObject({ ok: false, error: { code: 'not_found' } });
		const theme = send(db, session.facilitator, { type: 'projector.spotlight', target: { kind: 'theme', id: itemId } });
		expect(theme.result.ok).toBe(false);
	});

	it('comes down with a post that is hidden or deleted, in the same commit', () => {
		const { db, session, itemId, participant } = spotlit();
		must(db, session.facilitator, { type: 'projector.spotlight', target: { kind: 'item', id: itemId } });
		const { records } = must(db, session.facilitator, { type: 'item.hide', itemId, reason: 'Ganda' });
		expect(records.at(-1)!.event).toEqual({ type: 'spotlight.changed', spotlight: null });

		const other = addItem(db, participant.identity, 'Pemasaran digital');
		must(db, session.facilitator, { type: 'projector.spotlight', target: { kind: 'item', id: other } });
		must(db, participant.identity, { type: 'item.delete', itemId: other });
		expect(viewOf(db, session).spotlight).toBeNull();
	});

	it('comes down with a deleted theme, and stays up through unrelated commands', () => {
		const { db, session, itemId } = spotlit();
		const themeId = must(db, session.facilitator, { type: 'theme.create', name: 'Permodalan' }).result;
		const id = (themeId as { id: string }).id;
		must(db, session.facilitator, { type: 'projector.spotlight', target: { kind: 'theme', id } });
		const { records } = must(db, session.facilitator, { type: 'item.theme', itemId, themeId: id });
		expect(records).toHaveLength(1);
		must(db, session.facilitator, { type: 'theme.delete', themeId: id });
		expect(viewOf(db, session).spotlight).toBeNull();
	});
});

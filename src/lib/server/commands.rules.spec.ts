/** Who may run which command, and what the session's state allows: every refusal changes nothing. */
import { beforeEach, describe, expect, it } from 'vitest';
import type { SocketIdentity } from '../realtime/contract';
import type { Database } from './db/store';
import * as items from './items';
import * as sessions from './sessions';
import { addItem, createSession, dumpTables, joinParticipant, send, type TestParticipant, type TestSession } from '$lib/testing/server';
import { sessionWith } from '$lib/testing/stores';

let db: Database;
let session: TestSession;
let siti: TestParticipant;
let budi: TestParticipant;

beforeEach(async () => {
	({ db, session, people: [siti, budi] } = await sessionWith(['Siti', 'Budi']));
});

/** Sends a command that must be refused with `code`, and checks it changed nothing. */
async function expectRefused(who: SocketIdentity, command: unknown, code: string) {
	const before = await dumpTables(db);
	const { result, records } = await send(db, who, command);
	expect(result).toMatchObject({ ok: false, error: { code } });
	expect(records).toEqual([]);
	expect(await dumpTables(db)).toEqual(before);
}

describe('roles', () => {
	it('a participant may not close the session or change its settings', async () => {
		await expectRefused(siti.identity, { type: 'session.close' }, 'forbidden');
		await expectRefused(siti.identity, { type: 'session.settings', allowAnonymous: false }, 'forbidden');
	});

	it('the presenter may do nothing', async () => {
		const itemId = await addItem(db, siti.identity);
		await expectRefused(session.presenter, { type: 'item.add', kind: 'kendala', text: 'dari layar' }, 'forbidden');
		await expectRefused(session.presenter, { type: 'item.edit', itemId, text: 'diubah' }, 'forbidden');
		await expectRefused(session.presenter, { type: 'item.delete', itemId }, 'forbidden');
		await expectRefused(session.presenter, { type: 'session.settings', allowAnonymous: false }, 'forbidden');
		await expectRefused(session.presenter, { type: 'session.close' }, 'forbidden');
	});

	it('the facilitator may not add or delete items', async () => {
		const itemId = await addItem(db, siti.identity);
		await expectRefused(session.facilitator, { type: 'item.add', kind: 'kendala', text: 'dari fasilitator' }, 'forbidden');
		await expectRefused(session.facilitator, { type: 'item.delete', itemId }, 'forbidden');
		expect(await items.find(db, session.row.id, itemId)).toBeDefined();
	});

	it('the facilitator may edit (moderate) any item, which stays its author’s', async () => {
		const itemId = await addItem(db, siti.identity, 'Tulisan Siti');
		expect((await send(db, session.facilitator, { type: 'item.edit', itemId, text: 'Tulisan Siti, dirapikan' })).result).toMatchObject({ ok: true, itemId });
		const row = await items.find(db, session.row.id, itemId);
		expect(row).toMatchObject({ text: 'Tulisan Siti, dirapikan', author_id: siti.id });
	});

	it('the minute-taker may not add, edit or delete items', async () => {
		const itemId = await addItem(db, siti.identity);
		await expectRefused(session.minutetaker, { type: 'item.add', kind: 'kendala', text: 'dari notulis' }, 'forbidden');
		await expectRefused(session.minutetaker, { type: 'item.edit', itemId, text: 'diubah' }, 'forbidden');
		await expectRefused(session.minutetaker, { type: 'item.delete', itemId }, 'forbidden');
	});

	it('a participant may not edit or delete another participant’s item', async () => {
		const itemId = await addItem(db, siti.identity, 'Tulisan Siti');
		await expectRefused(budi.identity, { type: 'item.edit', itemId, text: 'Tulisan Budi' }, 'forbidden');
		await expectRefused(budi.identity, { type: 'item.delete', itemId }, 'forbidden');
		expect((await items.find(db, session.row.id, itemId))?.text).toBe('Tulisan Siti');
	});

	it('an anonymous item is still its author’s alone to change', async () => {
		const itemId = await addItem(db, siti.identity, 'Rahasia', { anonymous: true });
		await expectRefused(budi.identity, { type: 'item.delete', itemId }, 'forbidden');
		expect((await send(db, siti.identity, { type: 'item.edit', itemId, text: 'Rahasia, diperjelas' })).result.ok).toBe(true);
	});

	it('the author may edit and delete their own item', async () => {
		const itemId = await addItem(db, siti.identity, 'Draf');
		expect((await send(db, siti.identity, { type: 'item.edit', itemId, text: 'Final' })).result).toMatchObject({ ok: true, itemId });
		expect((await items.find(db, session.row.id, itemId))?.text).toBe('Final');
		expect((await send(db, siti.identity, { type: 'item.delete', itemId })).result.ok).toBe(true);
		expect(await items.find(db, session.row.id, itemId)).toBeUndefined();
	});
});

describe('items', () => {
	it('an unknown or deleted item is not_found', async () => {
		await expectRefused(siti.identity, { type: 'item.edit', itemId: 'no-such-item', text: 'x' }, 'not_found');
		const itemId = await addItem(db, siti.identity);
		await send(db, siti.identity, { type: 'item.delete', itemId });
		await expectRefused(siti.identity, { type: 'item.edit', itemId, text: 'kembali' }, 'not_found');
		await expectRefused(siti.identity, { type: 'item.delete', itemId }, 'not_found');
	});

	it('an item of another session is not_found', async () => {
		const other = await createSession(db, { title: 'FGD lain' });
		const outsider = await joinParticipant(db, other, 'Tamu');
		const itemId = await addItem(db, outsider.identity);
		await expectRefused(siti.identity, { type: 'item.delete', itemId }, 'not_found');
	});

	it('an item must use one of the session’s kinds', async () => {
		await expectRefused(siti.identity, { type: 'item.add', kind: 'ancaman', text: 'Ancaman' }, 'invalid_input');
	});
});

describe('session state', () => {
	it('a closed session refuses every command with session_closed', async () => {
		const itemId = await addItem(db, siti.identity);
		await send(db, session.facilitator, { type: 'session.close' });
		await expectRefused(siti.identity, { type: 'item.add', kind: 'kendala', text: 'terlambat' }, 'session_closed');
		await expectRefused(siti.identity, { type: 'item.edit', itemId, text: 'terlambat' }, 'session_closed');
		await expectRefused(siti.identity, { type: 'item.delete', itemId }, 'session_closed');
		await expectRefused(session.facilitator, { type: 'session.settings', allowAnonymous: false }, 'session_closed');
		await expectRefused(session.facilitator, { type: 'session.close' }, 'session_closed');
	});

	it('closing records the time on the session', async () => {
		const { records } = await send(db, session.facilitator, { type: 'session.close' });
		const row = await sessions.byId(db, session.row.id);
		expect(row.status).toBe('closed');
		// Closing ends the phase machine too: the phase change comes first, then the close.
		expect(records.map((r) => r.event)).toEqual([
			{ type: 'phase.changed', phase: 'closed', from: 'lobby' },
			{ type: 'session.closed', closedAt: row.closed_at }
		]);
	});

	it('anonymous posting is refused when the facilitator turned it off', async () => {
		await send(db, session.facilitator, { type: 'session.settings', allowAnonymous: false });
		await expectRefused(siti.identity, { type: 'item.add', kind: 'kendala', text: 'tanpa nama', anonymous: true }, 'anonymous_not_allowed');
		expect((await send(db, siti.identity, { type: 'item.add', kind: 'kendala', text: 'dengan nama' })).result.ok).toBe(true);
	});

	it('a session created without anonymous posting refuses it from the start', async () => {
		const strict = await createSession(db, { allowAnonymous: false });
		const ani = await joinParticipant(db, strict, 'Ani');
		await expectRefused(ani.identity, { type: 'item.add', kind: 'kendala', text: 'tanpa nama', anonymous: true }, 'anonymous_not_allowed');
	});

	it('kinds can change before the first item, and then the new kinds apply', async () => {
		const kinds = [{ key: 'kekuatan', label: 'Kekuatan', labelEn: 'Strengths' }, { key: 'kelemahan', label: 'Kelemahan' }];
		const { result, records } = await send(db, session.facilitator, { type: 'session.settings', kinds });
		expect(result.ok).toBe(true);
		expect(records[0].event).toEqual({ type: 'session.settings', allowAnonymous: true, kinds, preModeration: false });
		expect(sessions.toView(await sessions.byId(db, session.row.id)).kinds).toEqual(kinds);
		await expectRefused(siti.identity, { type: 'item.add', kind: 'kendala', text: 'jenis lama' }, 'invalid_input');
		expect((await send(db, siti.identity, { type: 'item.add', kind: 'kekuatan', text: 'SDM muda' })).result.ok).toBe(true);
	});

	it('kinds are locked once the first item exists, even after it is deleted', async () => {
		const kinds = [{ key: 'isu', label: 'Isu' }];
		const itemId = await addItem(db, siti.identity);
		await expectRefused(session.facilitator, { type: 'session.settings', kinds }, 'kinds_locked');
		await send(db, siti.identity, { type: 'item.delete', itemId });
		await expectRefused(session.facilitator, { type: 'session.settings', kinds }, 'kinds_locked');
	});

	it('anonymity can still be switched once items exist', async () => {
		await addItem(db, siti.identity);
		const { records } = await send(db, session.facilitator, { type: 'session.settings', allowAnonymous: false });
		expect(records[0].event).toMatchObject({ type: 'session.settings', allowAnonymous: false });
		expect((await sessions.byId(db, session.row.id)).allow_anonymous).toBe(0);
	});
});

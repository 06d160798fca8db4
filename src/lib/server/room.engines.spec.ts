/**
 * The room on both engines (SQLite and PostgreSQL, see $lib/testing/engines): joining and joining
 * again by token, the door, the capacity, removing a participant (items kept or hidden), a new
 * join code, staff-added attendees and the order of the attendance list. The modules are called
 * as their handlers and the join route call them, each write in a store transaction; the command
 * path itself is covered by handlers/room.spec.ts, participants.spec.ts and attendees.spec.ts.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { bareSession, forEachEngine, type EngineContext } from '$lib/testing/engines';
import { newToken } from '$lib/testing/server';
import { DEFAULT_GROUPS } from '../domain/defaults';
import type { SocketIdentity } from '../realtime/contract';
import { joinSchema, type Command } from '../realtime/schemas';
import * as attendees from './attendees';
import { actorOf } from './commands';
import type { Database } from './db/store';
import { attendanceHandlers } from './handlers/attendance';
import { Rejected, type Handler, type Outcome } from './handlers/context';
import { roomHandlers } from './handlers/room';
import * as participants from './participants';
import * as room from './room';
import * as sessions from './sessions';
import type { SessionRow } from './sessions';

const facilitator: SocketIdentity = { sessionId: 's1', code: 'S1XXXX', role: 'facilitator', participantId: null };
const minutetaker: SocketIdentity = { ...facilitator, role: 'minutetaker' };

const input = (token: string, name = 'Siti Aminah', group = 'akademisi') => joinSchema.parse({ token, name, group, institution: 'Universitas Mulawarman', consent: true });

forEachEngine((ctx: EngineContext) => {
	const db = (): Database => ctx.store().db;
	const write = <T>(change: (trx: Database) => Promise<T>) => db().transaction().execute(change);
	const row = async (id = 's1') => (await db().selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirstOrThrow()) as SessionRow;
	const join = async (token: string, name?: string, sessionId = 's1') => {
		const session = await row(sessionId);
		return write((trx) => participants.join(trx, session, input(token, name)));
	};
	/** A write on the session as it is now (read before the transaction: the root handle would wait for it). */
	const onSession = async <T>(change: (trx: Database, session: SessionRow) => Promise<T>) => {
		const session = await row();
		return write((trx) => change(trx, session));
	};
	const events = async () =>
		(await db().selectFrom('session_events').select(['seq', 'payload', 'owner']).where('session_id', '=', 's1').orderBy('seq').execute()).map((e) => ({
			seq: e.seq,
			type: (JSON.parse(e.payload) as { type: string }).type,
			owner: e.owner
		}));
	const item = async (id: string, authorId: string, status = 'visible', deleted = false) =>
		db()
			.insertInto('items')
			.values({ id, session_id: 's1', kind: 'kendala', text: `Kartu ${id}`, author_id: authorId, created_at: 'now', updated_at: 'now', status, deleted_at: deleted ? 'now' : null })
			.execute();
	const statuses = async () =>
		Object.fromEntries((await db().selectFrom('items').select(['id', 'status', 'hidden_reason']).execute()).map((i) => [i.id, [i.status, i.hidden_reason]]));

	afterEach(() => {
		vi.useRealTimers();
	});

	describe('joining', () => {
		it('joins once per token, logs the join owned by the joiner, and finds them by token again', async () => {
			await bareSession(ctx.store());
			const token = newToken();
			const first = await join(token);
			expect(first.participant).toMatchObject({ name: 'Siti Aminah', group: 'akademisi', institution: 'Universitas Mulawarman' });
			expect(first.records).toMatchObject([{ seq: 1, event: { type: 'participant.joined', participant: first.participant }, owner: first.participant.id }]);
			const again = await join(token, 'Nama lain');
			expect(again).toEqual({ participant: first.participant, records: [] });
			expect(await participants.byToken(db(), 's1', token)).toEqual(first.participant);
			expect(await participants.byToken(db(), 's1', newToken())).toBeUndefined();
			expect(await participants.list(db(), 's1')).toEqual([first.participant]);
			const [withConsent] = await participants.listWithConsent(db(), 's1');
			// A real session stamps the join and the consent with the same instant.
			expect(withConsent.consentAt).toBe(withConsent.joinedAt);
			expect(await events()).toEqual([{ seq: 1, type: 'participant.joined', owner: first.participant.id }]);
			// Only the token's hash is stored.
			expect(JSON.stringify(await db().selectFrom('participants').selectAll().execute())).not.toContain(token);
		});

		it('the same token in another session is another participant', async () => {
			await bareSession(ctx.store());
			await bareSession(ctx.store(), 's2');
			const token = newToken();
			const here = await join(token);
			const there = await join(token, 'Siti', 's2');
			expect(there.participant.id).not.toBe(here.participant.id);
			expect(there.records.map((r) => r.seq)).toEqual([1]);
			expect(await participants.byToken(db(), 's2', token)).toEqual(there.participant);
		});

		it('lists by joining time, and people who joined in the same instant in the order they joined', async () => {
			await bareSession(ctx.store());
			vi.useFakeTimers({ toFake: ['Date'] });
			vi.setSystemTime(new Date('2025-10-24T01:00:00.000Z'));
			const names = ['Yusuf', 'Ani', 'Rini', 'Budi'];
			for (const name of names) await join(newToken(), name);
			// An update moves a row on PostgreSQL's heap: the list must not follow the heap.
			await db().updateTable('participants').set({ institution: 'Diubah' }).where('name', '=', 'Yusuf').execute();
			await write((trx) => attendees.add(trx, 's1', 'facilitator', { name: 'Pak Amir', group: 'komunitas', institution: '', position: '', sex: '' }));
			vi.setSystemTime(new Date('2025-10-24T00:59:00.000Z'));
			await join(newToken(), 'Dewi (lebih awal)');
			const expected = ['Dewi (lebih awal)', ...names, 'Pak Amir'];
			expect((await participants.list(db(), 's1')).map((p) => p.name)).toEqual(expected);
			expect((await participants.listWithConsent(db(), 's1')).map((p) => p.name)).toEqual(expected);
			expect((await participants.listForMinutes(db(), 's1')).map((p) => p.name)).toEqual(expected);
		});
	});

	describe('the door and the capacity', () => {
		it('a closed door refuses new phones, not one joining again with its token', async () => {
			await bareSession(ctx.store());
			const token = newToken();
			const siti = await join(token);
			const record = await onSession((trx, session) => room.setRoom(trx, session, { door: 'closed' }));
			expect(record.event).toEqual({ type: 'session.room', door: 'closed', capacity: 1000 });
			expect(await room.refusesJoin(db(), await row())).toBe('door_closed');
			// The join route asks the door only of an unknown token; a known one gets its participant back.
			expect(await participants.byToken(db(), 's1', token, { removed: true })).toEqual({ ...siti.participant, removed: false });
			expect(await join(token)).toEqual({ participant: siti.participant, records: [] });
			await onSession((trx, session) => room.setRoom(trx, session, { door: 'open' }));
			expect(await room.refusesJoin(db(), await row())).toBeNull();
			expect((await events()).map((e) => e.type)).toEqual(['participant.joined', 'session.room', 'session.room']);
		});

		it('counts only phones still in against the capacity', async () => {
			await bareSession(ctx.store());
			const record = await onSession((trx, session) => room.setRoom(trx, session, { capacity: 2 }));
			expect(record.event).toEqual({ type: 'session.room', door: 'open', capacity: 2 });
			expect((await row()).capacity).toBe(2);
			await join(newToken(), 'Siti');
			expect(await room.refusesJoin(db(), await row())).toBeNull();
			const budi = await join(newToken(), 'Budi');
			expect(await room.joinedCount(db(), 's1')).toBe(2);
			expect(await room.refusesJoin(db(), await row())).toBe('room_full');
			// Someone staff wrote in takes no phone's place; a removed phone gives theirs back.
			await write((trx) => attendees.add(trx, 's1', 'minutetaker', { name: 'Tanpa HP', group: 'lainnya', institution: '', position: '', sex: '' }));
			expect(await room.joinedCount(db(), 's1')).toBe(2);
			await onSession((trx, session) => room.removeParticipant(trx, session, budi.participant.id, 'Nama palsu', false));
			expect(await room.joinedCount(db(), 's1')).toBe(1);
			expect(await room.refusesJoin(db(), await row())).toBeNull();
		});
	});

	describe('removing a participant', () => {
		it('keeps their items by default, and says why to the minutes and to their phone', async () => {
			await bareSession(ctx.store());
			const siti = await join(newToken(), 'Siti');
			const budiToken = newToken();
			const budi = (await join(budiToken, 'Budi')).participant;
			await item('i1', budi.id);
			await item('i2', budi.id, 'pending');
			expect(await room.findJoined(db(), 's1', budi.id)).toEqual({ id: budi.id });
			const records = await onSession((trx, session) => room.removeParticipant(trx, session, budi.id, 'Nama palsu', false));
			expect(records.map((r) => [r.event, r.owner])).toEqual([[{ type: 'participant.removed', participantId: budi.id, reason: 'Nama palsu' }, budi.id]]);
			expect(await statuses()).toEqual({ i1: ['visible', null], i2: ['pending', null] });
			expect(await room.findJoined(db(), 's1', budi.id)).toBeUndefined();
			expect(await participants.byToken(db(), 's1', budiToken)).toBeUndefined();
			expect(await participants.byToken(db(), 's1', budiToken, { removed: true })).toMatchObject({ id: budi.id, removed: true });
			expect((await participants.list(db(), 's1')).map((p) => p.name)).toEqual(['Siti']);
			expect(await room.removedParticipants(db(), 's1')).toEqual([{ id: budi.id, removedAt: expect.any(String), reason: 'Nama palsu' }]);
			const minutes = await participants.listForMinutes(db(), 's1');
			expect(minutes.map((p) => [p.id, p.removedReason, p.erased])).toEqual([
				[siti.participant.id, null, false],
				[budi.id, 'Nama palsu', false]
			]);
		});

		it('hides their visible and pending items with the same reason, in board order, when asked', async () => {
			await bareSession(ctx.store());
			const siti = (await join(newToken(), 'Siti')).participant;
			const budi = (await join(newToken(), 'Budi')).participant;
			await item('b-visible-2', budi.id);
			await item('s-own', siti.id);
			await item('b-pending', budi.id, 'pending');
			await item('b-hidden', budi.id, 'hidden');
			await item('b-deleted', budi.id, 'visible', true);
			await item('b-visible-1', budi.id);
			// Moves a row on PostgreSQL's heap: the records must still follow the board's order.
			await db().updateTable('items').set({ text: 'Diubah' }).where('id', '=', 'b-visible-2').execute();
			const records = await onSession((trx, session) => room.removeParticipant(trx, session, budi.id, 'Spam', true));
			expect(records.map((r) => r.event)).toEqual([
				{ type: 'participant.removed', participantId: budi.id, reason: 'Spam' },
				{ type: 'item.hidden', itemId: 'b-visible-2', reason: 'Spam' },
				{ type: 'item.hidden', itemId: 'b-pending', reason: 'Spam' },
				{ type: 'item.hidden', itemId: 'b-visible-1', reason: 'Spam' }
			]);
			expect(records.map((r) => r.owner)).toEqual([budi.id, budi.id, budi.id, budi.id]);
			expect(records.map((r) => r.seq)).toEqual([3, 4, 5, 6]);
			expect(await statuses()).toEqual({
				'b-visible-2': ['hidden', 'Spam'],
				's-own': ['visible', null],
				'b-pending': ['hidden', 'Spam'],
				'b-hidden': ['hidden', null],
				'b-deleted': ['visible', null],
				'b-visible-1': ['hidden', 'Spam']
			});
		});

		it('finds only phones still in: not a staff-added attendee, not someone already removed', async () => {
			await bareSession(ctx.store());
			const budi = (await join(newToken(), 'Budi')).participant;
			const record = await write((trx) => attendees.add(trx, 's1', 'facilitator', { name: 'Tanpa HP', group: 'lainnya', institution: '', position: '', sex: '' }));
			const added = (record.event as { participant: { id: string } }).participant.id;
			expect(await room.findJoined(db(), 's1', added)).toBeUndefined();
			expect(await room.findJoined(db(), 's1', 'tidak-ada')).toBeUndefined();
			expect(await room.findJoined(db(), 's2', budi.id)).toBeUndefined();
			await onSession((trx, session) => room.removeParticipant(trx, session, budi.id, 'x', false));
			expect(await room.findJoined(db(), 's1', budi.id)).toBeUndefined();
		});
	});

	describe('a new join code', () => {
		it('replaces the code with one never used; the old one only names the session as a former code', async () => {
			await bareSession(ctx.store());
			const old = (await row()).code;
			const sitiToken = newToken();
			const siti = await join(sitiToken);
			const record = await onSession((trx, session) => room.newCode(trx, session));
			const code = (record.event as { code: string }).code;
			expect(record.event.type).toBe('session.code');
			expect(code).toMatch(/^[34679ACDEFGHJKMNPQRTUVWXY]{6}$/);
			expect(code).not.toBe(old);
			expect((await row()).code).toBe(code);
			expect(await room.byAnyCode(db(), code)).toMatchObject({ former: false, session: { id: 's1', code } });
			expect(await room.byAnyCode(db(), old)).toMatchObject({ former: true, session: { id: 's1', code } });
			expect(await room.byAnyCode(db(), 'ZZZZZZ')).toBeUndefined();
			// Those who joined keep their place: their token still finds them.
			expect(await participants.byToken(db(), 's1', sitiToken)).toEqual(siti.participant);
			const again = await onSession((trx, session) => room.newCode(trx, session));
			const third = (again.event as { code: string }).code;
			expect(await room.byAnyCode(db(), code)).toMatchObject({ former: true, session: { code: third } });
			expect(await room.byAnyCode(db(), old)).toMatchObject({ former: true, session: { code: third } });
			expect((await db().selectFrom('former_codes').select('code').where('session_id', '=', 's1').execute()).map((f) => f.code).sort()).toEqual([old, code].sort());
		});
	});

	describe('staff-added attendees', () => {
		it('are added without a token or consent, edited and removed, each logged', async () => {
			await bareSession(ctx.store());
			const added = await write((trx) => attendees.add(trx, 's1', 'minutetaker', { name: 'Pak Amir', group: 'komunitas', institution: 'Desa Loa Ipuh', position: 'Kepala Desa', sex: 'L' }));
			const id = (added.event as { participant: { id: string } }).participant.id;
			expect(added.event).toEqual({
				type: 'attendee.saved',
				participant: { id, name: 'Pak Amir', group: 'komunitas', institution: 'Desa Loa Ipuh', position: 'Kepala Desa', sex: 'L', addedBy: 'minutetaker', joinedAt: expect.any(String) }
			});
			expect((await participants.listWithConsent(db(), 's1'))[0].consentAt).toBeNull();
			expect(await attendees.findAdded(db(), 's1', id)).toMatchObject({ id, name: 'Pak Amir' });
			const edited = await write((trx) => attendees.edit(trx, 's1', 'facilitator', id, { name: 'Amir Hamzah', group: 'komunitas', institution: 'Desa Loa Ipuh', position: '', sex: '' }));
			expect(edited.event).toEqual({
				type: 'attendee.saved',
				participant: { id, name: 'Amir Hamzah', group: 'komunitas', institution: 'Desa Loa Ipuh', addedBy: 'minutetaker', joinedAt: expect.any(String) }
			});
			const removed = await write((trx) => attendees.remove(trx, 's1', 'facilitator', id));
			expect(removed.event).toEqual({ type: 'attendee.removed', participantId: id });
			expect(await attendees.findAdded(db(), 's1', id)).toBeUndefined();
			expect(await participants.list(db(), 's1')).toEqual([]);
			expect((await events()).map((e) => [e.seq, e.type])).toEqual([
				[1, 'attendee.saved'],
				[2, 'attendee.saved'],
				[3, 'attendee.removed']
			]);
		});

		it('never finds someone who joined on their phone', async () => {
			await bareSession(ctx.store());
			const phone = (await join(newToken())).participant;
			expect(await attendees.findAdded(db(), 's1', phone.id)).toBeUndefined();
		});
	});

	describe('the handlers, on the command\'s transaction only', () => {
		const handlers = { ...roomHandlers, ...attendanceHandlers } as Record<string, Handler<Command['type']>>;
		/** Runs one command's handler in a transaction of its own, as the command path does; a refusal rolls it back. */
		const run = async (who: SocketIdentity, command: Command): Promise<Outcome | string> => {
			try {
				return await write(async (trx) => {
					const session = (await trx.selectFrom('sessions').selectAll().where('id', '=', 's1').executeTakeFirstOrThrow()) as SessionRow;
					return handlers[command.type]({ trx, who, actor: actorOf(who), session, view: sessions.toView(session), now: Date.now() }, command);
				});
			} catch (error) {
				if (error instanceof Rejected) return error.code;
				throw error;
			}
		};
		const must = async (who: SocketIdentity, command: Command) => {
			const outcome = await run(who, command);
			if (typeof outcome === 'string') throw new Error(`${command.type} refused: ${outcome}`);
			return outcome;
		};
		const ready = async () => {
			await bareSession(ctx.store());
			await db().updateTable('sessions').set({ groups: JSON.stringify(DEFAULT_GROUPS) }).where('id', '=', 's1').execute();
		};

		it('close the door, set the capacity and issue a new code, each recorded; an empty change is refused', async () => {
			await ready();
			const old = (await row()).code;
			expect((await must(facilitator, { type: 'session.room', door: 'closed', capacity: 3 })).records.map((r) => r.event)).toEqual([
				{ type: 'session.room', door: 'closed', capacity: 3 }
			]);
			expect(await room.refusesJoin(db(), await row())).toBe('door_closed');
			expect(await run(facilitator, { type: 'session.room' })).toBe('invalid_input');
			const { records } = await must(facilitator, { type: 'session.newCode' });
			const code = (records[0].event as { code: string }).code;
			expect((await row()).code).toBe(code);
			expect(await room.byAnyCode(db(), old)).toMatchObject({ former: true, session: { code } });
			expect((await events()).map((e) => [e.seq, e.type])).toEqual([
				[1, 'session.room'],
				[2, 'session.code']
			]);
		});

		it('remove a phone with its items hidden, and refuse a staff-added attendee or someone already removed', async () => {
			await ready();
			const budi = (await join(newToken(), 'Budi')).participant;
			await item('b1', budi.id);
			const added = (await must(minutetaker, { type: 'attendee.add', attendee: { name: 'Tanpa HP', group: 'lainnya', institution: '', position: '', sex: '' } })).id!;
			expect(await run(facilitator, { type: 'participant.remove', participantId: added, reason: 'x', hideItems: false })).toBe('not_found');
			const { records } = await must(facilitator, { type: 'participant.remove', participantId: budi.id, reason: 'Spam', hideItems: true });
			expect(records.map((r) => r.event)).toEqual([
				{ type: 'participant.removed', participantId: budi.id, reason: 'Spam' },
				{ type: 'item.hidden', itemId: 'b1', reason: 'Spam' }
			]);
			expect(await run(facilitator, { type: 'participant.remove', participantId: budi.id, reason: 'x', hideItems: false })).toBe('not_found');
			expect(await statuses()).toEqual({ b1: ['hidden', 'Spam'] });
		});

		it('add, edit and remove a staff-added attendee; never a phone, never an unknown group', async () => {
			await ready();
			const phone = (await join(newToken(), 'Siti', 's1')).participant;
			const amir = { name: 'Pak Amir', group: 'komunitas', institution: 'Desa Loa Ipuh', position: 'Kepala Desa', sex: 'L' as const };
			expect(await run(minutetaker, { type: 'attendee.add', attendee: { ...amir, group: 'partai' } })).toBe('invalid_input');
			const added = await must(minutetaker, { type: 'attendee.add', attendee: amir });
			expect(added.records[0].event).toMatchObject({ type: 'attendee.saved', participant: { id: added.id, name: 'Pak Amir', addedBy: 'minutetaker' } });
			const edited = await must(facilitator, { type: 'attendee.edit', participantId: added.id!, attendee: { ...amir, name: 'Amir Hamzah' } });
			expect(edited.records[0].event).toMatchObject({ type: 'attendee.saved', participant: { id: added.id, name: 'Amir Hamzah' } });
			expect(await run(facilitator, { type: 'attendee.edit', participantId: phone.id, attendee: amir })).toBe('not_found');
			expect(await run(facilitator, { type: 'attendee.remove', participantId: phone.id })).toBe('not_found');
			expect((await must(facilitator, { type: 'attendee.remove', participantId: added.id! })).records[0].event).toEqual({ type: 'attendee.removed', participantId: added.id });
			expect((await participants.list(db(), 's1')).map((p) => p.name)).toEqual(['Siti']);
		});
	});
});

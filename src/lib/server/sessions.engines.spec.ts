/** Sessions, their clock and their log's reads on the store: the same answers on SQLite and PostgreSQL. */
import { describe, expect, it, vi } from 'vitest';
import { forEachEngine } from '$lib/testing/engines';
import { createSessionSchema } from '../realtime/schemas';
import type { CommandEnvelope, SocketIdentity } from '../realtime/contract';
import * as clock from './clock';
import { execute } from './commands';
import { type Database, type Store } from './db/store';
import { lastSeq, recordsOfType, recordsSince } from './log';
import { JOIN_CODE_ALPHABET, secretMatches } from './secrets';
import * as sessions from './sessions';
import * as spotlight from './spotlight';

/** Codes the next sessions draw first, before random ones: to make a draw collide. */
const drawn = vi.hoisted(() => [] as string[]);
vi.mock('./secrets', async (original) => {
	const real = await original<typeof import('./secrets')>();
	return { ...real, newJoinCode: () => drawn.shift() ?? real.newJoinCode() };
});

let commandCount = 0;
/** A command through the whole command path (authorization, savepoint, answer), in a store transaction of its own. */
async function send(store: Store, who: SocketIdentity, command: unknown) {
	const trx = await store.db.startTransaction().execute();
	try {
		const executed = await execute(trx, who, { id: `cmd-${++commandCount}`, command } as CommandEnvelope);
		await trx.commit().execute();
		return executed;
	} catch (error) {
		await trx.rollback().execute();
		throw error;
	}
}

const input = (extra: object = {}) => createSessionSchema.parse({ title: 'FGD Mesin', startsAt: '2025-10-24T09:00', ...extra });

describe('sessions on the store', () => {
	forEachEngine(({ store }) => {
		const db = () => store().db;
		const write = <T>(change: (trx: Database) => Promise<T>) => db().transaction().execute(change);

		it('creates sessions with unique 6-character join codes, found by code and by id', async () => {
			const created = await Promise.all(Array.from({ length: 20 }, () => sessions.create(db(), input())));
			const codes = created.map((c) => c.code);
			expect(new Set(codes).size).toBe(20);
			for (const code of codes) expect(code).toMatch(new RegExp(`^[${JOIN_CODE_ALPHABET}]{6}$`));
			const [first] = created;
			const row = (await sessions.byCode(db(), first.code))!;
			expect(row.id).toBe(first.id);
			expect(secretMatches(first.facilitatorKey, row.facilitator_key_hash)).toBe(true);
			expect(secretMatches(first.minutetakerKey, row.minutetaker_key_hash!)).toBe(true);
			expect((await sessions.byId(db(), first.id)).code).toBe(first.code);
			expect(await sessions.byCode(db(), 'ZZZZZZ')).toBeUndefined();
			const view = sessions.toView(row);
			expect(view).toMatchObject({ title: 'FGD Mesin', status: 'open', phase: 'lobby', allowAnonymous: true, spotlight: null });
			expect(row.sample_clock_offset_ms).toBeNull();
		});

		it('draws another code when the first one drawn is taken', async () => {
			drawn.push('ACDEFG');
			const taken = await sessions.create(db(), input());
			expect(taken.code).toBe('ACDEFG');
			// Inside a transaction too (a programme creates its sessions in one): the taken code inserts nothing, and does not abort it.
			drawn.push('ACDEFG', 'ACDEFG', 'HJKMNP');
			const next = await write((trx) => sessions.create(trx, input()));
			expect(next.code).toBe('HJKMNP');
			expect(drawn).toEqual([]);
			expect((await sessions.byCode(db(), 'ACDEFG'))!.id).toBe(taken.id);
			expect((await sessions.byCode(db(), 'HJKMNP'))!.id).toBe(next.id);
		});

		it('records phase and timer changes with gap-free seq, read back the same by recordsSince and recordsOfType', async () => {
			const { id } = await sessions.create(db(), input());
			const timer = { endsAt: '2025-10-24T09:10:00.000Z', remainingMs: null, lockOnEnd: true };
			const written = await write(async (trx) => {
				const row = await sessions.byId(trx, id);
				const phase = await sessions.setPhase(trx, row, 'writing');
				const started = await sessions.setTimer(trx, row, timer);
				const moved = await sessions.setPhase(trx, await sessions.byId(trx, id), 'voting');
				return [phase, started, moved];
			});
			expect(written.map((r) => r.seq)).toEqual([1, 2, 3]);
			expect(await lastSeq(db(), id)).toBe(3);

			const row = await sessions.byId(db(), id);
			expect(sessions.toView(row)).toMatchObject({ phase: 'voting', timer });

			const all = await recordsSince(db(), id, 0, 100);
			expect(all).toEqual(written);
			expect(await recordsSince(db(), id, 1, 1)).toEqual([written[1]]);
			const phases = await recordsOfType(db(), id, 'phase.changed');
			expect(phases.map((r) => [r.seq, r.event])).toEqual([
				[1, { type: 'phase.changed', phase: 'writing', from: 'lobby' }],
				[3, { type: 'phase.changed', phase: 'voting', from: 'writing' }]
			]);
			expect((await recordsOfType(db(), id, 'timer.changed')).map((r) => r.event)).toEqual([{ type: 'timer.changed', timer }]);
			expect(await recordsOfType(db(), id, 'session.closed')).toEqual([]);
		});

		it('closes a session: status, phase and closedAt stored, two records, and settings and details kept', async () => {
			const { id } = await sessions.create(db(), input());
			await write(async (trx) => {
				const row = await sessions.byId(trx, id);
				await sessions.updateSettings(trx, row, { allowAnonymous: false, preModeration: true });
				await sessions.setLetterhead(trx, id, 'facilitator', { office: 'BAPPEDA' });
			});
			const records = await write(async (trx) => sessions.close(trx, await sessions.byId(trx, id)));
			expect(records.map((r) => [r.seq, r.event.type])).toEqual([
				[3, 'phase.changed'],
				[4, 'session.closed']
			]);
			const view = sessions.toView(await sessions.byId(db(), id));
			expect(view).toMatchObject({ status: 'closed', phase: 'closed', allowAnonymous: false, preModeration: true, details: { letterhead: { office: 'BAPPEDA' } } });
			expect(view.closedAt).toBe((records[1].event as { closedAt: string }).closedAt);
			expect(await recordsOfType(db(), id, 'session.closed')).toHaveLength(1);
		});

		it("keeps a sample session's clock, never moved before its latest record", async () => {
			const real = await sessions.create(db(), input());
			expect(await write((trx) => clock.setSample(trx, real.id, new Date('2025-10-24T10:00:00Z')))).toBe('not_sample');

			const { id } = await sessions.create(db(), input({ sample: true }));
			expect(await write((trx) => clock.setSample(trx, id, new Date('2025-10-24T10:00:00Z')))).toBeNull();
			const stamped = Date.parse(await clock.now(db(), id));
			expect(Math.abs(stamped - Date.parse('2025-10-24T10:00:00Z'))).toBeLessThan(10_000);
			await write(async (trx) => sessions.setPhase(trx, await sessions.byId(trx, id), 'writing'));
			expect(await write((trx) => clock.setSample(trx, id, new Date('2025-10-24T09:00:00Z')))).toBe('backwards');
			expect(await write((trx) => clock.setSample(trx, id, new Date('2025-10-24T11:00:00Z')))).toBeNull();
		});

		it("runs the facilitator's session and projector commands on the store alone, answered and recorded in order", async () => {
			const { id, code } = await sessions.create(db(), input());
			const facilitator: SocketIdentity = { sessionId: id, code, role: 'facilitator', participantId: null };
			const minutetaker: SocketIdentity = { ...facilitator, role: 'minutetaker' };
			const ok = async (who: SocketIdentity, command: unknown) => {
				const executed = await send(store(), who, command);
				expect(executed.result, JSON.stringify(command)).toMatchObject({ ok: true });
				return executed;
			};
			await ok(facilitator, { type: 'phase.set', phase: 'writing' });
			await ok(facilitator, { type: 'timer.start', seconds: 300, lockOnEnd: true });
			await ok(facilitator, { type: 'timer.pause' });
			await ok(facilitator, { type: 'timer.extend', seconds: 60 });
			expect(sessions.toView(await sessions.byId(db(), id)).timer).toMatchObject({ endsAt: null, remainingMs: expect.any(Number), lockOnEnd: true });
			// A new phase clears the countdown: two records from one command.
			const moved = await ok(facilitator, { type: 'phase.set', phase: 'voting' });
			expect(moved.records.map((r) => r.event.type)).toEqual(['phase.changed', 'timer.changed']);
			await ok(facilitator, { type: 'session.settings', allowAnonymous: false, preModeration: true });
			await ok(facilitator, { type: 'phase.kinds', phase: 'voting', kinds: [sessions.toView(await sessions.byId(db(), id)).kinds[0].key] });
			await ok(minutetaker, { type: 'session.details', details: { chair: 'Ir. Hendra' } });
			await ok(facilitator, { type: 'voting.settings', revealed: true });
			await ok(facilitator, { type: 'projector.spotlight', target: null });

			// Refused: nothing written, the log unchanged.
			const before = await lastSeq(db(), id);
			expect((await send(store(), minutetaker, { type: 'phase.set', phase: 'discussion' })).result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
			expect((await send(store(), facilitator, { type: 'timer.resume' })).result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
			expect((await send(store(), facilitator, { type: 'projector.spotlight', target: { kind: 'item', id: 'none' } })).result).toMatchObject({
				ok: false,
				error: { code: 'not_found' }
			});
			expect(await lastSeq(db(), id)).toBe(before);

			const closed = await ok(facilitator, { type: 'session.close' });
			expect(closed.result).toMatchObject({ seq: before + 2 });
			expect((await send(store(), facilitator, { type: 'timer.clear' })).result).toMatchObject({ ok: false, error: { code: 'session_closed' } });
			const view = sessions.toView(await sessions.byId(db(), id));
			expect(view).toMatchObject({ status: 'closed', phase: 'closed', allowAnonymous: false, preModeration: true, details: { chair: 'Ir. Hendra' } });
			expect(view.voting.revealed).toBe(true);
			const all = await recordsSince(db(), id, 0, 100);
			expect(all.map((r) => r.seq)).toEqual(Array.from({ length: before + 2 }, (_, i) => i + 1));
			expect((await recordsOfType(db(), id, 'phase.changed')).map((r) => r.event.phase)).toEqual(['writing', 'voting', 'closed']);
		});

		it('takes the spotlight down when its post is no longer visible', async () => {
			const { id } = await sessions.create(db(), input());
			await db()
				.insertInto('participants')
				.values({ id: 'p1', session_id: id, token_hash: 't', name: 'Siti', stakeholder_group: 'warga', consent_at: 'now', consent_version: '1', joined_at: 'now' })
				.execute();
			await db()
				.insertInto('items')
				.values({ id: 'i1', session_id: id, kind: 'constraint', text: 'Modal', author_id: 'p1', created_at: 'now', updated_at: 'now', deleted_at: null, theme_id: null, merged_into: null, hidden_reason: null })
				.execute();
			await write(async (trx) => sessions.setSpotlight(trx, await sessions.byId(trx, id), { kind: 'item', id: 'i1' }));
			expect(await write(async (trx) => spotlight.followUp(trx, await sessions.byId(trx, id)))).toEqual([]);
			await db().updateTable('items').set({ status: 'hidden' }).where('id', '=', 'i1').execute();
			const taken = await write(async (trx) => spotlight.followUp(trx, await sessions.byId(trx, id)));
			expect(taken.map((r) => r.event)).toEqual([{ type: 'spotlight.changed', spotlight: null }]);
			expect((await sessions.byId(db(), id)).spotlight).toBeNull();
		});
	});
});

describe('reads inside a transaction', () => {
	forEachEngine(({ store }) => {
		it('give what the store gives once it is committed', async () => {
			const db = store().db;
			const created = await sessions.create(db, input({ sample: true }));
			expect(created.code).toMatch(new RegExp(`^[${JOIN_CODE_ALPHABET}]{6}$`));
			const inside = await db.transaction().execute(async (trx) => {
				await clock.setSample(trx, created.id, new Date('2025-10-24T10:00:00Z'));
				await sessions.setPhase(trx, await sessions.byId(trx, created.id), 'writing');
				await sessions.setTimer(trx, await sessions.byId(trx, created.id), { endsAt: null, remainingMs: 5000, lockOnEnd: false });
				return {
					row: await sessions.byId(trx, created.id),
					byCode: await sessions.byCode(trx, created.code),
					unknown: await sessions.byCode(trx, 'ZZZZZZ'),
					lastSeq: await lastSeq(trx, created.id),
					since: await recordsSince(trx, created.id, 0, 10),
					timers: await recordsOfType(trx, created.id, 'timer.changed')
				};
			});
			expect(inside.row).toEqual(await sessions.byId(db, created.id));
			expect(inside.byCode).toEqual(await sessions.byCode(db, created.code));
			expect(inside.unknown).toBeUndefined();
			expect(inside.lastSeq).toBe(2);
			expect(inside.since).toEqual(await recordsSince(db, created.id, 0, 10));
			expect(inside.timers).toEqual(await recordsOfType(db, created.id, 'timer.changed'));
			expect(inside.timers).toHaveLength(1);
			expect(Math.abs(Date.parse(await clock.now(db, created.id)) - Date.parse('2025-10-24T10:00:00Z'))).toBeLessThan(10_000);
		});
	});
});

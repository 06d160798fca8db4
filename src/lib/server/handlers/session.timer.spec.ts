/** The countdown: every figure is computed from the server's clock, here a fake one. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { remainingMs } from '../../domain/phases';
import type { Database } from '../db/store';
import { addItem, dumpTables, must, send, setPhase, type TestParticipant, type TestSession, viewOf } from '$lib/testing/server';
import { sessionWith } from '$lib/testing/stores';

const T0 = Date.parse('2025-10-24T01:00:00.000Z');
const at = (ms: number) => new Date(T0 + ms).toISOString();
const after = (ms: number) => vi.setSystemTime(T0 + ms);

let db: Database;
let session: TestSession;
let siti: TestParticipant;

beforeEach(async () => {
	vi.useFakeTimers({ toFake: ['Date'] });
	vi.setSystemTime(T0);
	({ db, session, people: [siti] } = await sessionWith(['Siti']));
});

afterEach(() => {
	vi.useRealTimers();
});

const timer = async () => (await viewOf(db, session)).timer;
const run = async (command: unknown) => await must(db, session.facilitator, command);

async function expectRefused(command: unknown, code: string) {
	const before = await dumpTables(db);
	expect((await send(db, session.facilitator, command)).result).toMatchObject({ ok: false, error: { code } });
	expect(await dumpTables(db)).toEqual(before);
}

describe('the countdown', () => {
	it('starts cleared', async () => {
		expect(await timer()).toEqual({ endsAt: null, remainingMs: null, lockOnEnd: false });
	});

	it('start sets the end from the server time and logs it', async () => {
		const { records } = await run({ type: 'timer.start', seconds: 300, lockOnEnd: true });
		const expected = { endsAt: at(300_000), remainingMs: null, lockOnEnd: true };
		expect(await timer()).toEqual(expected);
		expect(records[0].event).toEqual({ type: 'timer.changed', timer: expected });
		after(120_000);
		expect(remainingMs(await timer(), Date.now())).toBe(180_000);
	});

	it('pause keeps what was left, and time spent paused does not count', async () => {
		await run({ type: 'timer.start', seconds: 300 });
		after(100_000);
		await run({ type: 'timer.pause' });
		expect(await timer()).toEqual({ endsAt: null, remainingMs: 200_000, lockOnEnd: false });
		after(1_000_000);
		expect(remainingMs(await timer(), Date.now())).toBe(200_000);
		await run({ type: 'timer.resume' });
		expect(await timer()).toEqual({ endsAt: at(1_200_000), remainingMs: null, lockOnEnd: false });
	});

	it('pause and resume keep lockOnEnd', async () => {
		await run({ type: 'timer.start', seconds: 60, lockOnEnd: true });
		await run({ type: 'timer.pause' });
		expect((await timer()).lockOnEnd).toBe(true);
		await run({ type: 'timer.resume' });
		expect((await timer()).lockOnEnd).toBe(true);
	});

	it('extend adds to a running countdown', async () => {
		await run({ type: 'timer.start', seconds: 60 });
		after(10_000);
		await run({ type: 'timer.extend', seconds: 120 });
		expect((await timer()).endsAt).toBe(at(180_000));
		await run({ type: 'timer.extend', seconds: -30 });
		expect((await timer()).endsAt).toBe(at(150_000));
	});

	it('extend after the end counts from now, not from the past end', async () => {
		await run({ type: 'timer.start', seconds: 60 });
		after(500_000);
		await run({ type: 'timer.extend', seconds: 60 });
		expect((await timer()).endsAt).toBe(at(560_000));
	});

	it('extend adds to a paused countdown, never below zero', async () => {
		await run({ type: 'timer.start', seconds: 60 });
		await run({ type: 'timer.pause' });
		await run({ type: 'timer.extend', seconds: 30 });
		expect(await timer()).toMatchObject({ endsAt: null, remainingMs: 90_000 });
		await run({ type: 'timer.extend', seconds: -600 });
		expect(await timer()).toMatchObject({ endsAt: null, remainingMs: 0 });
	});

	it('clear resets everything, lockOnEnd included', async () => {
		await run({ type: 'timer.start', seconds: 60, lockOnEnd: true });
		await run({ type: 'timer.clear' });
		expect(await timer()).toEqual({ endsAt: null, remainingMs: null, lockOnEnd: false });
	});

	it('refuses pausing what is not running, resuming what is not paused, extending nothing', async () => {
		await expectRefused({ type: 'timer.pause' }, 'invalid_input');
		await expectRefused({ type: 'timer.resume' }, 'invalid_input');
		await expectRefused({ type: 'timer.extend', seconds: 60 }, 'invalid_input');
		await run({ type: 'timer.start', seconds: 60 });
		await expectRefused({ type: 'timer.resume' }, 'invalid_input');
		await run({ type: 'timer.pause' });
		await expectRefused({ type: 'timer.pause' }, 'invalid_input');
	});

	it('is the facilitator’s alone', async () => {
		for (const who of [siti.identity, session.minutetaker, session.presenter])
			expect((await send(db, who, { type: 'timer.start', seconds: 60 })).result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
	});
});

describe('lockOnEnd', () => {
	beforeEach(async () => await setPhase(db, session, 'writing'));

	const add = async (text: string) => await send(db, siti.identity, { type: 'item.add', kind: 'kendala', text });

	it('refuses item.add with phase_closed once the countdown has ended', async () => {
		await run({ type: 'timer.start', seconds: 60, lockOnEnd: true });
		after(59_999);
		expect((await add('tepat waktu')).result.ok).toBe(true);
		after(60_000);
		const before = await dumpTables(db);
		expect((await add('terlambat')).result).toMatchObject({ ok: false, error: { code: 'phase_closed' } });
		expect(await dumpTables(db)).toEqual(before);
	});

	it('still lets authors edit what they wrote in time', async () => {
		await run({ type: 'timer.start', seconds: 60, lockOnEnd: true });
		const itemId = await addItem(db, siti.identity, 'Draf');
		after(120_000);
		expect((await send(db, siti.identity, { type: 'item.edit', itemId, text: 'Final' })).result.ok).toBe(true);
	});

	it('opens again when the facilitator extends or clears the countdown', async () => {
		await run({ type: 'timer.start', seconds: 60, lockOnEnd: true });
		after(90_000);
		expect((await add('terlambat')).result.ok).toBe(false);
		await run({ type: 'timer.extend', seconds: 60 });
		expect((await add('diberi waktu')).result.ok).toBe(true);
		after(200_000);
		expect((await add('terlambat lagi')).result.ok).toBe(false);
		await run({ type: 'timer.clear' });
		expect((await add('tanpa batas')).result.ok).toBe(true);
	});

	it('does not lock while paused, nor without lockOnEnd', async () => {
		await run({ type: 'timer.start', seconds: 60, lockOnEnd: true });
		await run({ type: 'timer.pause' });
		after(600_000);
		expect((await add('saat jeda')).result.ok).toBe(true);
		await run({ type: 'timer.start', seconds: 60, lockOnEnd: false });
		after(1_200_000);
		expect((await add('tanpa kunci')).result.ok).toBe(true);
	});
});

describe('the countdown and the phases', () => {
	it('is cleared when the facilitator moves on, so its lock does not follow into the next phase', async () => {
		await setPhase(db, session, 'writing');
		await run({ type: 'timer.start', seconds: 60, lockOnEnd: true });
		after(61_000);
		expect((await send(db, siti.identity, { type: 'item.add', kind: 'kendala', text: 'Terlambat' })).result).toMatchObject({
			ok: false,
			error: { code: 'phase_closed' }
		});
		await setPhase(db, session, 'discussion');
		expect(await timer()).toEqual({ endsAt: null, remainingMs: null, lockOnEnd: false });
		expect((await send(db, siti.identity, { type: 'item.add', kind: 'kendala', text: 'Masih bisa di diskusi' })).result).toMatchObject({ ok: true });
	});

	it('refuses to pause a countdown that has already ended (its lock stays)', async () => {
		await run({ type: 'timer.start', seconds: 30, lockOnEnd: true });
		after(31_000);
		await expectRefused({ type: 'timer.pause' }, 'invalid_input');
	});
});

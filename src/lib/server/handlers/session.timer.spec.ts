/** The countdown: every figure is computed from the server's clock, here a fake one. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { remainingMs } from '../../domain/phases';
import type { Db } from '../db/database';
import { addItem, dumpTables, must, send, sessionWith, setPhase, type TestParticipant, type TestSession, viewOf } from '$lib/testing/server';

const T0 = Date.parse('2025-10-24T01:00:00.000Z');
const at = (ms: number) => new Date(T0 + ms).toISOString();
const after = (ms: number) => vi.setSystemTime(T0 + ms);

let db: Db;
let session: TestSession;
let siti: TestParticipant;

beforeEach(() => {
	vi.useFakeTimers({ toFake: ['Date'] });
	vi.setSystemTime(T0);
	({ db, session, people: [siti] } = sessionWith(['Siti']));
});

afterEach(() => {
	vi.useRealTimers();
});

const timer = () => viewOf(db, session).timer;
const run = (command: unknown) => must(db, session.facilitator, command);

function expectRefused(command: unknown, code: string) {
	const before = dumpTables(db);
	expect(send(db, session.facilitator, command).result).toMatchObject({ ok: false, error: { code } });
	expect(dumpTables(db)).toEqual(before);
}

describe('the countdown', () => {
	it('starts cleared', () => {
		expect(timer()).toEqual({ endsAt: null, remainingMs: null, lockOnEnd: false });
	});

	it('start sets the end from the server time and logs it', () => {
		const { records } = run({ type: 'timer.start', seconds: 300, lockOnEnd: true });
		const expected = { endsAt: at(300_000), remainingMs: null, lockOnEnd: true };
		expect(timer()).toEqual(expected);
		expect(records[0].event).toEqual({ type: 'timer.changed', timer: expected });
		after(120_000);
		expect(remainingMs(timer(), Date.now())).toBe(180_000);
	});

	it('pause keeps what was left, and time spent paused does not count', () => {
		run({ type: 'timer.start', seconds: 300 });
		after(100_000);
		run({ type: 'timer.pause' });
		expect(timer()).toEqual({ endsAt: null, remainingMs: 200_000, lockOnEnd: false });
		after(1_000_000);
		expect(remainingMs(timer(), Date.now())).toBe(200_000);
		run({ type: 'timer.resume' });
		expect(timer()).toEqual({ endsAt: at(1_200_000), remainingMs: null, lockOnEnd: false });
	});

	it('pause and resume keep lockOnEnd', () => {
		run({ type: 'timer.start', seconds: 60, lockOnEnd: true });
		run({ type: 'timer.pause' });
		expect(timer().lockOnEnd).toBe(true);
		run({ type: 'timer.resume' });
		expect(timer().lockOnEnd).toBe(true);
	});

	it('extend adds to a running countdown', () => {
		run({ type: 'timer.start', seconds: 60 });
		after(10_000);
		run({ type: 'timer.extend', seconds: 120 });
		expect(timer().endsAt).toBe(at(180_000));
		run({ type: 'timer.extend', seconds: -30 });
		expect(timer().endsAt).toBe(at(150_000));
	});

	it('extend after the end counts from now, not from the past end', () => {
		run({ type: 'timer.start', seconds: 60 });
		after(500_000);
		run({ type: 'timer.extend', seconds: 60 });
		expect(timer().endsAt).toBe(at(560_000));
	});

	it('extend adds to a paused countdown, never below zero', () => {
		run({ type: 'timer.start', seconds: 60 });
		run({ type: 'timer.pause' });
		run({ type: 'timer.extend', seconds: 30 });
		expect(timer()).toMatchObject({ endsAt: null, remainingMs: 90_000 });
		run({ type: 'timer.extend', seconds: -600 });
		expect(timer()).toMatchObject({ endsAt: null, remainingMs: 0 });
	});

	it('clear resets everything, lockOnEnd included', () => {
		run({ type: 'timer.start', seconds: 60, lockOnEnd: true });
		run({ type: 'timer.clear' });
		expect(timer()).toEqual({ endsAt: null, remainingMs: null, lockOnEnd: false });
	});

	it('refuses pausing what is not running, resuming what is not paused, extending nothing', () => {
		expectRefused({ type: 'timer.pause' }, 'invalid_input');
		expectRefused({ type: 'timer.resume' }, 'invalid_input');
		expectRefused({ type: 'timer.extend', seconds: 60 }, 'invalid_input');
		run({ type: 'timer.start', seconds: 60 });
		expectRefused({ type: 'timer.resume' }, 'invalid_input');
		run({ type: 'timer.pause' });
		expectRefused({ type: 'timer.pause' }, 'invalid_input');
	});

	it('is the facilitator’s alone', () => {
		for (const who of [siti.identity, session.minutetaker, session.presenter])
			expect(send(db, who, { type: 'timer.start', seconds: 60 }).result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
	});
});

describe('lockOnEnd', () => {
	beforeEach(() => setPhase(db, session, 'writing'));

	const add = (text: string) => send(db, siti.identity, { type: 'item.add', kind: 'kendala', text });

	it('refuses item.add with phase_closed once the countdown has ended', () => {
		run({ type: 'timer.start', seconds: 60, lockOnEnd: true });
		after(59_999);
		expect(add('tepat waktu').result.ok).toBe(true);
		after(60_000);
		const before = dumpTables(db);
		expect(add('terlambat').result).toMatchObject({ ok: false, error: { code: 'phase_closed' } });
		expect(dumpTables(db)).toEqual(before);
	});

	it('still lets authors edit what they wrote in time', () => {
		run({ type: 'timer.start', seconds: 60, lockOnEnd: true });
		const itemId = addItem(db, siti.identity, 'Draf');
		after(120_000);
		expect(send(db, siti.identity, { type: 'item.edit', itemId, text: 'Final' }).result.ok).toBe(true);
	});

	it('opens again when the facilitator extends or clears the countdown', () => {
		run({ type: 'timer.start', seconds: 60, lockOnEnd: true });
		after(90_000);
		expect(add('terlambat').result.ok).toBe(false);
		run({ type: 'timer.extend', seconds: 60 });
		expect(add('diberi waktu').result.ok).toBe(true);
		after(200_000);
		expect(add('terlambat lagi').result.ok).toBe(false);
		run({ type: 'timer.clear' });
		expect(add('tanpa batas').result.ok).toBe(true);
	});

	it('does not lock while paused, nor without lockOnEnd', () => {
		run({ type: 'timer.start', seconds: 60, lockOnEnd: true });
		run({ type: 'timer.pause' });
		after(600_000);
		expect(add('saat jeda').result.ok).toBe(true);
		run({ type: 'timer.start', seconds: 60, lockOnEnd: false });
		after(1_200_000);
		expect(add('tanpa kunci').result.ok).toBe(true);
	});
});

describe('the countdown and the phases', () => {
	it('is cleared when the facilitator moves on, so its lock does not follow into the next phase', () => {
		setPhase(db, session, 'writing');
		run({ type: 'timer.start', seconds: 60, lockOnEnd: true });
		after(61_000);
		expect(send(db, siti.identity, { type: 'item.add', kind: 'kendala', text: 'Terlambat' }).result).toMatchObject({
			ok: false,
			error: { code: 'phase_closed' }
		});
		setPhase(db, session, 'discussion');
		expect(timer()).toEqual({ endsAt: null, remainingMs: null, lockOnEnd: false });
		expect(send(db, siti.identity, { type: 'item.add', kind: 'kendala', text: 'Masih bisa di diskusi' }).result).toMatchObject({ ok: true });
	});

	it('refuses to pause a countdown that has already ended (its lock stays)', () => {
		run({ type: 'timer.start', seconds: 30, lockOnEnd: true });
		after(31_000);
		expectRefused({ type: 'timer.pause' }, 'invalid_input');
	});
});

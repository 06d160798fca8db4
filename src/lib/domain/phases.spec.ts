import { describe, expect, it } from 'vitest';
import { DEFAULT_KINDS } from './defaults';
import { accepts, defaultPhaseKinds, mayMove, remainingMs, resolvePhaseKinds, timerEnded } from './phases';
import { PHASES, type Phase, type Timer } from './types';

const ALL = ['kendala', 'peluang', 'rekomendasi'];
const T0 = Date.parse('2025-10-24T01:00:00.000Z');
const at = (ms: number) => new Date(T0 + ms).toISOString();
const cleared: Timer = { endsAt: null, remainingMs: null, lockOnEnd: false };

describe('defaultPhaseKinds and resolvePhaseKinds', () => {
	it('open the lobby, writing, reveal and discussion to every kind, and nothing else', () => {
		const resolved = resolvePhaseKinds(DEFAULT_KINDS, {});
		expect(resolved).toEqual(defaultPhaseKinds(DEFAULT_KINDS));
		expect(Object.keys(resolved)).toEqual([...PHASES]);
		const open = PHASES.filter((p) => resolved[p].length > 0);
		expect(open).toEqual(['lobby', 'writing', 'reveal', 'discussion']);
		for (const p of open) expect(resolved[p]).toEqual(ALL);
	});

	it('lets a stored override replace one phase and leaves the others at their defaults', () => {
		const resolved = resolvePhaseKinds(DEFAULT_KINDS, { writing: ['kendala'], voting: ['rekomendasi'] });
		expect(resolved.writing).toEqual(['kendala']);
		expect(resolved.voting).toEqual(['rekomendasi']);
		expect(resolved.lobby).toEqual(ALL);
		expect(resolved.grouping).toEqual([]);
	});

	it('lets an override close a phase that is open by default', () => {
		expect(resolvePhaseKinds(DEFAULT_KINDS, { discussion: [] }).discussion).toEqual([]);
	});

	it('drops kinds that no longer exist', () => {
		const kinds = [{ key: 'isu', label: 'Isu' }];
		const resolved = resolvePhaseKinds(kinds, { writing: ['kendala', 'isu'], reveal: ['peluang'] });
		expect(resolved.writing).toEqual(['isu']);
		expect(resolved.reveal).toEqual([]);
		expect(resolved.lobby).toEqual(['isu']);
	});
});

describe('mayMove', () => {
	it('allows any phase to follow any other, forwards and back', () => {
		expect(mayMove('lobby', 'writing')).toBe(true);
		expect(mayMove('lobby', 'action')).toBe(true);
		expect(mayMove('voting', 'writing')).toBe(true);
		expect(mayMove('discussion', 'closed')).toBe(true);
	});

	it('refuses staying in the same phase', () => {
		for (const p of PHASES) expect(mayMove(p, p), p).toBe(false);
	});

	it('treats closed as final', () => {
		for (const p of PHASES) expect(mayMove('closed', p), p).toBe(false);
	});

	it('refuses a phase that does not exist', () => {
		expect(mayMove('lobby', 'brainstorm' as Phase)).toBe(false);
	});
});

describe('timerEnded and remainingMs', () => {
	const running: Timer = { endsAt: at(60_000), remainingMs: null, lockOnEnd: true };

	it('count down a running timer and stop at zero', () => {
		expect(remainingMs(running, T0)).toBe(60_000);
		expect(remainingMs(running, T0 + 45_500)).toBe(14_500);
		expect(remainingMs(running, T0 + 90_000)).toBe(0);
	});

	it('end exactly at endsAt, not before', () => {
		expect(timerEnded(running, T0 + 59_999)).toBe(false);
		expect(timerEnded(running, T0 + 60_000)).toBe(true);
	});

	it('hold a paused timer still, whatever the time', () => {
		const paused: Timer = { endsAt: null, remainingMs: 12_000, lockOnEnd: true };
		expect(remainingMs(paused, T0)).toBe(12_000);
		expect(remainingMs(paused, T0 + 3_600_000)).toBe(12_000);
		expect(timerEnded(paused, T0 + 3_600_000)).toBe(false);
	});

	it('report a cleared timer as null and never ended', () => {
		expect(remainingMs(cleared, T0)).toBeNull();
		expect(timerEnded(cleared, T0)).toBe(false);
	});
});

describe('accepts', () => {
	const base = { phase: 'writing' as Phase, phaseKinds: resolvePhaseKinds(DEFAULT_KINDS, { writing: ['kendala'] }), timer: cleared };

	it('accepts only the kinds the current phase lists', () => {
		expect(accepts(base, 'kendala', T0)).toBe(true);
		expect(accepts(base, 'peluang', T0)).toBe(false);
		expect(accepts({ ...base, phase: 'grouping' }, 'kendala', T0)).toBe(false);
		expect(accepts({ ...base, phase: 'lobby' }, 'peluang', T0)).toBe(true);
	});

	it('stops accepting when a lockOnEnd countdown has ended', () => {
		const session = { ...base, timer: { endsAt: at(60_000), remainingMs: null, lockOnEnd: true } };
		expect(accepts(session, 'kendala', T0 + 59_999)).toBe(true);
		expect(accepts(session, 'kendala', T0 + 60_000)).toBe(false);
	});

	it('keeps accepting after a countdown without lockOnEnd', () => {
		const session = { ...base, timer: { endsAt: at(60_000), remainingMs: null, lockOnEnd: false } };
		expect(accepts(session, 'kendala', T0 + 600_000)).toBe(true);
	});

	it('does not open a kind the phase does not list, even before the end', () => {
		const session = { ...base, timer: { endsAt: at(60_000), remainingMs: null, lockOnEnd: true } };
		expect(accepts(session, 'peluang', T0)).toBe(false);
	});
});

/** The limits hold by default; only RATE_LIMITS=off, the benchmarks' switch, lifts them. */
import { afterEach, describe, expect, it, vi } from 'vitest';

afterEach(() => {
	vi.unstubAllEnvs();
	vi.resetModules();
	vi.restoreAllMocks();
});

/** A fresh copy of the module, reading the environment as a starting server would. */
async function load(value: string | undefined) {
	vi.resetModules();
	vi.stubEnv('RATE_LIMITS', value);
	vi.spyOn(console, 'warn').mockImplementation(() => {});
	return import('./ratelimit');
}

describe('rate limits', () => {
	it.each([undefined, '', 'on', 'OFF', '0', 'false'])('hold when RATE_LIMITS is %s', async (value) => {
		const { allow, isBlocked, limits } = await load(value);
		const socket = `socket-${value ?? 'unset'}`;
		for (let i = 0; i < limits.command.points; i++) expect(await allow('command', socket)).toBe(true);
		expect(await allow('command', socket)).toBe(false);
		expect(await isBlocked('command', socket)).toBe(true);
		expect(console.warn).not.toHaveBeenCalled();
	});

	it('are lifted by RATE_LIMITS=off, with a warning at start', async () => {
		const { allow, isBlocked, limits } = await load('off');
		expect(console.warn).toHaveBeenCalledWith(expect.stringContaining('RATE_LIMITS=off'));
		for (let i = 0; i < limits.create.points * 5; i++) expect(await allow('create', '192.0.2.1')).toBe(true);
		expect(await isBlocked('create', '192.0.2.1')).toBe(false);
	});

	it('are one set per process, however many copies of the module are loaded', async () => {
		const first = await load(undefined);
		const second = await load(undefined);
		expect(second.limits).toBe(first.limits);
		for (let i = 0; i < first.limits.create.points; i++) await first.allow('create', '192.0.2.77');
		expect(await second.isBlocked('create', '192.0.2.77')).toBe(true);
	});
});

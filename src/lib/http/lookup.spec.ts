import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { closeContext, getContext } from '../server/context';
import { GUESSING } from '../server/guessing';
import { inTransaction, type TestSession } from '$lib/testing/server';
import { sessionInContext } from '$lib/testing/stores';
import { HttpProblem } from './endpoint.server';
import { findSession, findSessionOrSayReplaced, requireFacilitator } from './lookup.server';
import * as room from '../server/room';
import * as sessions from '../server/sessions';

let session: TestSession;
let addressCounter = 0;
const freshAddress = () => `203.0.113.${++addressCounter}`;

beforeAll(async () => {
	session = await sessionInContext();
});

afterAll(async () => {
	await closeContext();
	delete process.env.DATABASE_PATH;
});

const event = (code: string | undefined, address: string, authorization?: string) => ({
	params: { code },
	getClientAddress: () => address,
	request: new Request('http://rembuk.test/', { headers: authorization ? { authorization } : {} })
});

async function problemOf(run: () => Promise<unknown>): Promise<HttpProblem> {
	try {
		await run();
	} catch (error) {
		if (error instanceof HttpProblem) return error;
		throw error;
	}
	throw new Error('no problem was raised');
}

describe('findSession', () => {
	it('finds a session by its code, however it was typed', async () => {
		const typed = ` ${session.row.code.toLowerCase()} `;
		expect((await findSession(event(typed, freshAddress()))).id).toBe(session.row.id);
	});

	it('answers 404 for unknown and malformed codes', async () => {
		const address = freshAddress();
		for (const code of ['AAAAAA', 'nope', undefined]) {
			expect(await problemOf(() => findSession(event(code, address)))).toMatchObject({ status: 404, code: 'not_found' });
		}
	});

	it('slows an address that guessed too many codes, but not its bearer of a key, nor other addresses', async () => {
		vi.useFakeTimers({ toFake: ['setTimeout', 'Date'] });
		const address = freshAddress();
		for (let i = 0; i < GUESSING.freeMisses; i++) await problemOf(() => findSession(event('AAAAAA', address)));
		const answer = (p: Promise<unknown>) => p.then(() => 'found', (e: HttpProblem) => `${e.status} ${e.message}`);
		const burst = Array.from({ length: 8 }, () => answer(findSession(event(session.row.code, address))));
		const withKey = event(session.row.code, address, `Bearer ${session.facilitatorKey}`);
		expect((await findSession(withKey)).id).toBe(session.row.id);
		expect((await findSession(event(session.row.code, freshAddress()))).id).toBe(session.row.id);
		await vi.advanceTimersByTimeAsync(60_000);
		const answers = await Promise.all(burst);
		expect(answers).toContain('found');
		expect(answers.some((a) => /^429 .*try again in \d+ s/.test(a))).toBe(true);
		vi.useRealTimers();
	});
});

describe('a replaced code', () => {
	it('joins nobody and says it was replaced, but still opens the session with a key', async () => {
		const own = await sessionInContext();
		const db = getContext().store.db;
		await inTransaction(db, async (trx) => room.newCode(trx, await sessions.byId(trx, own.row.id)));
		const old = own.row.code;
		expect(await problemOf(() => findSessionOrSayReplaced(event(old, freshAddress())))).toMatchObject({ status: 410, code: 'code_changed' });
		const withKey = event(old, freshAddress(), `Bearer ${own.facilitatorKey}`);
		expect((await findSession(withKey)).id).toBe(own.row.id);
		// A staff page opens at it, without learning the new code.
		const page = await findSession(event(old, freshAddress()), { formerCodes: true });
		expect(page).toMatchObject({ id: own.row.id, code: old });
	});
});

describe('requireFacilitator', () => {
	const check = (authorization: string | undefined, address = freshAddress()) =>
		requireFacilitator(event(session.row.code, address, authorization), session.row);

	it('accepts the facilitator key as a bearer token', async () => {
		await expect(check(`Bearer ${session.facilitatorKey}`)).resolves.toEqual({ accountId: null });
		await expect(check(`bearer ${session.facilitatorKey}`)).resolves.toEqual({ accountId: null });
	});

	it('answers 401 without a bearer token', async () => {
		for (const header of [undefined, `Basic ${session.facilitatorKey}`, 'Bearer ', `Bearer a b`]) {
			expect(await problemOf(() => check(header)), String(header)).toMatchObject({ status: 401, code: 'unauthenticated' });
		}
	});

	it('answers 403 for a wrong key, and counts it as a wrong secret', async () => {
		const address = freshAddress();
		expect(await problemOf(() => check('Bearer kunci-salah', address))).toMatchObject({ status: 403, code: 'forbidden' });
		// Counted: the address has one free miss fewer, so its last free one is followed by a wait.
		for (let i = 1; i < GUESSING.freeMisses; i++) await problemOf(() => check('Bearer kunci-salah', address));
		const started = Date.now();
		await expect(check(`Bearer ${session.facilitatorKey}`, address)).resolves.toEqual({ accountId: null });
		expect(Date.now() - started).toBeLessThan(1000);
	});
});

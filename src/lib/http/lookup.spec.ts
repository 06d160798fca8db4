import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeContext } from '../server/context';
import { limits } from '../server/ratelimit';
import { sessionInContext, type TestSession } from '$lib/testing/server';
import { HttpProblem } from './endpoint.server';
import { findSession, requireFacilitator } from './lookup.server';

let session: TestSession;
let addressCounter = 0;
const freshAddress = () => `203.0.113.${++addressCounter}`;

beforeAll(() => {
	session = sessionInContext();
});

afterAll(() => {
	closeContext();
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

	it('blocks an address that guessed too many codes, even for a right code', async () => {
		const address = freshAddress();
		for (let i = 0; i < limits.badSecret.points; i++) await problemOf(() => findSession(event('AAAAAA', address)));
		const blocked = await problemOf(() => findSession(event(session.row.code, address)));
		expect(blocked).toMatchObject({ status: 429, code: 'rate_limited' });
		expect((await findSession(event(session.row.code, freshAddress()))).id).toBe(session.row.id);
	});
});

describe('requireFacilitator', () => {
	const check = (authorization: string | undefined, address = freshAddress()) =>
		requireFacilitator(event(session.row.code, address, authorization), session.row);

	it('accepts the facilitator key as a bearer token', async () => {
		await expect(check(`Bearer ${session.facilitatorKey}`)).resolves.toBeUndefined();
		await expect(check(`bearer ${session.facilitatorKey}`)).resolves.toBeUndefined();
	});

	it('answers 401 without a bearer token', async () => {
		for (const header of [undefined, `Basic ${session.facilitatorKey}`, 'Bearer ', `Bearer a b`]) {
			expect(await problemOf(() => check(header)), String(header)).toMatchObject({ status: 401, code: 'unauthenticated' });
		}
	});

	it('answers 403 for a wrong key, and counts it as a wrong secret', async () => {
		const address = freshAddress();
		expect(await problemOf(() => check('Bearer kunci-salah', address))).toMatchObject({ status: 403, code: 'forbidden' });
		const res = await limits.badSecret.get(address);
		expect(res?.consumedPoints).toBe(1);
	});
});

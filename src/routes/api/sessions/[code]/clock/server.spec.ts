import { beforeAll, describe, expect, it } from 'vitest';
import { getContext } from '$lib/server/context';
import * as sessions from '$lib/server/sessions';
import { createSessionSchema } from '$lib/realtime/schemas';
import { testContext } from '$lib/testing/stores';
import { PUT } from './+server';

const sample = { code: '', key: '' };
const real = { code: '', key: '' };

beforeAll(async () => {
	await testContext();
	const create = (extra: object) => sessions.create(getContext().store.db, createSessionSchema.parse({ title: 'FGD', startsAt: '2025-10-24T09:00', ...extra }));
	({ code: sample.code, facilitatorKey: sample.key } = await create({ sample: true }));
	({ code: real.code, facilitatorKey: real.key } = await create({}));
});

function put(session: { code: string; key: string }, body: unknown, authorization: string | null = `Bearer ${session.key}`) {
	const url = new URL(`http://rembuk.test/api/sessions/${session.code}/clock`);
	const headers: Record<string, string> = { 'content-type': 'application/json' };
	if (authorization) headers.authorization = authorization;
	const request = new Request(url, { method: 'PUT', headers, body: JSON.stringify(body) });
	return PUT({ params: { code: session.code }, url, request, getClientAddress: () => '192.0.2.7' } as unknown as Parameters<typeof PUT>[0]);
}

const errorCode = async (response: Response) => ((await response.json()) as { error: { code: string } }).error.code;

describe('PUT /api/sessions/[code]/clock', () => {
	it("sets a sample session's clock for its facilitator", async () => {
		expect((await put(sample, { at: '2025-10-24T08:30:00+08:00' })).status).toBe(204);
		const row = (await sessions.byCode(getContext().store.db, sample.code))!;
		expect(row.sample_clock_offset_ms).toBeLessThan(0);
	});

	it('refuses a real session: its times are the server’s own', async () => {
		const response = await put(real, { at: '2025-10-24T08:30:00+08:00' });
		expect(response.status).toBe(403);
		expect(await errorCode(response)).toBe('forbidden');
		expect((await sessions.byCode(getContext().store.db, real.code))!.sample_clock_offset_ms).toBeNull();
	});

	it.each([{}, { at: '2025-10-24 08:30' }, { at: '2025-10-24T08:30:00' }])('refuses %j with 400', async (body) => {
		const response = await put(sample, body);
		expect(response.status).toBe(400);
		expect(await errorCode(response)).toBe('invalid_input');
	});

	it('asks for the facilitator key', async () => {
		expect((await put(sample, { at: '2025-10-24T08:30:00+08:00' }, null)).status).toBe(401);
		expect((await put(sample, { at: '2025-10-24T08:30:00+08:00' }, 'Bearer nope')).status).toBe(403);
	});
});

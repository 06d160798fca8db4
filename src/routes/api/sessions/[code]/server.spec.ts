import { beforeAll, describe, expect, it } from 'vitest';
import { getContext } from '$lib/server/context';
import * as sessions from '$lib/server/sessions';
import { createSessionSchema } from '$lib/realtime/schemas';
import { testContext } from '$lib/testing/stores';
import { GET } from './+server';

const NIP = '19750312 200003 1 004';
let code = '';

beforeAll(async () => {
	const db = (await testContext()).store.db;
	const created = await sessions.create(db, createSessionSchema.parse({ title: 'FGD Uji', startsAt: '2025-10-24T09:00', venue: 'Aula' }));
	code = created.code;
	const row = (await sessions.byCode(db, code))!;
	const details = { chair: 'Ir. Hendra', chairNip: NIP, conclusions: 'Draf kesimpulan', letterhead: { phone: '(0541) 661234' } };
	await db.transaction().execute((trx) => sessions.setDetails(trx, row, 'facilitator', details));
});

function get(sessionCode = code) {
	const url = new URL(`http://rembuk.test/api/sessions/${sessionCode}`);
	const event = { params: { code: sessionCode }, url, request: new Request(url), getClientAddress: () => '192.0.2.1' };
	return GET(event as unknown as Parameters<typeof GET>[0]);
}

describe('GET /api/sessions/[code]', () => {
	it('gives anyone with the code what the room needs, and none of the minutes details', async () => {
		const response = await get();
		expect(response.status).toBe(200);
		const body = await response.json();
		expect(body).toMatchObject({ code, title: 'FGD Uji', startsAt: '2025-10-24T09:00', venue: 'Aula', phase: 'lobby' });
		expect(body).not.toHaveProperty('details');
		const text = JSON.stringify(body);
		for (const secret of [NIP, 'Ir. Hendra', 'Draf kesimpulan', '(0541) 661234']) expect(text).not.toContain(secret);
	});

	it('answers 404 for an unknown code', async () => {
		expect((await get('XXXXXX')).status).toBe(404);
	});
});

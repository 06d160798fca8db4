import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { getContext } from '$lib/server/context';
import * as sessions from '$lib/server/sessions';
import { createSessionSchema } from '$lib/realtime/schemas';
import { testContext } from '$lib/testing/stores';
import { POST } from './+server';

let code = '';
let sessionId = '';
const publish = vi.fn();

beforeAll(async () => {
	const created = await sessions.create((await testContext()).store.db, createSessionSchema.parse({ title: 'FGD Gabung', startsAt: '2025-10-24T09:00' }));
	({ code, id: sessionId } = created);
	getContext().publish = publish;
});
afterAll(() => {
	getContext().publish = () => {};
});

const join = (token: string, name = 'Siti Rahma') => {
	const url = new URL(`http://rembuk.test/api/sessions/${code}/participants`);
	const body = JSON.stringify({ token, name, group: 'media', consent: true });
	const request = new Request(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
	return POST({ params: { code }, url, request, getClientAddress: () => '192.0.2.41' } as never);
};

describe('/api/sessions/[code]/participants', () => {
	it('joins once, shows the newcomer on the open screens, and answers a repeat with the same participant', async () => {
		const first = await join('AbCdEfGhIjKlMnOpQrStUv');
		expect(first.status).toBe(201);
		const { participant } = (await first.json()) as { participant: { id: string } };
		expect(publish).toHaveBeenCalledOnce();
		expect(publish.mock.calls[0][0]).toBe(sessionId);
		expect(publish.mock.calls[0][1]).toMatchObject([{ event: { type: 'participant.joined', participant: { id: participant.id, name: 'Siti Rahma' } } }]);

		const again = await join('AbCdEfGhIjKlMnOpQrStUv', 'Nama lain');
		expect(again.status).toBe(200);
		expect(((await again.json()) as { participant: { id: string } }).participant.id).toBe(participant.id);
		expect(publish).toHaveBeenCalledOnce();
	});
});

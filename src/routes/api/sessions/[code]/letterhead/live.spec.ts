/**
 * The letterhead saved while the session is live: it reaches the open screens at once, and it
 * never overwrites a details edit committed while its (large) body was still arriving.
 */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { executeAlone } from '$lib/testing/server';
import { getContext } from '$lib/server/context';
import * as sessions from '$lib/server/sessions';
import { createSessionSchema } from '$lib/realtime/schemas';
import { testContext } from '$lib/testing/stores';
import { PUT } from './+server';

/** A 1×1 PNG padded to ~150 KB, like a scanned logo. */
const LOGO = `data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg${'A'.repeat(150_000)}`;

let session = { id: '', code: '', key: '' };
let original: ReturnType<typeof getContext>['publish'];

beforeAll(async () => {
	original = (await testContext()).publish;
	const created = await sessions.create(getContext().store.db, createSessionSchema.parse({ title: 'FGD Kop Surat', startsAt: '2025-10-24T09:00' }));
	session = { id: created.id, code: created.code, key: created.facilitatorKey };
});

afterEach(() => {
	getContext().publish = original;
});

/** Calls the endpoint as SvelteKit would, with only the parts of the event it reads. */
function put(body: BodyInit, extra: Record<string, unknown> = {}) {
	const url = new URL(`http://rembuk.test/api/sessions/${session.code}/letterhead`);
	const headers = { authorization: `Bearer ${session.key}`, 'content-type': 'application/json' };
	const request = new Request(url, { method: 'PUT', headers, body, ...extra });
	return PUT({ params: { code: session.code }, url, request, getClientAddress: () => '192.0.2.9' } as never);
}

/** A body that arrives only when `release` is called; `asked` settles once the route starts reading it. */
function slowBody(body: unknown) {
	let release = () => {};
	let reading = () => {};
	const released = new Promise<void>((resolve) => (release = resolve));
	const asked = new Promise<void>((resolve) => (reading = resolve));
	const stream = new ReadableStream<Uint8Array>(
		{
			async pull(controller) {
				reading();
				await released;
				controller.enqueue(new TextEncoder().encode(JSON.stringify(body)));
				controller.close();
			}
		},
		{ highWaterMark: 0 }
	);
	return { stream, asked, release };
}

describe('a letterhead saved while the session is live', () => {
	it('reaches the open screens at once, without its logo', async () => {
		const publish = vi.fn();
		getContext().publish = publish;
		expect((await put(JSON.stringify({ office: 'BAPPEDA KOTA SAMARINDA', logo: LOGO }))).status).toBe(204);
		expect(publish).toHaveBeenCalledOnce();
		const [sessionId, records] = publish.mock.calls[0];
		expect(sessionId).toBe(session.id);
		expect(records).toHaveLength(1);
		expect(records[0].event).toEqual({
			type: 'session.details',
			details: expect.objectContaining({ letterhead: { office: 'BAPPEDA KOTA SAMARINDA' } })
		});
		expect(records[0].seq).toBe((await sessions.byId(getContext().store.db, session.id)).last_seq);
	});

	it("keeps a minute-taker's edit committed while the letterhead's body was on its way", async () => {
		const { stream, asked, release } = slowBody({ office: 'DINAS KOMINFO' });
		const response = put(stream, { duplex: 'half' });
		await asked; // the route has looked the session up and now waits for the body
		const minutetaker = { sessionId: session.id, code: session.code, role: 'minutetaker' as const, participantId: null };
		const command = { type: 'session.details' as const, details: { chair: 'Dr. Hj. Rina' } };
		expect((await executeAlone(getContext().store.db, minutetaker, { id: 'details-0001', command })).result.ok).toBe(true);
		release();
		expect((await response).status).toBe(204);
		const details = sessions.toView(await sessions.byId(getContext().store.db, session.id)).details;
		expect(details.chair).toBe('Dr. Hj. Rina');
		expect(details.letterhead).toEqual({ office: 'DINAS KOMINFO' });
	});
});

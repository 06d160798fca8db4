import { beforeAll, describe, expect, it } from 'vitest';
import { getContext } from '$lib/server/context';
import * as sessions from '$lib/server/sessions';
import { snapshot } from '$lib/server/sync';
import { sessionInContext } from '$lib/testing/stores';
import { GET, PUT } from './+server';

/** A 1×1 PNG, and the same bytes padded to ~150 KB (too big for the 32 KB default body). */
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
const BIG = `data:image/png;base64,${PNG.slice(0, -2)}${'A'.repeat(150_000)}`;
const LETTERHEAD = { office: 'PEMERINTAH KABUPATEN KUTAI KARTANEGARA\nDINAS PEMBERDAYAAN MASYARAKAT DAN DESA', phone: '(0541) 661234', logo: BIG };

let a = { code: '', key: '' };
let b = { code: '', key: '' };

beforeAll(async () => {
	const create = async () => {
		const s = await sessionInContext({ title: 'FGD Uji' });
		return { code: s.row.code, key: s.facilitatorKey };
	};
	a = await create();
	b = await create();
});

/** Calls the endpoint as SvelteKit would, with only the parts of the event it reads. */
function call(handler: typeof GET, code: string, init: RequestInit & { query?: string } = {}) {
	const url = new URL(`http://rembuk.test/api/sessions/${code}/letterhead${init.query ?? ''}`);
	const event = { params: { code }, url, request: new Request(url, init), getClientAddress: () => '192.0.2.7' };
	return handler(event as unknown as Parameters<typeof GET>[0]);
}

const put = (code: string, key: string, body: unknown) =>
	call(PUT, code, { method: 'PUT', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('/api/sessions/[code]/letterhead', () => {
	it('stores a letterhead with a logo larger than the default body limit, for the facilitator only', async () => {
		expect((await put(a.code, 'wrong', LETTERHEAD)).status).toBe(403);
		expect((await put(a.code, a.key, LETTERHEAD)).status).toBe(204);
		const stored = await call(GET, a.code, { headers: { authorization: `Bearer ${a.key}` } });
		expect(await stored.json()).toEqual(LETTERHEAD);
		const row = (await sessions.byCode(getContext().store.db, a.code))!;
		expect(sessions.toView(row).details.letterhead?.phone).toBe('(0541) 661234');
		const logged = await getContext()
			.store.db.selectFrom('session_events')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.where('session_id', '=', row.id)
			.where('payload', 'like', '%session.details%')
			.executeTakeFirstOrThrow();
		expect(logged).toEqual({ n: 1 });
	});

	it('refuses a logo that is not a PNG or JPEG, or too big', async () => {
		for (const logo of ['data:image/gif;base64,R0lGODlh', `data:image/jpeg;base64,${PNG}`, `data:image/png;base64,${PNG}${'A'.repeat(280_000)}`]) {
			const response = await put(a.code, a.key, { logo });
			expect([400, 413]).toContain(response.status);
		}
	});

	it("copies another session's letterhead with that session's key", async () => {
		const from = (key: string) => call(GET, b.code, { query: `?from=${a.code}`, headers: { authorization: `Bearer ${b.key}`, 'x-from-key': key } });
		expect((await from(b.key)).status).toBe(403);
		expect(await (await from(a.key)).json()).toEqual(LETTERHEAD);
	});

	it('keeps the logo off the screens: snapshots and the logged record carry the letterhead without it', async () => {
		const row = (await sessions.byCode(getContext().store.db, a.code))!;
		const { logo: _logo, ...rest } = LETTERHEAD;
		expect((await snapshot(getContext().store.db, row.id)).session.details?.letterhead).toEqual(rest);
		const events = await getContext().store.db.selectFrom('session_events').select('payload').where('session_id', '=', row.id).execute();
		expect(events.some((e) => e.payload.includes('DINAS PEMBERDAYAAN'))).toBe(true);
		expect(events.every((e) => !e.payload.includes('iVBORw0KGgo'))).toBe(true);
		expect(sessions.toView(row).details.letterhead?.logo).toBe(BIG);
	});
});

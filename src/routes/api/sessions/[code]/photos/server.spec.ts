import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { getContext } from '$lib/server/context';
import { cameraJpeg } from '$lib/testing/photos';
import * as sessions from '$lib/server/sessions';
import type { SessionRecord } from '$lib/realtime/contract';
import { createSessionSchema } from '$lib/realtime/schemas';
import { testContext } from '$lib/testing/stores';
import { POST } from './+server';
import { GET } from './[id]/+server';

let code = '';
let keys = { facilitator: '', minutetaker: '' };
const published: SessionRecord[] = [];

beforeAll(async () => {
	const created = await sessions.create((await testContext()).store.db, createSessionSchema.parse({ title: 'FGD Uji Foto', startsAt: '2025-10-24T09:00' }));
	code = created.code;
	keys = { facilitator: created.facilitatorKey, minutetaker: created.minutetakerKey };
	getContext().publish = (_, records) => published.push(...records);
});

function event(path: string, init: RequestInit, params: Record<string, string> = {}) {
	const url = new URL(`http://rembuk.test/api/sessions/${code}/photos${path}`);
	return { params: { code, ...params }, url, request: new Request(url, init), getClientAddress: () => '192.0.2.9' } as never;
}

function form(bytes: Buffer, caption: string, type = 'image/jpeg') {
	const body = new FormData();
	body.set('photo', new Blob([new Uint8Array(bytes)], { type }), 'foto.jpg');
	body.set('caption', caption);
	return body;
}

const upload = (key: string | null, body: BodyInit) =>
	POST(event('', { method: 'POST', headers: key ? { authorization: `Bearer ${key}` } : {}, body }));
const download = (key: string, id: string) => GET(event(`/${id}`, { headers: { authorization: `Bearer ${key}` } }, { id }));

describe('POST /api/sessions/[code]/photos', () => {
	it('stores a camera photo re-encoded, upright, shrunk and without EXIF, and publishes it to staff screens', async () => {
		const response = await upload(keys.minutetaker, form(await cameraJpeg(), 'Pembukaan FGD'));
		expect(response.status).toBe(201);
		const { photo } = await response.json();
		expect(photo).toMatchObject({ caption: 'Pembukaan FGD', width: 1200, height: 1600 });
		expect(published.at(-1)?.event).toEqual({ type: 'photo.saved', photo });

		const stored = await download(keys.facilitator, photo.id);
		expect(stored.headers.get('content-type')).toBe('image/jpeg');
		const bytes = Buffer.from(await stored.arrayBuffer());
		const meta = await sharp(bytes).metadata();
		expect(meta).toMatchObject({ format: 'jpeg', width: 1200, height: 1600 });
		expect(meta.exif).toBeUndefined();
		expect(bytes.includes('KameraUji')).toBe(false);
	});

	it('is for staff only: no key 401, a wrong one 403, and nothing stored', async () => {
		const count = published.length;
		expect((await upload(null, form(await cameraJpeg(40, 30), 'x'))).status).toBe(401);
		expect((await upload('bukan-kunci', form(await cameraJpeg(40, 30), 'x'))).status).toBe(403);
		expect(published.length).toBe(count);
	});

	it('judges the type by the bytes, not by what the browser says, and wants a multipart form', async () => {
		const gif = Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1');
		expect((await upload(keys.facilitator, form(gif, 'menyamar', 'image/jpeg'))).status).toBe(415);
		expect((await upload(keys.facilitator, new FormData())).status).toBe(400);
		const json = await POST(
			event('', { method: 'POST', headers: { authorization: `Bearer ${keys.facilitator}`, 'content-type': 'application/json' }, body: '{}' })
		);
		expect(json.status).toBe(415);
	});

	it('answers 404 for a photo this session does not have', async () => {
		expect((await download(keys.facilitator, 'tidakada')).status).toBe(404);
		expect((await download('bukan-kunci', 'tidakada')).status).toBe(403);
	});
});

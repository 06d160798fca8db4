/** The dokumentasi's storage on both engines: the JPEG read back byte for byte (bytea on PostgreSQL), upload order, the limit, removal. */
import { beforeAll, expect, it } from 'vitest';
import { bareSession, forEachEngine } from '$lib/testing/engines';
import { transparentPng } from '$lib/testing/photos';
import type { PhotoView } from '../domain/types';
import { normalise, type NormalisedPhoto } from './photo-image';
import * as photos from './photos';

let image: NormalisedPhoto;
beforeAll(async () => {
	image = await normalise(await transparentPng(320, 240));
});

forEachEngine(({ store }) => {
	const db = () => store().db;
	const put = (sessionId: string, caption: string) => db().transaction().execute((trx) => photos.store(trx, sessionId, 'minutetaker', image, caption));

	it('stores a photo with its record and reads the JPEG back as the same bytes', async () => {
		const sessionId = await bareSession(store());
		const stored = (await put(sessionId, 'Pembukaan'))!;
		expect(stored.record).toMatchObject({ seq: 1, event: { type: 'photo.saved', photo: stored.photo } });
		expect(await photos.find(db(), sessionId, stored.photo.id)).toEqual(stored.photo);
		const bytes = await photos.jpeg(db(), sessionId, stored.photo.id);
		expect(Buffer.isBuffer(bytes)).toBe(true);
		expect(bytes!.length).toBe(image.jpeg.length);
		expect(bytes!.equals(image.jpeg)).toBe(true);
		// Another session cannot read it by its id.
		expect(await photos.jpeg(db(), await bareSession(store(), 's2'), stored.photo.id)).toBeUndefined();
		const row = await db().selectFrom('photos').select(['bytes', 'added_by']).executeTakeFirstOrThrow();
		expect(row).toEqual({ bytes: image.jpeg.length, added_by: 'minutetaker' });
	});

	it('lists in upload order, captions and removes with the bytes, and keeps other sessions apart', async () => {
		const sessionId = await bareSession(store());
		const other = await bareSession(store(), 's2');
		const made: PhotoView[] = [];
		for (const caption of ['Satu', 'Dua', 'Tiga']) made.push((await put(sessionId, caption))!.photo);
		await put(other, 'Lain');
		// Stamped to the millisecond: several uploads in one share it, and the insertion order decides.
		await db().updateTable('photos').set({ created_at: '2026-01-01T00:00:00.000Z' }).execute();
		expect((await photos.list(db(), sessionId)).map((p) => p.caption)).toEqual(['Satu', 'Dua', 'Tiga']);
		const record = await db().transaction().execute((trx) => photos.setCaption(trx, sessionId, 'facilitator', made[1].id, 'Diskusi'));
		expect(record.event).toMatchObject({ type: 'photo.saved', photo: { id: made[1].id, caption: 'Diskusi' } });
		await db().transaction().execute((trx) => photos.remove(trx, sessionId, 'facilitator', made[0].id));
		expect((await photos.list(db(), sessionId)).map((p) => p.caption)).toEqual(['Diskusi', 'Tiga']);
		expect(await photos.removeAll(db(), sessionId)).toBe(2);
		expect(await photos.list(db(), sessionId)).toEqual([]);
		const blobs = await db().selectFrom('photo_blobs').select('photo_id').execute();
		expect(blobs).toHaveLength(1);
		expect(await photos.list(db(), other)).toHaveLength(1);
	});

	it(`refuses past ${photos.MAX_PHOTOS} photos, writing nothing`, async () => {
		const sessionId = await bareSession(store());
		await db()
			.insertInto('photos')
			.values(Array.from({ length: photos.MAX_PHOTOS }, (_, i) => ({ id: `p${i}`, session_id: sessionId, width: 1, height: 1, bytes: 1, added_by: 'x', created_at: 'now' })))
			.execute();
		expect(await photos.hasRoom(db(), sessionId)).toBe(false);
		expect(await put(sessionId, 'Satu lagi')).toBeNull();
		const { n } = await db().selectFrom('photos').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
		expect(Number(n)).toBe(photos.MAX_PHOTOS);
		expect((await db().selectFrom('sessions').select('last_seq').executeTakeFirstOrThrow()).last_seq).toBe(0);
	});
});

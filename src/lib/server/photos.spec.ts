/** The dokumentasi's storage: rows and bytes apart, one transaction with the log, gone with the session. */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Database } from './db/store';
import { normalise, type NormalisedPhoto } from './photo-image';
import * as photos from './photos';
import { boardState, snapshotFor } from './sync';
import { createSession, dumpTables, joinParticipant, must, rowCount, send, type TestSession } from '$lib/testing/server';
import { freshDb } from '$lib/testing/stores';
import { transparentPng } from '$lib/testing/photos';
import { projectRecord, PUBLIC_VIEWER } from './visibility';

let db: Database;
let session: TestSession;
let image: NormalisedPhoto;

beforeEach(async () => {
	db = await freshDb();
	session = await createSession(db);
	image ??= await normalise(await transparentPng(320, 240));
});

const store = async (caption = 'Pembukaan oleh Kepala Dinas') => (await photos.store(db, session.row.id, 'minutetaker', image, caption))!;
const blobs = () => rowCount(db, 'photo_blobs');

describe('photos.store', () => {
	it('keeps the JPEG apart from its row, and logs a photo.saved record without the bytes', async () => {
		const { photo, record } = await store();
		expect(photo).toEqual({ id: expect.any(String), caption: 'Pembukaan oleh Kepala Dinas', width: 320, height: 240, createdAt: expect.any(String) });
		expect(record.event).toEqual({ type: 'photo.saved', photo });
		expect(JSON.stringify(record).length).toBeLessThan(400);
		expect(await photos.list(db, session.row.id)).toEqual([photo]);
		expect((await photos.jpeg(db, session.row.id, photo.id))?.equals(image.jpeg)).toBe(true);
		// Another session cannot read it by guessing the id.
		expect(await photos.jpeg(db, (await createSession(db)).row.id, photo.id)).toBeUndefined();
	});

	it(`refuses more than ${photos.MAX_PHOTOS} photos in a session, changing nothing`, async () => {
		for (let i = 0; i < photos.MAX_PHOTOS; i++) await store(`Foto ${i + 1}`);
		const before = await dumpTables(db);
		expect(await photos.hasRoom(db, session.row.id)).toBe(false);
		expect(await photos.store(db, session.row.id, 'facilitator', image, 'Satu lagi')).toBeNull();
		expect(await dumpTables(db)).toEqual(before);
	});
});

describe('photo.caption and photo.remove', () => {
	it('change the caption and remove the photo with its bytes, for both staff roles, also after the close', async () => {
		const { photo } = await store();
		await must(db, session.facilitator, { type: 'session.close' });
		const captioned = await must(db, session.facilitator, { type: 'photo.caption', photoId: photo.id, caption: '  Diskusi kelompok  ' });
		expect(captioned.records[0].event).toEqual({ type: 'photo.saved', photo: { ...photo, caption: 'Diskusi kelompok' } });
		const removed = await must(db, session.minutetaker, { type: 'photo.remove', photoId: photo.id });
		expect(removed.records[0].event).toEqual({ type: 'photo.removed', photoId: photo.id });
		expect(await photos.list(db, session.row.id)).toEqual([]);
		expect(await blobs()).toBe(0);
		expect((await send(db, session.facilitator, { type: 'photo.remove', photoId: photo.id })).result).toMatchObject({ error: { code: 'not_found' } });
	});

	it('are staff-only, and phones and the projector never learn of a photo', async () => {
		const { photo, record } = await store();
		const phone = await joinParticipant(db, session);
		for (const who of [phone.identity, session.presenter])
			expect((await send(db, who, { type: 'photo.remove', photoId: photo.id })).result).toMatchObject({ error: { code: 'forbidden' } });
		const state = await boardState(db, session.row.id);
		expect(projectRecord(record, PUBLIC_VIEWER, state).event).toEqual({ type: 'private' });
		expect(projectRecord(record, phone.identity, state).event).toEqual({ type: 'private' });
		expect((await snapshotFor(db, session.row.id, PUBLIC_VIEWER)).photos).toEqual([]);
		expect((await snapshotFor(db, session.row.id, session.minutetaker)).photos).toEqual([photo]);
	});
});

describe('deleted with the session', () => {
	it('removeAll takes every photo and its bytes, and no other session’s', async () => {
		await store('A');
		await store('B');
		const other = await createSession(db, { title: 'FGD lain' });
		await photos.store(db, other.row.id, 'facilitator', image, 'Lain');
		expect(await photos.removeAll(db, session.row.id)).toBe(2);
		expect(await photos.list(db, session.row.id)).toEqual([]);
		expect(await blobs()).toBe(1);
	});

	it('deleting the session row cascades to the photos and their bytes', async () => {
		await store();
		// Only the tables without a cascade are cleared by hand here, as a session deletion would.
		await db.transaction().execute(async (trx) => {
			for (const table of ['session_events', 'commands'] as const) await trx.deleteFrom(table).where('session_id', '=', session.row.id).execute();
			await trx.deleteFrom('sessions').where('id', '=', session.row.id).execute();
		});
		expect(await rowCount(db, 'photos')).toBe(0);
		expect(await blobs()).toBe(0);
	});
});

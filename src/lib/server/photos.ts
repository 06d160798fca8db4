/**
 * The session's photos (dokumentasi): uploaded by staff over HTTP (src/lib/http/photo-upload.server.ts),
 * re-encoded (./photo-image), and stored in the database, not in files beside it. In the database
 * the JPEG, its row and the log record that announces it commit in one transaction: an acknowledged photo is as durable as
 * an acknowledged post (synchronous = FULL), a crash can leave no file without a row nor a row
 * without its file, the organizer backs up or moves one file, and the photos go with the session
 * (ON DELETE CASCADE, or `removeAll`). The bytes live in their own table (photo_blobs), so that
 * listing photos for a snapshot or the minutes never reads them. The cost, some 150–400 KB a
 * photo, is bounded by MAX_PHOTOS.
 */
import type { PhotoView } from '../domain/types';
import type { SessionRecord } from '../realtime/contract';
import { engineOf, insertionOrder, type Database } from './db/store';
import * as clock from './clock';
import { recordEvent } from './log';
import type { NormalisedPhoto } from './photo-image';
import { newId } from './secrets';

/** Two to a page in the minutes: 30 photos are 15 pages of dokumentasi, more than any notulen carries. */
export const MAX_PHOTOS = 30;

interface PhotoRow {
	id: string;
	caption: string;
	width: number;
	height: number;
	created_at: string;
}

const toView = (r: PhotoRow): PhotoView => ({ id: r.id, caption: r.caption, width: r.width, height: r.height, createdAt: r.created_at });

const COLUMNS = ['id', 'caption', 'width', 'height', 'created_at'] as const;

/** In upload order. */
export async function list(db: Database, sessionId: string): Promise<PhotoView[]> {
	const rows = await db
		.selectFrom('photos')
		.select(COLUMNS)
		.where('session_id', '=', sessionId)
		.orderBy('created_at')
		.orderBy(insertionOrder(engineOf(db)))
		.execute();
	return rows.map(toView);
}

export async function find(db: Database, sessionId: string, photoId: string): Promise<PhotoView | undefined> {
	const row = await db.selectFrom('photos').select(COLUMNS).where('session_id', '=', sessionId).where('id', '=', photoId).executeTakeFirst();
	return row && toView(row);
}

const jpegQuery = (db: Database, sessionId: string, photoId: string) =>
	db.selectFrom('photos as p').innerJoin('photo_blobs as b', 'b.photo_id', 'p.id').select('b.jpeg').where('p.session_id', '=', sessionId).where('p.id', '=', photoId);

/** The stored JPEG, or undefined when this session has no such photo. */
export async function jpeg(db: Database, sessionId: string, photoId: string): Promise<Buffer | undefined> {
	return (await jpegQuery(db, sessionId, photoId).executeTakeFirst())?.jpeg;
}

export async function hasRoom(db: Database, sessionId: string): Promise<boolean> {
	const { n } = await db
		.selectFrom('photos')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('session_id', '=', sessionId)
		.executeTakeFirstOrThrow();
	return Number(n) < MAX_PHOTOS;
}

/**
 * Stores an already re-encoded photo with its caption, in one transaction with the record that
 * announces it (the caller's, e.g. the group commit's; one of its own otherwise); null when the
 * session holds MAX_PHOTOS already (checked here, inside the transaction, so two uploads decoded
 * side by side cannot both pass).
 */
export async function store(
	db: Database,
	sessionId: string,
	actor: string,
	image: NormalisedPhoto,
	caption: string
): Promise<{ photo: PhotoView; record: SessionRecord } | null> {
	const write = async (trx: Database) => {
		if (!(await hasRoom(trx, sessionId))) return null;
		const photo: PhotoView = { id: newId(), caption, width: image.width, height: image.height, createdAt: await clock.now(trx, sessionId) };
		await trx
			.insertInto('photos')
			.values({
				id: photo.id,
				session_id: sessionId,
				caption,
				width: photo.width,
				height: photo.height,
				bytes: image.jpeg.length,
				added_by: actor,
				created_at: photo.createdAt
			})
			.execute();
		await trx.insertInto('photo_blobs').values({ photo_id: photo.id, jpeg: image.jpeg }).execute();
		return { photo, record: await recordEvent(trx, sessionId, actor, { type: 'photo.saved', photo }) };
	};
	return db.isTransaction ? write(db) : db.transaction().execute(write);
}

export async function setCaption(db: Database, sessionId: string, actor: string, photoId: string, caption: string): Promise<SessionRecord> {
	await db.updateTable('photos').set({ caption }).where('session_id', '=', sessionId).where('id', '=', photoId).execute();
	return recordEvent(db, sessionId, actor, { type: 'photo.saved', photo: (await find(db, sessionId, photoId))! });
}

/** Gone for good, bytes and row: a photo shows people, and a removed one must not linger. */
export async function remove(db: Database, sessionId: string, actor: string, photoId: string): Promise<SessionRecord> {
	await db.deleteFrom('photos').where('session_id', '=', sessionId).where('id', '=', photoId).execute();
	return recordEvent(db, sessionId, actor, { type: 'photo.removed', photoId });
}

/**
 * Every photo of a session, bytes included. Rembuk has no session deletion yet; whatever deletes
 * a session calls this in its transaction (or relies on the tables' ON DELETE CASCADE).
 */
export async function removeAll(db: Database, sessionId: string): Promise<number> {
	const result = await db.deleteFrom('photos').where('session_id', '=', sessionId).executeTakeFirst();
	return Number(result.numDeletedRows);
}

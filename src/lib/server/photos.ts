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
import type { Db } from './db/database';
import { sql } from './db/statements';
import * as clock from './clock';
import { appendEvent } from './log';
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

/** In upload order. */
export function list(db: Db, sessionId: string): PhotoView[] {
	const rows = sql(db, 'SELECT id, caption, width, height, created_at FROM photos WHERE session_id = ? ORDER BY created_at, rowid').all(
		sessionId
	) as PhotoRow[];
	return rows.map(toView);
}

export function find(db: Db, sessionId: string, photoId: string): PhotoView | undefined {
	const row = sql(db, 'SELECT id, caption, width, height, created_at FROM photos WHERE session_id = ? AND id = ?').get(sessionId, photoId) as
		| PhotoRow
		| undefined;
	return row && toView(row);
}

/** The stored JPEG, or undefined when this session has no such photo. */
export function jpeg(db: Db, sessionId: string, photoId: string): Buffer | undefined {
	const row = sql(db, 'SELECT b.jpeg FROM photos p JOIN photo_blobs b ON b.photo_id = p.id WHERE p.session_id = ? AND p.id = ?').get(
		sessionId,
		photoId
	) as { jpeg: Buffer } | undefined;
	return row?.jpeg;
}

export function hasRoom(db: Db, sessionId: string): boolean {
	const { n } = sql(db, 'SELECT COUNT(*) AS n FROM photos WHERE session_id = ?').get(sessionId) as { n: number };
	return n < MAX_PHOTOS;
}

/**
 * Stores an already re-encoded photo with its caption, in one transaction with the record that
 * announces it; null when the session holds MAX_PHOTOS already (checked here, inside the
 * transaction, so two uploads decoded side by side cannot both pass).
 */
export function store(
	db: Db,
	sessionId: string,
	actor: string,
	image: NormalisedPhoto,
	caption: string
): { photo: PhotoView; record: SessionRecord } | null {
	return db.transaction(() => {
		if (!hasRoom(db, sessionId)) return null;
		const photo: PhotoView = { id: newId(), caption, width: image.width, height: image.height, createdAt: clock.now(db, sessionId) };
		sql(db, 'INSERT INTO photos (id, session_id, caption, width, height, bytes, added_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
			photo.id,
			sessionId,
			caption,
			photo.width,
			photo.height,
			image.jpeg.length,
			actor,
			photo.createdAt
		);
		sql(db, 'INSERT INTO photo_blobs (photo_id, jpeg) VALUES (?, ?)').run(photo.id, image.jpeg);
		return { photo, record: appendEvent(db, sessionId, actor, { type: 'photo.saved', photo }) };
	})();
}

export function setCaption(db: Db, sessionId: string, actor: string, photoId: string, caption: string): SessionRecord {
	sql(db, 'UPDATE photos SET caption = ? WHERE session_id = ? AND id = ?').run(caption, sessionId, photoId);
	return appendEvent(db, sessionId, actor, { type: 'photo.saved', photo: find(db, sessionId, photoId)! });
}

/** Gone for good, bytes and row: a photo shows people, and a removed one must not linger. */
export function remove(db: Db, sessionId: string, actor: string, photoId: string): SessionRecord {
	sql(db, 'DELETE FROM photos WHERE session_id = ? AND id = ?').run(sessionId, photoId);
	return appendEvent(db, sessionId, actor, { type: 'photo.removed', photoId });
}

/**
 * Every photo of a session, bytes included. Rembuk has no session deletion yet; whatever deletes
 * a session calls this in its transaction (or relies on the tables' ON DELETE CASCADE).
 */
export function removeAll(db: Db, sessionId: string): number {
	return sql(db, 'DELETE FROM photos WHERE session_id = ?').run(sessionId).changes;
}

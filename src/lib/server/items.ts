/** Items on the board: add, edit, delete, and what each viewer may see of them. */
import type { ItemView } from '../domain/types';
import type { SessionRecord } from '../realtime/contract';
import type { Db } from './db/database';
import { sql } from './db/statements';
import { appendEvent } from './log';
import { newId } from './secrets';

export interface ItemRow {
	id: string;
	session_id: string;
	kind: string;
	text: string;
	author_id: string;
	anonymous: number;
	created_at: string;
	updated_at: string;
	deleted_at: string | null;
}

/** The broadcast view: an anonymous item carries no author, to anyone. */
export function toView(row: ItemRow): ItemView {
	const anonymous = row.anonymous === 1;
	return {
		id: row.id,
		kind: row.kind,
		text: row.text,
		authorId: anonymous ? null : row.author_id,
		anonymous,
		createdAt: row.created_at,
		updatedAt: row.updated_at
	};
}

export function find(db: Db, sessionId: string, itemId: string): ItemRow | undefined {
	return sql(db, 'SELECT * FROM items WHERE session_id = ? AND id = ? AND deleted_at IS NULL').get(
		sessionId,
		itemId
	) as ItemRow | undefined;
}

export function listRows(db: Db, sessionId: string): ItemRow[] {
	return sql(db, 'SELECT * FROM items WHERE session_id = ? AND deleted_at IS NULL ORDER BY created_at, rowid').all(
		sessionId
	) as ItemRow[];
}

export function count(db: Db, sessionId: string): number {
	return (sql(db, 'SELECT count(*) AS n FROM items WHERE session_id = ?').get(sessionId) as { n: number }).n;
}

export function ownIds(db: Db, sessionId: string, participantId: string): string[] {
	const rows = sql(db, 'SELECT id FROM items WHERE session_id = ? AND author_id = ? AND deleted_at IS NULL').all(
		sessionId,
		participantId
	) as { id: string }[];
	return rows.map((r) => r.id);
}

export function add(
	db: Db,
	sessionId: string,
	authorId: string,
	input: { kind: string; text: string; anonymous: boolean }
): SessionRecord {
	const now = new Date().toISOString();
	const row: ItemRow = {
		id: newId(),
		session_id: sessionId,
		kind: input.kind,
		text: input.text,
		author_id: authorId,
		anonymous: input.anonymous ? 1 : 0,
		created_at: now,
		updated_at: now,
		deleted_at: null
	};
	sql(
		db,
		`INSERT INTO items (id, session_id, kind, text, author_id, anonymous, created_at, updated_at)
		 VALUES (?, ?, ?, ?, ?, ?, ?, ?)`
	).run(row.id, sessionId, row.kind, row.text, authorId, row.anonymous, now, now);
	return appendEvent(db, sessionId, `p:${authorId}`, { type: 'item.added', item: toView(row) });
}

export function edit(db: Db, item: ItemRow, actor: string, text: string): SessionRecord {
	const now = new Date().toISOString();
	sql(db, 'UPDATE items SET text = ?, updated_at = ? WHERE id = ?').run(text, now, item.id);
	return appendEvent(db, item.session_id, actor, { type: 'item.edited', itemId: item.id, text, updatedAt: now });
}

/** Soft delete: the row and the log keep what was said; views and minutes drop it. */
export function remove(db: Db, item: ItemRow, actor: string): SessionRecord {
	sql(db, 'UPDATE items SET deleted_at = ? WHERE id = ?').run(new Date().toISOString(), item.id);
	return appendEvent(db, item.session_id, actor, { type: 'item.deleted', itemId: item.id });
}

/** Items on the board: add, edit, delete, moderate, merge, group; and their full view. */
import type { ItemStatus, ItemView } from '../domain/types';
import type { SessionRecord } from '../realtime/contract';
import type { Db } from './db/database';
import { sql } from './db/statements';
import * as clock from './clock';
import { appendEvent } from './log';
import { newId } from './secrets';
import * as supports from './supports';

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
	status: ItemStatus;
	theme_id: string | null;
	merged_into: string | null;
	hidden_reason: string | null;
}

/** The full view (staff see all of it); visibility.ts trims it for everyone else. */
export function toView(row: ItemRow, mergedFrom: string[] = [], supporters = 0): ItemView {
	const anonymous = row.anonymous === 1;
	return {
		id: row.id,
		kind: row.kind,
		text: row.text,
		authorId: anonymous ? null : row.author_id,
		anonymous,
		createdAt: row.created_at,
		updatedAt: row.updated_at,
		status: row.status,
		themeId: row.theme_id,
		mergedFrom,
		...(row.hidden_reason ? { hiddenReason: row.hidden_reason } : {}),
		...(supporters > 0 ? { supporters } : {})
	};
}

export function find(db: Db, sessionId: string, itemId: string): ItemRow | undefined {
	return sql(db, 'SELECT * FROM items WHERE session_id = ? AND id = ? AND deleted_at IS NULL').get(
		sessionId,
		itemId
	) as ItemRow | undefined;
}

/** Every item not deleted, merged sources included (rowid keeps posting order). */
export function listRows(db: Db, sessionId: string): ItemRow[] {
	return sql(db, 'SELECT * FROM items WHERE session_id = ? AND deleted_at IS NULL ORDER BY rowid').all(
		sessionId
	) as ItemRow[];
}

/** Full views of the items still on the board (visible, pending, hidden), with their merge sources. */
export function listViews(db: Db, sessionId: string): ItemView[] {
	const rows = listRows(db, sessionId);
	const sources = new Map<string, string[]>();
	for (const row of rows) if (row.merged_into) sources.set(row.merged_into, [...(sources.get(row.merged_into) ?? []), row.id]);
	const supporters = supports.counts(db, sessionId);
	return rows.filter((r) => r.status !== 'merged').map((r) => toView(r, sources.get(r.id), supporters.get(r.id)));
}

export function viewOf(db: Db, row: ItemRow): ItemView {
	const sources = sql(db, 'SELECT id FROM items WHERE merged_into = ? ORDER BY rowid').all(row.id) as { id: string }[];
	return toView(
		row,
		sources.map((s) => s.id),
		supports.countFor(db, row.session_id, row.id)
	);
}

export function count(db: Db, sessionId: string): number {
	return (sql(db, 'SELECT count(*) AS n FROM items WHERE session_id = ?').get(sessionId) as { n: number }).n;
}

export function ownIds(db: Db, sessionId: string, participantId: string): string[] {
	const rows = sql(
		db,
		"SELECT id FROM items WHERE session_id = ? AND author_id = ? AND deleted_at IS NULL AND status != 'merged'"
	).all(sessionId, participantId) as { id: string }[];
	return rows.map((r) => r.id);
}

export function add(
	db: Db,
	sessionId: string,
	authorId: string,
	input: { kind: string; text: string; anonymous: boolean; pending: boolean }
): SessionRecord {
	const now = clock.now(db, sessionId);
	const row: ItemRow = {
		id: newId(),
		session_id: sessionId,
		kind: input.kind,
		text: input.text,
		author_id: authorId,
		anonymous: input.anonymous ? 1 : 0,
		created_at: now,
		updated_at: now,
		deleted_at: null,
		status: input.pending ? 'pending' : 'visible',
		theme_id: null,
		merged_into: null,
		hidden_reason: null
	};
	sql(
		db,
		`INSERT INTO items (id, session_id, kind, text, author_id, anonymous, created_at, updated_at, status)
		 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`
	).run(row.id, sessionId, row.kind, row.text, authorId, row.anonymous, now, now, row.status);
	return appendEvent(db, sessionId, `p:${authorId}`, { type: 'item.added', item: toView(row) }, authorId);
}

/** The earlier text stays in the log's item.added / item.edited records. */
export function edit(db: Db, item: ItemRow, actor: string, text: string): SessionRecord {
	const now = clock.now(db, item.session_id);
	sql(db, 'UPDATE items SET text = ?, updated_at = ? WHERE id = ?').run(text, now, item.id);
	const event = { type: 'item.edited' as const, itemId: item.id, text, updatedAt: now };
	return appendEvent(db, item.session_id, actor, event, item.author_id);
}

/** Soft delete: the row and the log keep what was said; views and minutes drop it. */
export function remove(db: Db, item: ItemRow, actor: string): SessionRecord {
	sql(db, 'UPDATE items SET deleted_at = ? WHERE id = ?').run(new Date().toISOString(), item.id);
	sql(db, 'DELETE FROM votes WHERE session_id = ? AND target_id = ?').run(item.session_id, item.id);
	supports.removeFor(db, item.session_id, item.id);
	return appendEvent(db, item.session_id, actor, { type: 'item.deleted', itemId: item.id }, item.author_id);
}

export function hide(db: Db, item: ItemRow, reason: string): SessionRecord {
	sql(db, "UPDATE items SET status = 'hidden', hidden_reason = ? WHERE id = ?").run(reason, item.id);
	return appendEvent(db, item.session_id, 'facilitator', { type: 'item.hidden', itemId: item.id, reason }, item.author_id);
}

/** Restores a hidden item or approves a pending one: either way it joins the board. */
export function show(db: Db, item: ItemRow): SessionRecord {
	sql(db, "UPDATE items SET status = 'visible', hidden_reason = NULL WHERE id = ?").run(item.id);
	const view = viewOf(db, { ...item, status: 'visible', hidden_reason: null });
	return appendEvent(db, item.session_id, 'facilitator', { type: 'item.shown', item: view }, item.author_id);
}

/**
 * Merges duplicates into `target`: the sources leave the board but keep their rows and authors
 * (the target lists them), and every dot and support on a source moves to the target.
 */
export function merge(db: Db, target: ItemRow, sources: ItemRow[]): SessionRecord {
	for (const source of sources) {
		sql(db, "UPDATE items SET status = 'merged', merged_into = ? WHERE id = ?").run(target.id, source.id);
		sql(db, 'UPDATE items SET merged_into = ? WHERE merged_into = ?').run(target.id, source.id);
		moveVotes(db, target.session_id, source.id, target.id);
		supports.move(db, target.session_id, source.id, target.id);
		sql(db, 'UPDATE OR IGNORE links SET recommendation_id = ? WHERE session_id = ? AND recommendation_id = ?').run(target.id, target.session_id, source.id);
		sql(db, 'UPDATE OR IGNORE links SET target_id = ? WHERE session_id = ? AND target_id = ?').run(target.id, target.session_id, source.id);
		sql(db, 'DELETE FROM links WHERE session_id = ? AND (recommendation_id = ? OR target_id = ?)').run(target.session_id, source.id, source.id);
	}
	const view = viewOf(db, target);
	const event = { type: 'item.merged' as const, item: view, sourceIds: sources.map((s) => s.id) };
	return appendEvent(db, target.session_id, 'facilitator', event, target.author_id);
}

function moveVotes(db: Db, sessionId: string, fromId: string, toId: string) {
	sql(
		db,
		`INSERT INTO votes (session_id, participant_id, target_id, count)
		 SELECT session_id, participant_id, ?, count FROM votes WHERE session_id = ? AND target_id = ?
		 ON CONFLICT (session_id, participant_id, target_id) DO UPDATE SET count = count + excluded.count`
	).run(toId, sessionId, fromId);
	sql(db, 'DELETE FROM votes WHERE session_id = ? AND target_id = ?').run(sessionId, fromId);
}

export function setTheme(db: Db, item: ItemRow, themeId: string | null): SessionRecord {
	sql(db, 'UPDATE items SET theme_id = ? WHERE id = ?').run(themeId, item.id);
	return appendEvent(db, item.session_id, 'facilitator', { type: 'item.themed', itemId: item.id, themeId });
}

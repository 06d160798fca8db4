/**
 * Items on the board: add, edit, delete, moderate, merge, group; and their full view. On the store
 * (either engine); their records are appended in the caller's transaction (`context.trx`).
 */
import type { ItemStatus, ItemView } from '../domain/types';
import type { SessionRecord } from '../realtime/contract';
import * as clock from './clock';
import { engineOf, insertionOrder, type Database } from './db/store';
import { recordEvent } from './log';
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

/** An item's columns, named: PostgreSQL's rows also carry `pos`, which is not part of an item. */
const COLUMNS = [
	'id',
	'session_id',
	'kind',
	'text',
	'author_id',
	'anonymous',
	'created_at',
	'updated_at',
	'deleted_at',
	'status',
	'theme_id',
	'merged_into',
	'hidden_reason'
] as const;

const byId = (db: Database, sessionId: string, itemId: string) =>
	db.selectFrom('items').select(COLUMNS).where('session_id', '=', sessionId).where('id', '=', itemId).where('deleted_at', 'is', null);

export async function find(db: Database, sessionId: string, itemId: string): Promise<ItemRow | undefined> {
	return (await byId(db, sessionId, itemId).executeTakeFirst()) as ItemRow | undefined;
}

/** Every item not deleted, merged sources included, in posting (insertion) order. */
export async function listRows(db: Database, sessionId: string): Promise<ItemRow[]> {
	return (await db
		.selectFrom('items')
		.select(COLUMNS)
		.where('session_id', '=', sessionId)
		.where('deleted_at', 'is', null)
		.orderBy(insertionOrder(engineOf(db)))
		.execute()) as ItemRow[];
}

/** Full views of the items still on the board (visible, pending, hidden), with their merge sources. */
export async function listViews(db: Database, sessionId: string): Promise<ItemView[]> {
	const rows = await listRows(db, sessionId);
	const sources = new Map<string, string[]>();
	for (const row of rows) if (row.merged_into) sources.set(row.merged_into, [...(sources.get(row.merged_into) ?? []), row.id]);
	const supporters = await supports.counts(db, sessionId);
	return rows.filter((r) => r.status !== 'merged').map((r) => toView(r, sources.get(r.id), supporters.get(r.id)));
}

export async function viewOf(db: Database, row: ItemRow): Promise<ItemView> {
	const sources = await db
		.selectFrom('items')
		.select('id')
		.where('merged_into', '=', row.id)
		.orderBy(insertionOrder(engineOf(db)))
		.execute();
	return toView(
		row,
		sources.map((s) => s.id),
		await supports.countFor(db, row.session_id, row.id)
	);
}

export async function count(db: Database, sessionId: string): Promise<number> {
	const { n } = await db
		.selectFrom('items')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('session_id', '=', sessionId)
		.executeTakeFirstOrThrow();
	return Number(n);
}

export async function ownIds(db: Database, sessionId: string, participantId: string): Promise<string[]> {
	const rows = await db
		.selectFrom('items')
		.select('id')
		.where('session_id', '=', sessionId)
		.where('author_id', '=', participantId)
		.where('deleted_at', 'is', null)
		.where('status', '!=', 'merged')
		.execute();
	return rows.map((r) => r.id);
}

export async function add(
	db: Database,
	sessionId: string,
	authorId: string,
	input: { kind: string; text: string; anonymous: boolean; pending: boolean }
): Promise<SessionRecord> {
	const now = await clock.now(db, sessionId);
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
	await db
		.insertInto('items')
		.values({
			id: row.id,
			session_id: sessionId,
			kind: row.kind,
			text: row.text,
			author_id: authorId,
			anonymous: row.anonymous,
			created_at: now,
			updated_at: now,
			status: row.status
		})
		.execute();
	return recordEvent(db, sessionId, `p:${authorId}`, { type: 'item.added', item: toView(row) }, authorId);
}

/** The earlier text stays in the log's item.added / item.edited records. */
export async function edit(db: Database, item: ItemRow, actor: string, text: string): Promise<SessionRecord> {
	const now = await clock.now(db, item.session_id);
	await db.updateTable('items').set({ text, updated_at: now }).where('id', '=', item.id).execute();
	const event = { type: 'item.edited' as const, itemId: item.id, text, updatedAt: now };
	return recordEvent(db, item.session_id, actor, event, item.author_id);
}

/** Soft delete: the row and the log keep what was said; views and minutes drop it. */
export async function remove(db: Database, item: ItemRow, actor: string): Promise<SessionRecord> {
	await db.updateTable('items').set({ deleted_at: new Date().toISOString() }).where('id', '=', item.id).execute();
	await db.deleteFrom('votes').where('session_id', '=', item.session_id).where('target_id', '=', item.id).execute();
	await supports.removeFor(db, item.session_id, item.id);
	return recordEvent(db, item.session_id, actor, { type: 'item.deleted', itemId: item.id }, item.author_id);
}

export async function hide(db: Database, item: ItemRow, reason: string): Promise<SessionRecord> {
	await db.updateTable('items').set({ status: 'hidden', hidden_reason: reason }).where('id', '=', item.id).execute();
	return recordEvent(db, item.session_id, 'facilitator', { type: 'item.hidden', itemId: item.id, reason }, item.author_id);
}

/** Restores a hidden item or approves a pending one: either way it joins the board. */
export async function show(db: Database, item: ItemRow): Promise<SessionRecord> {
	await db.updateTable('items').set({ status: 'visible', hidden_reason: null }).where('id', '=', item.id).execute();
	const view = await viewOf(db, { ...item, status: 'visible', hidden_reason: null });
	return recordEvent(db, item.session_id, 'facilitator', { type: 'item.shown', item: view }, item.author_id);
}

/**
 * Merges duplicates into `target`: the sources leave the board but keep their rows and authors
 * (the target lists them), and every dot, support and link on a source moves to the target.
 */
export async function merge(db: Database, target: ItemRow, sources: ItemRow[]): Promise<SessionRecord> {
	const sessionId = target.session_id;
	for (const source of sources) {
		await db.updateTable('items').set({ status: 'merged', merged_into: target.id }).where('id', '=', source.id).execute();
		await db.updateTable('items').set({ merged_into: target.id }).where('merged_into', '=', source.id).execute();
		await moveVotes(db, sessionId, source.id, target.id);
		await supports.move(db, sessionId, source.id, target.id);
		await moveLinks(db, sessionId, source.id, target.id);
	}
	const view = await viewOf(db, target);
	const event = { type: 'item.merged' as const, item: view, sourceIds: sources.map((s) => s.id) };
	return recordEvent(db, sessionId, 'facilitator', event, target.author_id);
}

/** A source's dots count for the target, added to the dots its voter already put there. */
async function moveVotes(db: Database, sessionId: string, fromId: string, toId: string) {
	await db
		.insertInto('votes')
		.columns(['session_id', 'participant_id', 'target_id', 'count'])
		.expression((eb) =>
			eb
				.selectFrom('votes')
				.select((s) => ['session_id', 'participant_id', s.cast<string>(s.val(toId), 'text').as('target_id'), 'count'])
				.where('session_id', '=', sessionId)
				.where('target_id', '=', fromId)
		)
		.onConflict((oc) =>
			oc.columns(['session_id', 'participant_id', 'target_id']).doUpdateSet((eb) => ({ count: eb('votes.count', '+', eb.ref('excluded.count')) }))
		)
		.execute();
	await db.deleteFrom('votes').where('session_id', '=', sessionId).where('target_id', '=', fromId).execute();
}

/**
 * A source's links become the target's, once each (a link the target already has is not doubled):
 * copied with the target's id where absent, then the source's removed.
 */
async function moveLinks(db: Database, sessionId: string, fromId: string, toId: string) {
	await db
		.insertInto('links')
		.columns(['session_id', 'recommendation_id', 'target_id'])
		.expression((eb) =>
			eb
				.selectFrom('links')
				.select((s) => ['session_id', s.cast<string>(s.val(toId), 'text').as('recommendation_id'), 'target_id'])
				.where('session_id', '=', sessionId)
				.where('recommendation_id', '=', fromId)
		)
		.onConflict((oc) => oc.doNothing())
		.execute();
	await db
		.insertInto('links')
		.columns(['session_id', 'recommendation_id', 'target_id'])
		.expression((eb) =>
			eb
				.selectFrom('links')
				.select((s) => ['session_id', 'recommendation_id', s.cast<string>(s.val(toId), 'text').as('target_id')])
				.where('session_id', '=', sessionId)
				.where('target_id', '=', fromId)
		)
		.onConflict((oc) => oc.doNothing())
		.execute();
	await db
		.deleteFrom('links')
		.where('session_id', '=', sessionId)
		.where((eb) => eb.or([eb('recommendation_id', '=', fromId), eb('target_id', '=', fromId)]))
		.execute();
}

export async function setTheme(db: Database, item: ItemRow, themeId: string | null): Promise<SessionRecord> {
	await db.updateTable('items').set({ theme_id: themeId }).where('id', '=', item.id).execute();
	return recordEvent(db, item.session_id, 'facilitator', { type: 'item.themed', itemId: item.id, themeId });
}

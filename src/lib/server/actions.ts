/** The follow-up action plan (rencana tindak lanjut): one row per agreed activity. */
import type { ActionRow } from '../domain/types';
import { engineOf, insertionOrder, type Database } from './db/store';
import { recordEvent } from './log';
import { newId } from './secrets';

const listQuery = (db: Database, sessionId: string) =>
	db
		.selectFrom('action_rows')
		.select(['id', 'position', 'data'])
		.where('session_id', '=', sessionId)
		.where('deleted_at', 'is', null)
		.orderBy('position')
		.orderBy(insertionOrder(engineOf(db)));

const toRow = (r: { id: string; position: number; data: string }): ActionRow => ({ ...JSON.parse(r.data), id: r.id, position: r.position });

/** The live rows by position; two at one position keep the order they were made in. */
export async function list(db: Database, sessionId: string): Promise<ActionRow[]> {
	return (await listQuery(db, sessionId).execute()).map(toRow);
}

export async function exists(db: Database, sessionId: string, rowId: string): Promise<boolean> {
	const row = await db
		.selectFrom('action_rows')
		.select('id')
		.where('session_id', '=', sessionId)
		.where('id', '=', rowId)
		.where('deleted_at', 'is', null)
		.executeTakeFirst();
	return row !== undefined;
}

/** Creates the row when it has no id yet, else replaces its fields in place. */
export async function save(db: Database, sessionId: string, actor: string, input: Omit<ActionRow, 'id' | 'position'> & { id?: string }) {
	const { id: given, ...data } = input;
	let row: ActionRow;
	if (given) {
		const { position } = await db.selectFrom('action_rows').select('position').where('id', '=', given).executeTakeFirstOrThrow();
		row = { ...data, id: given, position };
		await db.updateTable('action_rows').set({ data: JSON.stringify(data) }).where('id', '=', given).execute();
	} else {
		row = { ...data, id: newId(), position: (await list(db, sessionId)).length };
		await db.insertInto('action_rows').values({ id: row.id, session_id: sessionId, position: row.position, data: JSON.stringify(data) }).execute();
	}
	return recordEvent(db, sessionId, actor, { type: 'action.saved', row });
}

export async function remove(db: Database, sessionId: string, actor: string, rowId: string) {
	await db.updateTable('action_rows').set({ deleted_at: new Date().toISOString() }).where('id', '=', rowId).execute();
	return recordEvent(db, sessionId, actor, { type: 'action.deleted', rowId });
}

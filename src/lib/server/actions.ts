/** The follow-up action plan (rencana tindak lanjut): one row per agreed activity. */
import type { ActionRow } from '../domain/types';
import type { Db } from './db/database';
import { sql } from './db/statements';
import { appendEvent } from './log';
import { newId } from './secrets';

export function list(db: Db, sessionId: string): ActionRow[] {
	const rows = sql(db, 'SELECT id, position, data FROM action_rows WHERE session_id = ? AND deleted_at IS NULL ORDER BY position, rowid').all(
		sessionId
	) as { id: string; position: number; data: string }[];
	return rows.map((r) => ({ ...JSON.parse(r.data), id: r.id, position: r.position }));
}

export function exists(db: Db, sessionId: string, rowId: string): boolean {
	return !!sql(db, 'SELECT 1 FROM action_rows WHERE session_id = ? AND id = ? AND deleted_at IS NULL').get(sessionId, rowId);
}

/** Creates the row when it has no id yet, else replaces its fields in place. */
export function save(db: Db, sessionId: string, actor: string, input: Omit<ActionRow, 'id' | 'position'> & { id?: string }) {
	const { id: given, ...data } = input;
	let row: ActionRow;
	if (given) {
		const position = (sql(db, 'SELECT position FROM action_rows WHERE id = ?').get(given) as { position: number }).position;
		row = { ...data, id: given, position };
		sql(db, 'UPDATE action_rows SET data = ? WHERE id = ?').run(JSON.stringify(data), given);
	} else {
		row = { ...data, id: newId(), position: list(db, sessionId).length };
		sql(db, 'INSERT INTO action_rows (id, session_id, position, data) VALUES (?, ?, ?, ?)').run(row.id, sessionId, row.position, JSON.stringify(data));
	}
	return appendEvent(db, sessionId, actor, { type: 'action.saved', row });
}

export function remove(db: Db, sessionId: string, actor: string, rowId: string) {
	sql(db, 'UPDATE action_rows SET deleted_at = ? WHERE id = ?').run(new Date().toISOString(), rowId);
	return appendEvent(db, sessionId, actor, { type: 'action.deleted', rowId });
}

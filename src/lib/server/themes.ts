/** Named themes that the facilitator groups items into. */
import type { Theme } from '../domain/types';
import type { Db } from './db/database';
import { sql } from './db/statements';
import { appendEvent } from './log';
import { newId } from './secrets';

export function list(db: Db, sessionId: string): Theme[] {
	return sql(db, 'SELECT id, name, position FROM themes WHERE session_id = ? AND deleted_at IS NULL ORDER BY position, rowid').all(
		sessionId
	) as Theme[];
}

export function find(db: Db, sessionId: string, themeId: string): Theme | undefined {
	return list(db, sessionId).find((t) => t.id === themeId);
}

export function create(db: Db, sessionId: string, name: string) {
	const theme: Theme = { id: newId(), name, position: list(db, sessionId).length };
	sql(db, 'INSERT INTO themes (id, session_id, name, position) VALUES (?, ?, ?, ?)').run(theme.id, sessionId, name, theme.position);
	return appendEvent(db, sessionId, 'facilitator', { type: 'theme.saved', theme });
}

export function rename(db: Db, sessionId: string, theme: Theme, name: string) {
	sql(db, 'UPDATE themes SET name = ? WHERE id = ?').run(name, theme.id);
	return appendEvent(db, sessionId, 'facilitator', { type: 'theme.saved', theme: { ...theme, name } });
}

/** Its items go back to "ungrouped"; votes on the theme are dropped with it. */
export function remove(db: Db, sessionId: string, themeId: string) {
	sql(db, 'UPDATE themes SET deleted_at = ? WHERE id = ?').run(new Date().toISOString(), themeId);
	sql(db, 'UPDATE items SET theme_id = NULL WHERE session_id = ? AND theme_id = ?').run(sessionId, themeId);
	sql(db, 'DELETE FROM votes WHERE session_id = ? AND target_id = ?').run(sessionId, themeId);
	return appendEvent(db, sessionId, 'facilitator', { type: 'theme.deleted', themeId });
}

/** `themeIds` lists every theme once, in the new order. */
export function order(db: Db, sessionId: string, themeIds: string[]) {
	themeIds.forEach((id, position) => sql(db, 'UPDATE themes SET position = ? WHERE id = ? AND session_id = ?').run(position, id, sessionId));
	return appendEvent(db, sessionId, 'facilitator', { type: 'themes.ordered', themeIds });
}

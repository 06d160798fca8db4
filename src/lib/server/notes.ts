/** The minute-taker's record of the proceedings: free notes per phase and attributed quotes. */
import type { Note, Phase, Speaker } from '../domain/types';
import type { Db } from './db/database';
import { sql } from './db/statements';
import * as clock from './clock';
import { appendEvent } from './log';
import { newId } from './secrets';

interface NoteRow {
	id: string;
	kind: 'note' | 'quote';
	phase: Phase;
	text: string;
	speaker: string | null;
	at: string;
}

const toNote = (r: NoteRow): Note => ({ ...r, speaker: r.speaker ? (JSON.parse(r.speaker) as Speaker) : null });

export function list(db: Db, sessionId: string): Note[] {
	const rows = sql(db, 'SELECT id, kind, phase, text, speaker, at FROM notes WHERE session_id = ? AND deleted_at IS NULL ORDER BY rowid').all(
		sessionId
	) as NoteRow[];
	return rows.map(toNote);
}

export function exists(db: Db, sessionId: string, noteId: string): boolean {
	return !!sql(db, 'SELECT 1 FROM notes WHERE session_id = ? AND id = ? AND deleted_at IS NULL').get(sessionId, noteId);
}

/** A note with a speaker is a quote, timestamped and tagged with the phase it was said in. */
export function add(db: Db, sessionId: string, actor: string, phase: Phase, text: string, speaker: Speaker | null) {
	const note: Note = { id: newId(), kind: speaker ? 'quote' : 'note', phase, text, speaker, at: clock.now(db, sessionId) };
	sql(db, 'INSERT INTO notes (id, session_id, kind, phase, text, speaker, at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
		note.id,
		sessionId,
		note.kind,
		phase,
		text,
		speaker ? JSON.stringify(speaker) : null,
		note.at
	);
	return appendEvent(db, sessionId, actor, { type: 'note.added', note });
}

export function remove(db: Db, sessionId: string, actor: string, noteId: string) {
	sql(db, 'UPDATE notes SET deleted_at = ? WHERE id = ?').run(new Date().toISOString(), noteId);
	return appendEvent(db, sessionId, actor, { type: 'note.deleted', noteId });
}

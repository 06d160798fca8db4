/** The minute-taker's record of the proceedings: free notes per phase and attributed quotes. */
import type { Note, Phase, Speaker } from '../domain/types';
import { engineOf, insertionOrder, type Database } from './db/store';
import * as clock from './clock';
import { recordEvent } from './log';
import { newId } from './secrets';

interface NoteRow {
	id: string;
	kind: string;
	phase: string;
	text: string;
	speaker: string | null;
	at: string;
}

const toNote = (r: NoteRow): Note => ({
	...r,
	kind: r.kind as Note['kind'],
	phase: r.phase as Phase,
	speaker: r.speaker ? (JSON.parse(r.speaker) as Speaker) : null
});

/** The live notes in the order they were taken. */
export async function list(db: Database, sessionId: string): Promise<Note[]> {
	const rows = await db
		.selectFrom('notes')
		.select(['id', 'kind', 'phase', 'text', 'speaker', 'at'])
		.where('session_id', '=', sessionId)
		.where('deleted_at', 'is', null)
		.orderBy(insertionOrder(engineOf(db)))
		.execute();
	return rows.map(toNote);
}

export async function exists(db: Database, sessionId: string, noteId: string): Promise<boolean> {
	const row = await db
		.selectFrom('notes')
		.select('id')
		.where('session_id', '=', sessionId)
		.where('id', '=', noteId)
		.where('deleted_at', 'is', null)
		.executeTakeFirst();
	return row !== undefined;
}

/** A note with a speaker is a quote, timestamped and tagged with the phase it was said in. */
export async function add(db: Database, sessionId: string, actor: string, phase: Phase, text: string, speaker: Speaker | null) {
	const note: Note = { id: newId(), kind: speaker ? 'quote' : 'note', phase, text, speaker, at: await clock.now(db, sessionId) };
	await db
		.insertInto('notes')
		.values({
			id: note.id,
			session_id: sessionId,
			kind: note.kind,
			phase,
			text,
			speaker: speaker ? JSON.stringify(speaker) : null,
			at: note.at
		})
		.execute();
	return recordEvent(db, sessionId, actor, { type: 'note.added', note });
}

export async function remove(db: Database, sessionId: string, actor: string, noteId: string) {
	await db.updateTable('notes').set({ deleted_at: new Date().toISOString() }).where('id', '=', noteId).execute();
	return recordEvent(db, sessionId, actor, { type: 'note.deleted', noteId });
}

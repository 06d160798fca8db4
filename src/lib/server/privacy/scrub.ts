/**
 * Rewrites every place a session keeps a person's details, in one transaction: the participants
 * table is done by the caller; this covers the copies — the log's payloads (joins, attendee
 * entries, quotes, items), the minute-taker's notes and their speakers, the action plan, item
 * texts, removal and hiding reasons, and photo captions. A copy left in the log would survive
 * every replay, so the log is rewritten too (its seq and times are kept).
 */
import type { Database } from '../db/store';
import { secureDelete } from './deletion';

/** What one participant's details become. */
export interface Replacement {
	name: string;
	/** null: the institution is kept. */
	institution: string | null;
	/** Their items become anonymous (deleted on request). */
	anonymiseItems?: boolean;
}

export interface ScrubPlan {
	/** Participant id → what they become. */
	people: Map<string, Replacement>;
	/** Free-text occurrences: the exact original text → what it becomes (names only; longest first). */
	texts: [string, string][];
}

/** Shorter names are replaced only where they are a whole field, never inside other text. */
const MIN_IN_TEXT = 4;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Builds the text replacement from the people's original names (and institutions when dropped). */
export function textPairs(pairs: [string, string][]): [string, string][] {
	const seen = new Map<string, string>();
	for (const [from, to] of pairs) {
		const key = from.trim();
		if (key.length >= MIN_IN_TEXT && !seen.has(key.toLowerCase())) seen.set(key.toLowerCase(), to);
	}
	return [...seen].sort((a, b) => b[0].length - a[0].length);
}

export function replaceText(text: string, pairs: [string, string][]): string {
	let out = text;
	for (const [from, to] of pairs) {
		if (!out.toLowerCase().includes(from)) continue;
		out = out.replace(new RegExp(escape(from), 'gi'), () => to);
	}
	return out;
}

/** A person object as the log and the notes keep it: `{id|participantId, name, institution, …}`. */
function rewritePerson(value: Record<string, unknown>, plan: ScrubPlan): boolean {
	const id = typeof value.id === 'string' && 'group' in value ? value.id : typeof value.participantId === 'string' ? value.participantId : null;
	const change = id ? plan.people.get(id) : undefined;
	if (!change || !('name' in value)) return false;
	value.name = change.name;
	if (change.institution !== null && 'institution' in value) value.institution = change.institution;
	delete value.position;
	delete value.sex;
	return true;
}

/** Deep walk of a parsed JSON value: persons by id, items of erased authors, then free text. */
export function rewriteValue(value: unknown, plan: ScrubPlan): unknown {
	if (typeof value === 'string') return replaceText(value, plan.texts);
	if (Array.isArray(value)) return value.map((v) => rewriteValue(v, plan));
	if (value && typeof value === 'object') {
		const object = value as Record<string, unknown>;
		rewritePerson(object, plan);
		if (typeof object.authorId === 'string' && plan.people.get(object.authorId)?.anonymiseItems) {
			object.authorId = null;
			object.anonymous = true;
		}
		for (const key of Object.keys(object)) object[key] = rewriteValue(object[key], plan);
		return object;
	}
	return value;
}

const rewriteJson = (text: string, plan: ScrubPlan) => JSON.stringify(rewriteValue(JSON.parse(text), plan));

/** Applies the plan to every copy of the session's personal details. Runs inside the caller's transaction. */
export async function scrubSession(db: Database, sessionId: string, plan: ScrubPlan): Promise<void> {
	if (!db.isTransaction) throw new Error('scrubSession must run inside a transaction');
	await secureDelete(db);
	const events = await db.selectFrom('session_events').select(['seq', 'payload']).where('session_id', '=', sessionId).execute();
	for (const e of events) {
		const next = rewriteJson(e.payload, plan);
		if (next !== e.payload) await db.updateTable('session_events').set({ payload: next }).where('session_id', '=', sessionId).where('seq', '=', e.seq).execute();
	}
	const notes = await db.selectFrom('notes').select(['id', 'text', 'speaker']).where('session_id', '=', sessionId).execute();
	for (const n of notes) {
		const text = replaceText(n.text, plan.texts);
		const speaker = n.speaker === null ? null : rewriteJson(n.speaker, plan);
		if (text !== n.text || speaker !== n.speaker) await db.updateTable('notes').set({ text, speaker }).where('id', '=', n.id).execute();
	}
	const rows = await db.selectFrom('action_rows').select(['id', 'data']).where('session_id', '=', sessionId).execute();
	for (const r of rows) {
		const data = rewriteJson(r.data, plan);
		if (data !== r.data) await db.updateTable('action_rows').set({ data }).where('id', '=', r.id).execute();
	}
	const items = await db.selectFrom('items').select(['id', 'text', 'hidden_reason']).where('session_id', '=', sessionId).execute();
	for (const i of items) {
		const text = replaceText(i.text, plan.texts);
		const reason = i.hidden_reason === null ? null : replaceText(i.hidden_reason, plan.texts);
		if (text !== i.text || reason !== i.hidden_reason) await db.updateTable('items').set({ text, hidden_reason: reason }).where('id', '=', i.id).execute();
	}
	for (const [id, change] of plan.people)
		if (change.anonymiseItems) await db.updateTable('items').set({ anonymous: 1 }).where('session_id', '=', sessionId).where('author_id', '=', id).execute();
	const reasons = await db
		.selectFrom('participants')
		.select(['id', 'removed_reason'])
		.where('session_id', '=', sessionId)
		.where('removed_reason', 'is not', null)
		.execute();
	for (const p of reasons) {
		const reason = replaceText(p.removed_reason!, plan.texts);
		if (reason !== p.removed_reason) await db.updateTable('participants').set({ removed_reason: reason }).where('id', '=', p.id).execute();
	}
	const photos = await db.selectFrom('photos').select(['id', 'caption']).where('session_id', '=', sessionId).execute();
	for (const p of photos) {
		const caption = replaceText(p.caption, plan.texts);
		if (caption !== p.caption) await db.updateTable('photos').set({ caption }).where('id', '=', p.id).execute();
	}
	// Evidence files stay (they document an institution's work, not a participant), but a file's
	// name may carry a participant's name, as a caption may.
	const files = await db.selectFrom('action_evidence').select(['id', 'name']).where('session_id', '=', sessionId).execute();
	for (const f of files) {
		const name = replaceText(f.name, plan.texts);
		if (name !== f.name) await db.updateTable('action_evidence').set({ name }).where('id', '=', f.id).execute();
	}
}

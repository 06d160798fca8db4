// What must hold in a Rembuk database whatever was thrown at the server: gap-free logs that
// match `last_seq`, every stored text within the limits the schemas promise, every item of a
// known kind by a known participant, every remembered command answer readable. Read-only.
import Database from 'better-sqlite3';

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** Problems with a user text as stored; empty when it is what validation lets through. */
function textProblems(label, text, min, max) {
	const problems = [];
	if (typeof text !== 'string') return [`${label} is not text`];
	if (text.length < min || text.length > max) problems.push(`${label} has ${text.length} characters (allowed ${min}-${max})`);
	if (text !== text.trim()) problems.push(`${label} is not trimmed`);
	if (text !== text.normalize('NFC')) problems.push(`${label} is not NFC`);
	if (CONTROL.test(text)) problems.push(`${label} holds a control character`);
	if (!text.isWellFormed()) problems.push(`${label} holds a lone surrogate`);
	return problems;
}

/** Every violation found in the database at `path` (at most `limit`), as sentences. */
export function checkDatabase(path, limit = 50) {
	const db = new Database(path, { readonly: true, fileMustExist: true });
	const problems = [];
	const add = (...more) => problems.push(...more.slice(0, Math.max(0, limit - problems.length)));
	try {
		const sessions = db.prepare('SELECT id, code, kinds, groups, last_seq FROM sessions').all();
		for (const session of sessions) {
			const where = `session ${session.code}`;
			const seqs = db.prepare('SELECT seq FROM session_events WHERE session_id = ? ORDER BY seq').all(session.id).map((r) => r.seq);
			if (seqs.some((seq, i) => seq !== i + 1)) add(`${where}: the log has gaps or does not start at 1`);
			if ((seqs.at(-1) ?? 0) !== session.last_seq) add(`${where}: last_seq ${session.last_seq} but the log ends at ${seqs.at(-1) ?? 0}`);
			const kinds = new Set(JSON.parse(session.kinds).map((k) => k.key));
			const groups = new Set(JSON.parse(session.groups).map((g) => g.key));
			const people = db.prepare('SELECT id, name, stakeholder_group, institution FROM participants WHERE session_id = ?').all(session.id);
			const ids = new Set(people.map((p) => p.id));
			for (const p of people) {
				add(...textProblems(`${where}: participant ${p.id} name`, p.name, 1, 80));
				add(...textProblems(`${where}: participant ${p.id} institution`, p.institution, 0, 120));
				if (!groups.has(p.stakeholder_group)) add(`${where}: participant ${p.id} in unknown group ${p.stakeholder_group}`);
			}
			const items = db.prepare('SELECT id, kind, text, author_id FROM items WHERE session_id = ?').all(session.id);
			for (const item of items) {
				add(...textProblems(`${where}: item ${item.id} text`, item.text, 1, 500));
				if (!kinds.has(item.kind)) add(`${where}: item ${item.id} of unknown kind ${item.kind}`);
				if (!ids.has(item.author_id)) add(`${where}: item ${item.id} by unknown participant`);
			}
			const added = db
				.prepare("SELECT payload FROM session_events WHERE session_id = ? AND json_extract(payload, '$.type') = 'item.added'")
				.all(session.id)
				.map((r) => JSON.parse(r.payload).item.id);
			if (added.length !== items.length || new Set(added).size !== added.length) add(`${where}: ${items.length} items but ${added.length} item.added records`);
			for (const row of db.prepare('SELECT command_id, result FROM commands WHERE session_id = ?').all(session.id)) {
				try {
					const result = JSON.parse(row.result);
					if (result.ok !== true || !(result.seq <= session.last_seq)) add(`${where}: command ${row.command_id} remembered as ${row.result}`);
				} catch {
					add(`${where}: command ${row.command_id} has an unreadable result`);
				}
			}
		}
	} finally {
		db.close();
	}
	return problems;
}

/** The items of one session as stored (not deleted), oldest first. */
export function storedItems(path, code) {
	const db = new Database(path, { readonly: true, fileMustExist: true });
	try {
		return db
			.prepare('SELECT i.id, i.text, i.kind, i.author_id AS authorId FROM items i JOIN sessions s ON s.id = i.session_id WHERE s.code = ? AND i.deleted_at IS NULL ORDER BY i.rowid')
			.all(code);
	} finally {
		db.close();
	}
}

/** A session's last committed seq, read from the file (also right after a crash, before any restart). */
export function storedSeq(path, code) {
	const db = new Database(path, { readonly: true, fileMustExist: true });
	try {
		return db.prepare('SELECT last_seq FROM sessions WHERE code = ?').get(code)?.last_seq ?? 0;
	} finally {
		db.close();
	}
}

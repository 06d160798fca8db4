/**
 * Evidence files of follow-up updates, in the database (db/migrations/016_evidence.sql): stored
 * in the update's own transaction (../followup recordUpdate), listed without their bytes, read
 * one at a time for a download. Who may read which file is decided by the callers' scopes:
 * `onlyInstitution` for a PIC link, the session (or the programme's sessions) for staff.
 */
import type { EvidenceFile } from '../domain/followup';
import { sameInstitution } from '../domain/followup';
import * as actions from './actions';
import type { Db } from './db/database';
import { sql } from './db/statements';
import type { ReadyEvidence } from './evidence-file';
import { CONTENT_TYPES, type EvidenceType } from './evidence-file';
import { newId } from './secrets';

/** A session's evidence files, all updates together: some 100 scanned letters or photos. */
export const MAX_FILES_PER_SESSION = 100;

interface FileRow {
	id: string;
	update_id: string;
	name: string;
	type: EvidenceType;
	bytes: number;
}

const toFile = (r: FileRow): EvidenceFile => ({ id: r.id, name: r.name, type: r.type, bytes: r.bytes });

export class EvidenceFull extends Error {
	constructor() {
		super(`A session holds at most ${MAX_FILES_PER_SESSION} evidence files`);
	}
}

export function count(db: Db, sessionId: string): number {
	return (sql(db, 'SELECT COUNT(*) AS n FROM action_evidence WHERE session_id = ?').get(sessionId) as { n: number }).n;
}

/** Stores files with their update (call inside the update's transaction); EvidenceFull past the session's limit. */
export function attach(db: Db, sessionId: string, updateId: string, files: readonly ReadyEvidence[], at: string): EvidenceFile[] {
	if (files.length === 0) return [];
	if (count(db, sessionId) + files.length > MAX_FILES_PER_SESSION) throw new EvidenceFull();
	return files.map((file) => {
		const id = newId();
		sql(db, 'INSERT INTO action_evidence (id, session_id, update_id, name, type, bytes, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
			id,
			sessionId,
			updateId,
			file.name,
			file.type,
			file.data.length,
			at
		);
		sql(db, 'INSERT INTO action_evidence_blobs (evidence_id, session_id, data) VALUES (?, ?, ?)').run(id, sessionId, file.data);
		return { id, name: file.name, type: file.type, bytes: file.data.length };
	});
}

/** Every file of the session's updates, by update id, in upload order; bytes not read. */
export function byUpdate(db: Db, sessionId: string): Map<string, EvidenceFile[]> {
	const out = new Map<string, EvidenceFile[]>();
	const rows = sql(db, 'SELECT id, update_id, name, type, bytes FROM action_evidence WHERE session_id = ? ORDER BY created_at, rowid').all(sessionId) as FileRow[];
	for (const r of rows) out.set(r.update_id, [...(out.get(r.update_id) ?? []), toFile(r)]);
	return out;
}

/** The session a file belongs to (for the programme's table, which spans sessions), or null. */
export function sessionOf(db: Db, fileId: string): string | null {
	const row = sql(db, 'SELECT session_id FROM action_evidence WHERE id = ?').get(fileId.slice(0, 40)) as { session_id: string } | undefined;
	return row?.session_id ?? null;
}

export interface Download {
	name: string;
	type: EvidenceType;
	contentType: string;
	data: Buffer;
}

/**
 * One file of the session, bytes included, or null when the session has no such file or the
 * scope does not reach it: with `onlyInstitution` (a PIC link) the file's action-plan row must be
 * that institution's and still in the plan, the same rows its page shows.
 */
export function read(db: Db, sessionId: string, fileId: string, scope: { onlyInstitution?: string } = {}): Download | null {
	const row = sql(
		db,
		`SELECT e.name, e.type, u.row_id, b.data FROM action_evidence e
		 JOIN action_updates u ON u.id = e.update_id JOIN action_evidence_blobs b ON b.evidence_id = e.id
		 WHERE e.session_id = ? AND e.id = ?`
	).get(sessionId, fileId.slice(0, 40)) as { name: string; type: EvidenceType; row_id: string; data: Buffer } | undefined;
	if (!row) return null;
	if (scope.onlyInstitution !== undefined) {
		const plan = actions.listNow(db, sessionId).find((r) => r.id === row.row_id);
		if (!plan || !sameInstitution(plan.pic.institution, scope.onlyInstitution)) return null;
	}
	return { name: row.name, type: row.type, contentType: CONTENT_TYPES[row.type], data: row.data };
}

/**
 * Evidence files of follow-up updates, in the database (db/migrations/016_evidence.sql): stored
 * in the update's own transaction (../followup recordUpdate), listed without their bytes, read
 * one at a time for a download. Who may read which file is decided by the callers' scopes:
 * `onlyInstitution` for a PIC link, the session (or the programme's sessions) for staff.
 */
import type { EvidenceFile } from '../domain/followup';
import { sameInstitution } from '../domain/followup';
import * as actions from './actions';
import { engineOf, insertionOrder, type Database } from './db/store';
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

export async function count(db: Database, sessionId: string): Promise<number> {
	const { n } = await db
		.selectFrom('action_evidence')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('session_id', '=', sessionId)
		.executeTakeFirstOrThrow();
	return Number(n);
}

/** Stores files with their update (call inside the update's transaction); EvidenceFull past the session's limit. */
export async function attach(db: Database, sessionId: string, updateId: string, files: readonly ReadyEvidence[], at: string): Promise<EvidenceFile[]> {
	if (files.length === 0) return [];
	if ((await count(db, sessionId)) + files.length > MAX_FILES_PER_SESSION) throw new EvidenceFull();
	const stored: EvidenceFile[] = [];
	for (const file of files) {
		const id = newId();
		await db
			.insertInto('action_evidence')
			.values({ id, session_id: sessionId, update_id: updateId, name: file.name, type: file.type, bytes: file.data.length, created_at: at })
			.execute();
		await db.insertInto('action_evidence_blobs').values({ evidence_id: id, session_id: sessionId, data: file.data }).execute();
		stored.push({ id, name: file.name, type: file.type, bytes: file.data.length });
	}
	return stored;
}

/** Every file of the session's updates, by update id, in upload order; bytes not read. */
export async function byUpdate(db: Database, sessionId: string): Promise<Map<string, EvidenceFile[]>> {
	const out = new Map<string, EvidenceFile[]>();
	const rows = await db
		.selectFrom('action_evidence')
		.select(['id', 'update_id', 'name', 'type', 'bytes'])
		.where('session_id', '=', sessionId)
		.orderBy('created_at')
		.orderBy(insertionOrder(engineOf(db)))
		.execute();
	for (const r of rows) out.set(r.update_id, [...(out.get(r.update_id) ?? []), toFile(r)]);
	return out;
}

/** The session a file belongs to (for the programme's table, which spans sessions), or null. */
export async function sessionOf(db: Database, fileId: string): Promise<string | null> {
	const row = await db.selectFrom('action_evidence').select('session_id').where('id', '=', fileId.slice(0, 40)).executeTakeFirst();
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
export async function read(db: Database, sessionId: string, fileId: string, scope: { onlyInstitution?: string } = {}): Promise<Download | null> {
	const row = await db
		.selectFrom('action_evidence as e')
		.innerJoin('action_updates as u', 'u.id', 'e.update_id')
		.innerJoin('action_evidence_blobs as b', 'b.evidence_id', 'e.id')
		.select(['e.name', 'e.type', 'u.row_id', 'b.data'])
		.where('e.session_id', '=', sessionId)
		.where('e.id', '=', fileId.slice(0, 40))
		.executeTakeFirst();
	if (!row) return null;
	if (scope.onlyInstitution !== undefined) {
		const plan = (await actions.list(db, sessionId)).find((r) => r.id === row.row_id);
		if (!plan || !sameInstitution(plan.pic.institution, scope.onlyInstitution)) return null;
	}
	return { name: row.name, type: row.type, contentType: CONTENT_TYPES[row.type], data: row.data };
}

/**
 * A programme's synthesis (Laporan Hasil FGD): the programme's sessions handed to the synthesis
 * module with their Kemendagri region codes, and the organizer's hand edits kept under the
 * programme's own id. Reading and editing it is for admins and organizers (access.ts decides).
 */
import type { Locale } from '../../domain/types';
import type { Database } from '../db/store';
import { AccessDenied, canManageSessions, programmeSessionIds, type Member } from '../accounts/access';
import * as synthesis from '../synthesis';
import { programmeFor, type Programme } from './programmes';

export interface ProgrammeReport {
	programme: Programme;
	/** Null while the programme has no session yet. */
	synthesis: synthesis.Synthesis | null;
	sessionIds: string[];
}

/**
 * The programme whose report this member may read: admins and organizers, their organization's
 * only. The report page, its downloads and its live updates all ask here.
 */
export async function reportableProgramme(db: Database, member: Member, programmeId: string): Promise<Programme> {
	if (!canManageSessions(member)) throw new AccessDenied('forbidden', 'Only admins and organizers read a programme report');
	return programmeFor(db, member, programmeId);
}

/** The programme's sessions, in the order they were held (the report's Pelaksanaan lists them so). */
async function sessionsOf(db: Database, member: Member, programmeId: string): Promise<{ programme: Programme; sessionIds: string[] }> {
	const programme = await reportableProgramme(db, member, programmeId);
	return { programme, sessionIds: await programmeSessionIds(db, member, programme.id) };
}

/** The programme and its synthesis in `lang`; admins and organizers only, their organization's only. */
export async function programmeReport(db: Database, member: Member, programmeId: string, lang: Locale, now = new Date()): Promise<ProgrammeReport> {
	const { programme, sessionIds } = await sessionsOf(db, member, programmeId);
	if (!sessionIds.length) return { programme, synthesis: null, sessionIds };
	const rows = await db.selectFrom('sessions').select(['id', 'region', 'region_code']).where('id', 'in', sessionIds).execute();
	const regions = Object.fromEntries(rows.map((row) => [row.id, { code: row.region_code ?? undefined, name: row.region || undefined }]));
	const edits = await synthesis.listEdits(db, programme.id);
	return { programme, synthesis: await synthesis.buildSynthesis(db, sessionIds, edits, { lang, regions, title: programme.name, now }), sessionIds };
}

/** Logs a hand edit of the programme's clusters; every item must be one of the programme's. */
export async function editProgrammeReport(db: Database, member: Member, programmeId: string, input: unknown): Promise<synthesis.SynthesisEdit> {
	const { programme, sessionIds } = await sessionsOf(db, member, programmeId);
	const edit = synthesis.synthesisEditSchema.parse(input);
	const ids = [...new Set(edit.itemIds)];
	const found = sessionIds.length ? await db.selectFrom('items').select('id').where('id', 'in', ids).where('session_id', 'in', sessionIds).execute() : [];
	const known = new Set(found.map((r) => r.id));
	for (const id of edit.itemIds) if (!known.has(id)) throw new AccessDenied('not_found', `No item ${id} in this programme`);
	return synthesis.addEdit(db, programme.id, edit, `account:${member.accountId}`);
}

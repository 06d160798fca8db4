/**
 * A programme's synthesis (Laporan Hasil FGD): the programme's sessions handed to the synthesis
 * module with their Kemendagri region codes, and the organizer's hand edits kept under the
 * programme's own id. Reading and editing it is for admins and organizers (access.ts decides).
 */
import type { Locale } from '../../domain/types';
import type { Db } from '../db/database';
import { storeOf } from '../db/store';
import { AccessDenied, canManageSessions, programmeSessionIds, type Member } from '../accounts/access';
import * as sessions from '../sessions';
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
export function reportableProgramme(db: Db, member: Member, programmeId: string): Programme {
	if (!canManageSessions(member)) throw new AccessDenied('forbidden', 'Only admins and organizers read a programme report');
	return programmeFor(db, member, programmeId);
}

/** The programme and its synthesis in `lang`; admins and organizers only, their organization's only. */
export async function programmeReport(db: Db, member: Member, programmeId: string, lang: Locale, now = new Date()): Promise<ProgrammeReport> {
	const programme = reportableProgramme(db, member, programmeId);
	// In the order they were held: the report's Pelaksanaan lists them so.
	const sessionIds = programmeSessionIds(db, member, programme.id);
	if (!sessionIds.length) return { programme, synthesis: null, sessionIds };
	const regions = Object.fromEntries(
		sessionIds.map((id) => {
			const row = sessions.byId(db, id) as sessions.SessionRow & { region_code?: string | null };
			return [id, { code: row.region_code ?? undefined, name: row.region || undefined }];
		})
	);
	const edits = synthesis.listEdits(db, programme.id);
	return { programme, synthesis: await synthesis.buildSynthesis(storeOf(db), sessionIds, edits, { lang, regions, title: programme.name, now }), sessionIds };
}

/** Logs a hand edit of the programme's clusters; every item must be one of the programme's. */
export async function editProgrammeReport(db: Db, member: Member, programmeId: string, input: unknown): Promise<synthesis.SynthesisEdit> {
	const { programme, sessionIds } = await programmeReport(db, member, programmeId, 'id');
	const edit = synthesis.synthesisEditSchema.parse(input);
	const known = db.prepare(`SELECT 1 FROM items WHERE id = ? AND session_id IN (${sessionIds.map(() => '?').join(',') || "''"})`);
	for (const id of edit.itemIds) if (!known.get(id, ...sessionIds)) throw new AccessDenied('not_found', `No item ${id} in this programme`);
	return synthesis.addEdit(db, programme.id, edit, `account:${member.accountId}`);
}

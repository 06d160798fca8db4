/**
 * Following up the action plan, server side: progress updates kept as append-only rows (who,
 * when, status, note, evidence link), the PIC update links (./keyed-links, like report links),
 * and the monitoring sheet. Every reader takes a list of sessions, so a programme's table over
 * many sessions is the same call with more ids. The rules themselves live in ../domain/followup.
 */
import ExcelJS from 'exceljs';
import { z } from 'zod';
import {
	evidenceUrlOk,
	FOLLOWUP_STATUSES,
	sameInstitution,
	track,
	type FollowupFilter,
	type EvidenceFile,
	type FollowupStatus,
	type PicLink,
	type ProgressUpdate,
	type TrackedRow
} from '../domain/followup';
import type { Locale } from '../domain/types';
import { followup as enFollowup } from '../i18n/en/followup';
import { followup as idFollowup, type FollowupMessages } from '../i18n/id/followup';
import * as actions from './actions';
import { engineOf, insertionOrder, type Database } from './db/store';
import * as evidence from './evidence';
import type { ReadyEvidence } from './evidence-file';
import { createLink, findLiveLink, listLinks, revokeLink, type KeyedLinkRow } from './keyed-links';
import { recordsOfType } from './log';
import { newId } from './secrets';
import * as sessions from './sessions';

export const NOTE_MAX = 1000;

/** A progress update as sent by staff or a PIC; bad input is refused with the field named. */
export const updateInput = z.object({
	rowId: z.string().min(1).max(40),
	status: z.enum(FOLLOWUP_STATUSES as [FollowupStatus, ...FollowupStatus[]]),
	note: z
		.string()
		.max(NOTE_MAX, 'note_too_long')
		.transform((s) => s.trim()),
	evidenceUrl: z
		.string()
		.max(500, 'bad_evidence')
		.transform((s) => s.trim())
		.refine((s) => s === '' || evidenceUrlOk(s), 'bad_evidence')
		.transform((s) => s || null)
});
export type UpdateInput = z.input<typeof updateInput>;

interface UpdateRow {
	id: string;
	session_id: string;
	row_id: string;
	at: string;
	actor: string;
	status: FollowupStatus;
	note: string;
	evidence_url: string | null;
}

const toUpdate = (row: UpdateRow, files: EvidenceFile[] = []): ProgressUpdate => ({
	id: row.id,
	at: row.at,
	by: row.actor.startsWith('pic:') ? 'pic' : 'staff',
	status: row.status,
	note: row.note,
	evidenceUrl: row.evidence_url,
	files
});

/** Every live action-plan row of these sessions, tracked, in session order then plan order. */
export async function loadTracked(db: Database, sessionIds: readonly string[], now = new Date()): Promise<TrackedRow[]> {
	const out: TrackedRow[] = [];
	for (const sessionId of sessionIds) {
		const row = await sessions.byId(db, sessionId);
		const session = { id: row.id, code: row.code, title: row.title, region: row.region, timeZone: row.time_zone };
		const updates = new Map<string, ProgressUpdate[]>();
		const files = await evidence.byUpdate(db, sessionId);
		const updateRows = await db
			.selectFrom('action_updates')
			.selectAll()
			.where('session_id', '=', sessionId)
			.orderBy('at')
			.orderBy(insertionOrder(engineOf(db)))
			.execute();
		for (const u of updateRows as UpdateRow[]) {
			const list = updates.get(u.row_id) ?? [];
			list.push(toUpdate(u, files.get(u.id)));
			updates.set(u.row_id, list);
		}
		const savedAt = new Map<string, string>();
		for (const record of await recordsOfType(db, sessionId, 'action.saved')) savedAt.set(record.event.row.id, record.at);
		for (const plan of await actions.list(db, sessionId))
			out.push(track({ session, row: plan, updates: updates.get(plan.id) ?? [], savedAt: savedAt.get(plan.id) ?? null }, now));
	}
	return out;
}

export class FollowupRefusal extends Error {
	constructor(readonly reason: 'unknown_row' | 'unknown_institution') {
		super(reason);
	}
}

/**
 * Records one update of a row of the session (allowed after the session closed: follow-up
 * happens after). `onlyInstitution` scopes a PIC: a row of another institution is refused as
 * unknown, so the answer does not even tell that it exists. `files`, already checked
 * (./evidence-file), are stored with the update, in the caller's transaction: both or neither.
 */
export async function recordUpdate(
	db: Database,
	sessionId: string,
	actor: string,
	input: z.output<typeof updateInput>,
	options: { onlyInstitution?: string; now?: Date; files?: readonly ReadyEvidence[] } = {}
): Promise<ProgressUpdate> {
	const plan = (await actions.list(db, sessionId)).find((r) => r.id === input.rowId);
	if (!plan) throw new FollowupRefusal('unknown_row');
	if (options.onlyInstitution !== undefined && !sameInstitution(plan.pic.institution, options.onlyInstitution)) throw new FollowupRefusal('unknown_row');
	const row: UpdateRow = {
		id: newId(),
		session_id: sessionId,
		row_id: plan.id,
		at: (options.now ?? new Date()).toISOString(),
		actor,
		status: input.status,
		note: input.note,
		evidence_url: input.evidenceUrl
	};
	await db.insertInto('action_updates').values(row).execute();
	return toUpdate(row, await evidence.attach(db, sessionId, row.id, options.files ?? [], row.at));
}

/** The rows a PIC institution's link opens: its own, nothing else. */
export function rowsOfInstitution(rows: readonly TrackedRow[], institution: string): TrackedRow[] {
	return rows.filter((r) => sameInstitution(r.row.pic.institution, institution));
}

// --- PIC update links ------------------------------------------------------------------------


interface PicLinkRow extends KeyedLinkRow {
	institution: string;
}

const toPicLink = (row: PicLinkRow): PicLink => ({ id: row.id, institution: row.institution, createdAt: row.created_at, revokedAt: row.revoked_at });

/** A link for one PIC institution of the session's plan (as spelled there); `key` is shown once. */
export async function createPicLink(db: Database, sessionId: string, institution: string, now = new Date()): Promise<PicLink & { key: string }> {
	const named = (await actions.list(db, sessionId)).find((r) => sameInstitution(r.pic.institution, institution));
	if (!named) throw new FollowupRefusal('unknown_institution');
	const spelled = named.pic.institution.trim();
	const { id, createdAt, key } = await createLink(db, 'pic_links', sessionId, now, { institution: spelled });
	return { id, institution: spelled, createdAt, revokedAt: null, key };
}

export async function listPicLinks(db: Database, sessionId: string): Promise<PicLink[]> {
	return (await listLinks<PicLinkRow>(db, 'pic_links', sessionId)).map(toPicLink);
}

export function revokePicLink(db: Database, sessionId: string, id: string, now = new Date()): Promise<boolean> {
	return revokeLink(db, 'pic_links', sessionId, id, now);
}

/** The live PIC link `key` opens in this session, or null (wrong, revoked, another session's). */
export async function openPicLink(db: Database, sessionId: string, key: string): Promise<PicLink | null> {
	const row = await findLiveLink<PicLinkRow>(db, 'pic_links', sessionId, key);
	return row && toPicLink(row);
}

// --- The monitoring sheet --------------------------------------------------------------------

/** A UTC instant as a Date whose UTC fields are the wall clock in `timeZone`: Excel has no zones. */
function wallClock(iso: string, timeZone: string): Date {
	const parts = new Intl.DateTimeFormat('en-CA', {
		timeZone,
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
		hourCycle: 'h23'
	}).formatToParts(new Date(iso));
	const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
	return new Date(`${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}:00Z`);
}

const dateCell = (date: string | null) => (date ? new Date(`${date}T00:00:00Z`) : null);

/**
 * The monitoring sheet: one row per action-plan row (status, overdue, last update, latest note,
 * evidence link, how many links, the evidence files' names), then every update on a second sheet. Text goes in as string cells, which Excel
 * never runs as formulas.
 */
export async function renderSheet(rows: readonly TrackedRow[], words: FollowupMessages, generatedAt = new Date()): Promise<Buffer> {
	const w = words.sheet;
	const book = new ExcelJS.Workbook();
	book.creator = 'Rembuk';
	book.created = generatedAt;
	const main = book.addWorksheet(w.name, {
		views: [{ state: 'frozen', ySplit: 1 }],
		pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' }
	});
	main.columns = [
		{ header: w.no, width: 5 },
		{ header: w.session, width: 24 },
		{ header: w.region, width: 16 },
		{ header: w.activity, width: 36 },
		{ header: w.output, width: 24 },
		{ header: w.picName, width: 18 },
		{ header: w.picInstitution, width: 24 },
		{ header: w.funding, width: 14 },
		{ header: w.cost, width: 16 },
		{ header: w.timeframe, width: 18 },
		{ header: w.deadline, width: 12 },
		{ header: w.status, width: 12 },
		{ header: w.overdue, width: 10 },
		{ header: w.lastUpdate, width: 17 },
		{ header: w.latestNote, width: 40 },
		{ header: w.evidence, width: 30 },
		{ header: w.evidenceLinks, width: 10 },
		{ header: w.evidenceFiles, width: 36 }
	];
	rows.forEach((r, i) => {
		const latest = r.updates[0];
		const evidence = r.updates.find((u) => u.evidenceUrl)?.evidenceUrl ?? '';
		// Oldest first, as they came in; the files themselves stay in Rembuk, behind its checks.
		const files = [...r.updates].reverse().flatMap((u) => u.files.map((f) => f.name));
		const line = main.addRow([
			i + 1,
			r.session.title,
			r.session.region,
			r.row.activity,
			r.row.output,
			r.row.pic.name,
			r.row.pic.institution,
			r.row.funding,
			r.row.cost,
			r.row.timeframe,
			dateCell(r.deadline),
			words.statuses[r.status],
			r.overdue ? w.yes : w.no_,
			r.lastUpdated ? wallClock(r.lastUpdated, r.session.timeZone) : null,
			latest?.note ?? '',
			evidence,
			r.updates.filter((u) => u.evidenceUrl).length,
			files.join('\n')
		]);
		line.getCell(18).alignment = { wrapText: true, vertical: 'top' };
		if (r.overdue) line.getCell(13).font = { bold: true, color: { argb: 'FFB00020' } };
	});
	main.getColumn(9).numFmt = '#,##0';
	main.getColumn(11).numFmt = 'dd/mm/yyyy';
	main.getColumn(14).numFmt = 'dd/mm/yyyy hh:mm';
	main.getRow(1).font = { bold: true };
	main.getRow(1).alignment = { vertical: 'middle', wrapText: true };
	main.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: main.columns.length } };

	const history = book.addWorksheet(w.historyName, { views: [{ state: 'frozen', ySplit: 1 }] });
	history.columns = [
		{ header: w.no, width: 5 },
		{ header: w.activity, width: 36 },
		{ header: w.picInstitution, width: 24 },
		{ header: w.at, width: 17 },
		{ header: w.by, width: 12 },
		{ header: w.status, width: 12 },
		{ header: w.note, width: 50 },
		{ header: w.evidence, width: 30 },
		{ header: w.evidenceFiles, width: 36 }
	];
	rows.forEach((r, i) => {
		for (const u of [...r.updates].reverse())
			history.addRow([
				i + 1,
				r.row.activity,
				r.row.pic.institution,
				wallClock(u.at, r.session.timeZone),
				u.by === 'pic' ? w.byPic : w.byStaff,
				words.statuses[u.status],
				u.note,
				u.evidenceUrl ?? '',
				u.files.map((f) => f.name).join('\n')
			]);
	});
	history.getColumn(4).numFmt = 'dd/mm/yyyy hh:mm';
	history.getRow(1).font = { bold: true };
	return Buffer.from(await book.xlsx.writeBuffer());
}

/** The sheet's file name: `tindak-lanjut-CODE-YYYY-MM-DD.xlsx` (`follow-up-…` in English). */
export function sheetFilename(code: string, locale: Locale, today: string): string {
	return `${locale === 'en' ? 'follow-up' : 'tindak-lanjut'}-${code}-${today}.xlsx`;
}


// --- Reading a request -----------------------------------------------------------------------

/** The follow-up words in a language, for the sheet and the summary made on the server. */
export function messagesFor(locale: Locale): FollowupMessages {
	return locale === 'en' ? enFollowup : idFollowup;
}

/** `?institution=&funding=&status=&region=` as a filter; unknown statuses are ignored. */
export function filterFromQuery(query: URLSearchParams): FollowupFilter {
	const status = query.get('status') ?? '';
	return {
		institution: query.get('institution')?.slice(0, 200) || undefined,
		funding: query.get('funding')?.slice(0, 100) || undefined,
		region: query.get('region')?.slice(0, 200) || undefined,
		status: status === 'overdue' || (FOLLOWUP_STATUSES as readonly string[]).includes(status) ? (status as FollowupFilter['status']) : undefined
	};
}

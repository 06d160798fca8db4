/**
 * Following up the action plan (tindak lanjut): the rules over tracked rows, for one session or
 * many (a programme's table reuses them). Pure: no database, no framework, shared by the server
 * (sheet, summary) and the staff page (filters).
 */
import { deadlineOf } from './timeframe';
import type { ActionRow } from './types';

export type FollowupStatus = ActionRow['status'];
export const FOLLOWUP_STATUSES: readonly FollowupStatus[] = ['rencana', 'berjalan', 'selesai', 'tertunda'];

/** One dated progress report on a row. */
export interface ProgressUpdate {
	id: string;
	/** ISO instant. */
	at: string;
	/** Who reported it: staff (facilitator) or the PIC through its link. */
	by: 'staff' | 'pic';
	status: FollowupStatus;
	note: string;
	evidenceUrl: string | null;
	/** Evidence files uploaded with the update (PDF, or a photo stored as JPEG), in upload order. */
	files: EvidenceFile[];
}

/** The largest evidence file taken, PDF or photo (a scanned letter of a few pages, a phone photo); the pages say it. */
export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;
/** Evidence files one update carries; more evidence goes with a further update. */
export const MAX_FILES_PER_UPDATE = 3;

/**
 * What the server would refuse in the chosen files before any is sent: one over the size limit,
 * or too many. Pages check it first so a phone does not upload 30 MB to hear no; the server
 * checks again (and the type, which only the bytes tell).
 */
export function evidenceSizeProblem(files: readonly { size: number }[]): 'file_too_large' | 'file_too_many' | null {
	const chosen = files.filter((f) => f.size > 0);
	if (chosen.some((f) => f.size > MAX_EVIDENCE_BYTES)) return 'file_too_large';
	if (chosen.length > MAX_FILES_PER_UPDATE) return 'file_too_many';
	return null;
}

/** An evidence file as pages list it; its bytes are fetched on their own, by id. */
export interface EvidenceFile {
	id: string;
	name: string;
	type: 'pdf' | 'jpeg';
	/** Size as stored. */
	bytes: number;
}

/** A PIC update link as staff see it (its key is shown once, at creation). */
export interface PicLink {
	id: string;
	institution: string;
	/** ISO instants; revokedAt null while the link works. */
	createdAt: string;
	revokedAt: string | null;
}

/** The session a row belongs to: enough to name it in a table spanning many sessions. */
export interface RowSession {
	id: string;
	code: string;
	title: string;
	region: string;
	timeZone: string;
}

/** An action-plan row as a tracked commitment. */
export interface TrackedRow {
	session: RowSession;
	row: ActionRow;
	status: FollowupStatus;
	/** ISO instant of the latest update, else of the row's last save in the session; null when unknown. */
	lastUpdated: string | null;
	/** `YYYY-MM-DD`, the last day of the row's timeframe; null when it names no date. */
	deadline: string | null;
	overdue: boolean;
	/** Newest first. */
	updates: ProgressUpdate[];
}

export interface TrackInput {
	session: RowSession;
	row: ActionRow;
	/** In any order. */
	updates: ProgressUpdate[];
	/** ISO instant the row was last saved in the session, if known. */
	savedAt?: string | null;
}

/** Today's date (`YYYY-MM-DD`) where the session is held. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
	try {
		return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
	} catch {
		return now.toISOString().slice(0, 10);
	}
}

export function track(input: TrackInput, now: Date = new Date()): TrackedRow {
	const updates = [...input.updates].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
	const status = updates[0]?.status ?? input.row.status;
	const deadline = deadlineOf(input.row.timeframe);
	return {
		session: input.session,
		row: input.row,
		status,
		lastUpdated: updates[0]?.at ?? input.savedAt ?? null,
		deadline,
		overdue: isOverdue(deadline, status, todayIn(input.session.timeZone, now)),
		updates
	};
}

/** Overdue: the deadline's day is over and the row is not done. The deadline's own day is still in time. */
export function isOverdue(deadline: string | null, status: FollowupStatus, today: string): boolean {
	return deadline !== null && status !== 'selesai' && deadline < today;
}

/** Institutions compared as people type them: case, spacing and dots do not matter. */
export function institutionKey(name: string): string {
	return name.toLowerCase().replace(/[.,]/g, ' ').replace(/\s+/g, ' ').trim();
}

export function sameInstitution(a: string, b: string): boolean {
	return institutionKey(a) !== '' && institutionKey(a) === institutionKey(b);
}

export interface FollowupFilter {
	/** PIC institution (compared with institutionKey). */
	institution?: string;
	funding?: string;
	/** A status, or 'overdue' for the rows past their deadline. */
	status?: FollowupStatus | 'overdue';
	/** Session region, for the programme's table. */
	region?: string;
}

export function filterRows(rows: readonly TrackedRow[], filter: FollowupFilter): TrackedRow[] {
	return rows.filter(
		(r) =>
			(!filter.institution || sameInstitution(r.row.pic.institution, filter.institution)) &&
			(!filter.funding || r.row.funding.trim().toLowerCase() === filter.funding.trim().toLowerCase()) &&
			(!filter.region || r.session.region === filter.region) &&
			(!filter.status || (filter.status === 'overdue' ? r.overdue : r.status === filter.status))
	);
}

/** The values each filter offers, each once (first spelling kept), sorted. */
export function filterChoices(rows: readonly TrackedRow[]): { institutions: string[]; fundings: string[]; regions: string[] } {
	const distinct = (values: string[], key: (v: string) => string) => {
		const seen = new Map<string, string>();
		for (const v of values) if (v.trim() && !seen.has(key(v))) seen.set(key(v), v.trim());
		return [...seen.values()].sort((a, b) => a.localeCompare(b, 'id'));
	};
	return {
		institutions: distinct(
			rows.map((r) => r.row.pic.institution),
			institutionKey
		),
		fundings: distinct(
			rows.map((r) => r.row.funding),
			(v) => v.trim().toLowerCase()
		),
		regions: distinct(
			rows.map((r) => r.session.region),
			(v) => v
		)
	};
}

export interface FollowupCounts {
	total: number;
	overdue: number;
	byStatus: Record<FollowupStatus, number>;
}

export function countRows(rows: readonly TrackedRow[]): FollowupCounts {
	const byStatus: Record<FollowupStatus, number> = { rencana: 0, berjalan: 0, selesai: 0, tertunda: 0 };
	for (const r of rows) byStatus[r.status]++;
	return { total: rows.length, overdue: rows.filter((r) => r.overdue).length, byStatus };
}

/** An evidence link: http(s) only, so a `javascript:` link can never be planted on a staff screen. */
export function evidenceUrlOk(url: string): boolean {
	if (url.length > 500) return false;
	try {
		const parsed = new URL(url);
		return (parsed.protocol === 'https:' || parsed.protocol === 'http:') && !!parsed.hostname;
	} catch {
		return false;
	}
}

/**
 * Following up the action plan (tindak lanjut): the rules over tracked rows, for one session or
 * many (a programme's table reuses them). Pure: no database, no framework, shared by the server
 * (sheet, summary) and the staff page (filters).
 */
import type { ActionRow, Locale } from './types';

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

const MONTHS: [RegExp, number][] = [
	[/^(jan|januari|january)$/, 1],
	[/^(feb|pebruari|februari|february)$/, 2],
	[/^(mar|maret|march)$/, 3],
	[/^(apr|april)$/, 4],
	[/^(mei|may)$/, 5],
	[/^(jun|juni|june)$/, 6],
	[/^(jul|juli|july)$/, 7],
	[/^(agu|agt|ags|agus|agustus|aug|august)$/, 8],
	[/^(sep|sept|september)$/, 9],
	[/^(okt|oct|oktober|october)$/, 10],
	[/^(nov|nop|november|nopember)$/, 11],
	[/^(des|dec|desember|december)$/, 12]
];
const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, '1': 1, '2': 2, '3': 3, '4': 4 };

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const endOfMonth = (year: number, month: number) => `${year}-${pad(month)}-${pad(lastDay(year, month))}`;

/**
 * The last day a free-text timeframe allows, as offices write it: "2026", "Triwulan I–II 2026",
 * "TW 3 2026", "Q4 2026", "Semester II 2026", "Maret–Agustus 2026", "30 Juni 2026", "2026-06-30",
 * "30/06/2026", "Januari 2026 – Maret 2027". Null when it names no year ("Belum ditentukan").
 * A range ends at its last part.
 */
export function deadlineOf(timeframe: string): string | null {
	const text = timeframe.toLowerCase().replace(/[\u2012-\u2015]/g, '-');
	const iso = [...text.matchAll(/\b(\d{4})-(\d{2})-(\d{2})\b/g)].at(-1);
	const dmy = [...text.matchAll(/\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b/g)].at(-1);
	const dated = [
		iso && { end: iso.index! + iso[0].length, y: +iso[1], m: +iso[2], d: +iso[3] },
		dmy && { end: dmy.index! + dmy[0].length, y: +dmy[3], m: +dmy[2], d: +dmy[1] }
	]
		.filter((x): x is { end: number; y: number; m: number; d: number } => !!x)
		.sort((a, b) => b.end - a.end)[0];
	const years = [...text.matchAll(/\b(19\d{2}|20\d{2})\b/g)];
	const lastYear = years.at(-1);
	if (dated && (!lastYear || dated.end >= lastYear.index! + 4)) return validDate(dated.y, dated.m, dated.d);
	if (!lastYear) return null;
	const year = Number(lastYear[1]);
	// What qualifies the year is written before it, after the year before it (if any).
	const previous = years.at(-2);
	const segment = text.slice(previous ? previous.index! + 4 : 0, lastYear.index);
	const quarter = [...segment.matchAll(/(?:triwulan|tw|kuartal|quarter|q)\s*\.?\s*(iv|iii|ii|i|[1-4])\b(?:\s*(?:-|s\.?\s*d\.?|sampai|hingga|to)\s*(?:triwulan|tw|kuartal|quarter|q)?\s*\.?\s*(iv|iii|ii|i|[1-4])\b)?/g)].at(-1);
	const semester = [...segment.matchAll(/(?:semester|smt|sem)\s*\.?\s*(ii|i|[12])\b(?:\s*(?:-|s\.?\s*d\.?|sampai|hingga|to)\s*(?:semester|smt|sem)?\s*\.?\s*(ii|i|[12])\b)?/g)].at(-1);
	const words = [...segment.matchAll(/[a-z]+/g)];
	let month: { index: number; month: number } | undefined;
	for (const word of words) {
		const found = MONTHS.find(([pattern]) => pattern.test(word[0]));
		if (found) month = { index: word.index!, month: found[1] };
	}
	const candidates: { index: number; date: string }[] = [];
	if (quarter) candidates.push({ index: quarter.index!, date: endOfMonth(year, ROMAN[quarter[2] ?? quarter[1]] * 3) });
	if (semester) candidates.push({ index: semester.index!, date: endOfMonth(year, ROMAN[semester[2] ?? semester[1]] * 6) });
	if (month) {
		const day = /(\d{1,2})\s*$/.exec(segment.slice(0, month.index));
		const d = day ? Number(day[1]) : 0;
		candidates.push({ index: month.index, date: d >= 1 && d <= lastDay(year, month.month) ? `${year}-${pad(month.month)}-${pad(d)}` : endOfMonth(year, month.month) });
	}
	const last = candidates.sort((a, b) => b.index - a.index)[0];
	return last?.date ?? `${year}-12-31`;
}

function validDate(y: number, m: number, d: number): string | null {
	if (m < 1 || m > 12 || d < 1 || d > lastDay(y, m)) return null;
	return `${y}-${pad(m)}-${pad(d)}`;
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

/** The words of the WhatsApp summary, from the 'followup' i18n area (`summary`). */
export interface SummaryWords {
	heading: string;
	counts: string;
	overdueTitle: string;
	overdueLine: string;
	recentTitle: string;
	recentLine: string;
	none: string;
	more: string;
}

const fill = (template: string, values: Record<string, string | number>) =>
	template.replace(/{{(\w+)}}/g, (_, name: string) => String(values[name] ?? ''));

export function formatDateOnly(date: string, locale: Locale): string {
	const [y, m, d] = date.split('-').map(Number);
	return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'id-ID', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
		new Date(Date.UTC(y, m - 1, d))
	);
}

/**
 * A short progress summary to paste in a WhatsApp group: the counts, the overdue rows, the latest
 * updates (at most `limit` of each; WhatsApp's *bold*).
 */
export function whatsappSummary(
	rows: readonly TrackedRow[],
	messages: { summary: SummaryWords; statuses: Record<FollowupStatus, string> },
	options: { title: string; locale: Locale; today: string; limit?: number }
): string {
	const { summary: words, statuses } = messages;
	const limit = options.limit ?? 5;
	const counts = countRows(rows);
	const lines = [fill(words.heading, { title: options.title, date: formatDateOnly(options.today, options.locale) })];
	lines.push(
		fill(words.counts, {
			total: counts.total,
			rencana: counts.byStatus.rencana,
			berjalan: counts.byStatus.berjalan,
			selesai: counts.byStatus.selesai,
			tertunda: counts.byStatus.tertunda,
			overdue: counts.overdue
		})
	);
	const line = (r: TrackedRow, template: string) =>
		'• ' +
		fill(template, {
			activity: r.row.activity || '–',
			institution: r.row.pic.institution || '–',
			status: statuses[r.status],
			deadline: r.deadline ? formatDateOnly(r.deadline, options.locale) : '–',
			date: r.updates[0] ? formatDateOnly(todayIn(r.session.timeZone, new Date(r.updates[0].at)), options.locale) : '–',
			note: r.updates[0]?.note ? `: ${r.updates[0].note}` : ''
		});
	const overdue = rows.filter((r) => r.overdue);
	if (overdue.length) {
		lines.push('', words.overdueTitle, ...overdue.slice(0, limit).map((r) => line(r, words.overdueLine)));
		if (overdue.length > limit) lines.push(fill(words.more, { n: overdue.length - limit }));
	}
	const recent = rows.filter((r) => r.updates.length).sort((a, b) => (a.updates[0].at < b.updates[0].at ? 1 : -1));
	lines.push('', words.recentTitle);
	if (recent.length === 0) lines.push(words.none);
	else {
		lines.push(...recent.slice(0, limit).map((r) => line(r, words.recentLine)));
		if (recent.length > limit) lines.push(fill(words.more, { n: recent.length - limit }));
	}
	return lines.join('\n');
}

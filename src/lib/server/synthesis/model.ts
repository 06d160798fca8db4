/**
 * The synthesis of several sessions (a programme's FGDs) as data: every reported item of every
 * session clustered across sessions by meaning into issues (similarity/clusters.ts), the
 * organizer's hand edits applied on top (./edits.ts), then what the Laporan Hasil FGD prints:
 * regions and stakeholder groups per issue, votes normalised per session, region × group
 * matrices, shared and particular issues, recommendations with the constraints they answer, and
 * the union of the action plans. Built from each session's minutes model, so nothing a minutes
 * file would not show (hidden items, anonymous authors, phones) reaches the report.
 */
import { singularKindLabel } from '../../domain/defaults';
import { addressedKind, answeringKind } from '../../domain/links';
import { formatDate, localDateTime } from '../../domain/format';
import type { Locale } from '../../domain/types';
import { clusterAcrossSessions, type ProgrammeItem } from '../../similarity/clusters';
import type { Database } from '../db/store';
import { buildMinutes, type Minutes, type MinutesAction, type MinutesItem, type MinutesLetterhead, type MinutesOfficial } from '../minutes/model';
import { shortLabel } from '../minutes/sections/source';
import { applyEdits, type SynthesisEdit } from './edits';

export interface SynthesisOptions {
	lang: Locale;
	/** Region codes (e.g. Kemendagri's) by session id, when a programme knows them; the session's region text otherwise. */
	regions?: Record<string, { code?: string; name?: string }>;
	/** The report's title; "Laporan Hasil FGD" and the first session's theme otherwise. */
	title?: string;
	now?: Date;
}

export interface SynthesisRegion {
	/** The code when given, else the region's text lowercased. */
	key: string;
	code: string | null;
	name: string;
	/**
	 * The name without the part every region of the programme shares ("Kabupaten Paser" where
	 * all are in Kalimantan Timur): what lists and matrices print, where the full names repeated
	 * the province on every line.
	 */
	short: string;
}

export interface SynthesisSession {
	id: string;
	code: string;
	title: string;
	day: string;
	timeRange: string;
	venue: string;
	region: SynthesisRegion;
	status: string;
	participants: number;
	/** Participants by stakeholder group, as the minutes count them. */
	byGroup: { group: string; label: string; count: number }[];
	/** Dots cast on the session's reported items: the denominator of its normalised votes. */
	dots: number;
	/** The minutes' nomor, for the lampiran's reference; empty when none. */
	number: string;
}

export interface IssueItem {
	id: string;
	sessionId: string;
	text: string;
	/** Stakeholder group label; empty for an anonymous item. */
	group: string;
	votes: number;
}

export interface SynthesisIssue {
	id: string;
	/** 1-based, in report order (pinned first, then by regions, people and votes). */
	no: number;
	kind: string;
	kindLabel: string;
	name: string;
	origin: 'auto' | 'hand';
	pinned: boolean;
	/** How the organizer changed it, e.g. "merge, rename", for the report's note. */
	editedBy: SynthesisEdit['op'][];
	items: IssueItem[];
	regions: SynthesisRegion[];
	/** Short group labels ("Pemerintah") of the items' named authors, in first-seen order. */
	groups: string[];
	/** Distinct contributors (each anonymous item counts as one person) plus its supporters (+1). */
	people: number;
	/** Raw dots on its items, summed over sessions. */
	votes: number;
	/**
	 * Votes normalised per session: Σ over sessions of (dots on its items there ÷ all dots of that
	 * session) × 100. Each session hands out 100 points, so a 20-person FGD weighs as much as a 60-person one.
	 */
	score: number;
}

export interface SynthesisMatrix {
	kind: string;
	label: string;
	/** Column labels: short stakeholder group labels in the sessions' order, "Anonim" last when any. */
	groups: string[];
	rows: { region: SynthesisRegion; counts: number[]; total: number }[];
}

export interface SynthesisAnswer {
	recommendation: SynthesisIssue;
	/** Constraint issues its items are linked to, in any session. */
	answers: SynthesisIssue[];
}

export interface SynthesisAction {
	session: SynthesisSession;
	action: MinutesAction;
	institution: string;
	/** APBD, APBN, Dana Desa, CSR/PPM, or what was typed when none of these. */
	funding: string;
}

export interface Synthesis {
	lang: Locale;
	generatedAt: string;
	title: string;
	theme: string;
	letterhead: MinutesLetterhead | null;
	/** Who signs (the first session's chair), where, and the date the report is made, in the first session's zone. */
	signer: { official: MinutesOfficial; place: string; date: string };
	sessions: SynthesisSession[];
	regions: SynthesisRegion[];
	issues: SynthesisIssue[];
	/** Constraints and recommendations, region × stakeholder group (items counted). */
	matrices: SynthesisMatrix[];
	/** Issues raised in every region (only when there are two regions or more). */
	shared: SynthesisIssue[];
	/** Issues raised in one region only, with more than one item or any votes; lone remarks stay in the full list. */
	particular: SynthesisIssue[];
	answers: SynthesisAnswer[];
	actions: SynthesisAction[];
	/** Action rows counted by PIC institution × funding source. */
	actionsBy: { institutions: string[]; fundings: string[]; counts: number[][] };
	/** Every hand edit applied, in order, with who and when (the log the report's workbook lists). */
	edits: SynthesisEdit[];
	/** Hand edits that name no item present any more. */
	skippedEdits: SynthesisEdit[];
	/** Each session's minutes, for the lampiran and for callers. */
	minutes: Minutes[];
}

const ANONYMOUS: Record<Locale, string> = { id: 'Anonim', en: 'Anonymous' };

/** The funding sources offices plan with, as one spelling each; anything else stays as typed. */
const FUNDINGS: [RegExp, string][] = [
	[/\bapbn\b/i, 'APBN'],
	[/\bapbd\b/i, 'APBD'],
	[/dana\s*desa|\badd\b|\bdd\b|apbdes/i, 'Dana Desa'],
	[/\bcsr\b|\bppm\b|\btjsl\b/i, 'CSR/PPM']
];

export function fundingSource(typed: string): string {
	const found = FUNDINGS.filter(([re]) => re.test(typed)).map(([, name]) => name);
	return found.length ? found.join(' + ') : typed.trim() || '–';
}

export async function buildSynthesis(db: Database, sessionIds: string[], edits: SynthesisEdit[], options: SynthesisOptions): Promise<Synthesis> {
	if (!sessionIds.length) throw new Error('buildSynthesis: no sessions');
	if (new Set(sessionIds).size !== sessionIds.length) throw new Error('buildSynthesis: a session is given twice');
	const { lang } = options;
	const now = options.now ?? new Date();
	const minutes: Minutes[] = [];
	for (const id of sessionIds) minutes.push(await buildMinutes(db, id, lang, now));
	const sessions = minutes.map((m, i) => sessionOf(m, sessionIds[i], options));
	const regions = uniqueRegions(sessions);
	shortenRegionNames(regions);
	// Two sessions in one region hold two copies of it: each takes the short name.
	const shortByKey = new Map(regions.map((r) => [r.key, r.short]));
	for (const x of sessions) x.region.short = shortByKey.get(x.region.key) ?? x.region.name;

	const itemById = new Map<string, { item: MinutesItem; session: SynthesisSession }>();
	const programme: ProgrammeItem[] = [];
	minutes.forEach((m, i) => {
		for (const item of m.items) {
			itemById.set(item.id, { item, session: sessions[i] });
			programme.push({ id: item.id, sessionId: sessions[i].id, text: item.text, kind: item.kind });
		}
	});
	const auto = clusterAcrossSessions(programme);
	const firstText = (ids: string[]) => itemById.get(ids[0])!.item.text;
	const { clusters, skipped } = applyEdits(auto, edits, firstText);

	const kindLabels = new Map<string, string>();
	for (const m of minutes) for (const k of [...m.matrix.rows]) if (!kindLabels.has(k.kind)) kindLabels.set(k.kind, k.label);
	const boardKinds = minutes[0] ? await kindKeys(db, sessionIds[0]) : [];

	const issues: SynthesisIssue[] = clusters.map((c) => {
		const entries = c.itemIds.map((id) => itemById.get(id)!);
		const contributors = new Set<string>();
		let supporters = 0;
		entries.forEach(({ item, session }, i) => {
			if (item.anonymous) contributors.add(`${session.id}#anon${i}`);
			else for (const who of item.contributors) contributors.add(`${session.id}#${who}`);
			supporters += item.supporters;
		});
		const score = entries.reduce((sum, { item, session }) => sum + (session.dots ? ((item.votes ?? 0) / session.dots) * 100 : 0), 0);
		const issueRegions = uniqueRegions(entries.map((e) => e.session));
		return {
			id: c.id,
			no: 0,
			kind: c.kind,
			kindLabel: singularKindLabel(kindLabels.get(c.kind) ?? c.kind, lang),
			name: c.name,
			origin: c.origin,
			pinned: c.pinned,
			editedBy: [...new Set(c.edits.map((e) => e.op))],
			items: entries.map(({ item, session }) => ({
				id: item.id,
				sessionId: session.id,
				text: item.text,
				group: item.author ? shortLabel(item.author.groupLabel) : '',
				votes: item.votes ?? 0
			})),
			regions: issueRegions,
			groups: [...new Set(entries.map((e) => (e.item.author ? shortLabel(e.item.author.groupLabel) : '')).filter(Boolean))],
			people: contributors.size + supporters,
			votes: entries.reduce((sum, e) => sum + (e.item.votes ?? 0), 0),
			score: Math.round(score * 10) / 10
		};
	});
	const kindOrder = new Map(boardKinds.map((k, i) => [k, i]));
	issues.sort(
		(a, b) =>
			Number(b.pinned) - Number(a.pinned) ||
			(kindOrder.get(a.kind) ?? 99) - (kindOrder.get(b.kind) ?? 99) ||
			b.score - a.score ||
			b.regions.length - a.regions.length ||
			b.people - a.people
	);
	issues.forEach((issue, i) => (issue.no = i + 1));

	const constraintKind = addressedKind(boardKinds) ?? 'kendala';
	const recommendationKind = answeringKind(boardKinds) ?? 'rekomendasi';
	const matrices = [constraintKind, recommendationKind].map((kind) => matrixOf(kind, kindLabels.get(kind) ?? kind, regions, minutes, sessions, lang));

	const issueOf = new Map<string, SynthesisIssue>();
	for (const issue of issues) for (const item of issue.items) issueOf.set(item.id, issue);
	const answers: SynthesisAnswer[] = issues
		.filter((i) => i.kind === recommendationKind)
		.map((recommendation) => {
			const ids = new Set(recommendation.items.map((i) => i.id));
			const answered = new Set<SynthesisIssue>();
			for (const m of minutes)
				for (const link of m.links)
					if (ids.has(link.recommendationId)) {
						const target = issueOf.get(link.targetId);
						if (target && target.kind === constraintKind) answered.add(target);
					}
			return { recommendation, answers: [...answered].sort((a, b) => a.no - b.no) };
		});

	const actions: SynthesisAction[] = minutes.flatMap((m, i) =>
		m.actionPlan.map((action) => ({
			session: sessions[i],
			action,
			institution: action.pic.institution.trim() || '–',
			funding: fundingSource(action.funding)
		}))
	);
	actions.sort((a, b) => a.institution.localeCompare(b.institution, lang) || a.funding.localeCompare(b.funding, lang));
	const institutions = [...new Set(actions.map((a) => a.institution))];
	const fundings = [...new Set(actions.map((a) => a.funding))].sort((a, b) => a.localeCompare(b, lang));
	const counts = institutions.map((inst) => fundings.map((f) => actions.filter((a) => a.institution === inst && a.funding === f).length));

	const first = minutes[0];
	return {
		lang,
		generatedAt: now.toISOString(),
		title: options.title || first.session.theme || first.session.title,
		theme: first.session.theme,
		letterhead: first.letterhead,
		// Signed the day it is issued, where the first FGD's minutes were signed, by its chair.
		signer: { official: first.details.chair, place: first.signOff.place, date: formatDate(localDateTime(now.toISOString(), first.session.timeZone), lang) },
		sessions,
		regions,
		issues,
		matrices,
		shared: regions.length > 1 ? issues.filter((i) => i.regions.length === regions.length) : [],
		particular: issues.filter((i) => i.regions.length === 1 && regions.length > 1 && (i.items.length > 1 || i.votes > 0)),
		answers,
		actions,
		actionsBy: { institutions, fundings, counts },
		edits,
		skippedEdits: skipped,
		minutes
	};
}

async function kindKeys(db: Database, sessionId: string): Promise<string[]> {
	const row = await db.selectFrom('sessions').select('kinds').where('id', '=', sessionId).executeTakeFirst();
	return row ? (JSON.parse(row.kinds) as { key: string }[]).map((k) => k.key) : [];
}

function sessionOf(m: Minutes, id: string, options: SynthesisOptions): SynthesisSession {
	const given = options.regions?.[id];
	const name = (given?.name ?? m.session.region).trim() || '–';
	const code = given?.code?.trim() || null;
	return {
		id,
		code: m.session.code,
		title: m.session.title,
		day: m.session.day,
		timeRange: m.session.timeRange,
		venue: m.session.venue,
		region: { key: code ?? name.toLowerCase().replace(/\s+/g, ' '), code, name, short: name },
		status: m.session.status,
		participants: m.attendance.total,
		byGroup: m.attendance.byGroup.map((g) => ({ group: g.group, label: g.label, count: g.count })),
		dots: m.items.reduce((sum, item) => sum + (item.votes ?? 0), 0),
		number: m.details.number
	};
}

function uniqueRegions(sessions: SynthesisSession[]): SynthesisRegion[] {
	const seen = new Map<string, SynthesisRegion>();
	for (const s of sessions) if (!seen.has(s.region.key)) seen.set(s.region.key, s.region);
	return [...seen.values()];
}

/** Drops the trailing ", …" parts that every region's name shares, when there are two regions or more. */
export function shortenRegionNames(regions: SynthesisRegion[]) {
	if (regions.length < 2) return;
	const parts = regions.map((r) => r.name.split(', '));
	let shared = 0;
	while (parts.every((p) => p.length > shared + 1 && p[p.length - 1 - shared] === parts[0][parts[0].length - 1 - shared])) shared++;
	if (shared) regions.forEach((r, i) => (r.short = parts[i].slice(0, parts[i].length - shared).join(', ')));
}

function matrixOf(kind: string, label: string, regions: SynthesisRegion[], minutes: Minutes[], sessions: SynthesisSession[], lang: Locale): SynthesisMatrix {
	// The groups that raised items of this kind, in the sessions' order of groups.
	const order: string[] = [];
	for (const m of minutes) for (const g of m.attendance.byGroup) if (!order.includes(g.shortLabel)) order.push(g.shortLabel);
	const used = new Set(minutes.flatMap((m) => m.items.filter((i) => i.kind === kind && i.author).map((i) => shortLabel(i.author!.groupLabel))));
	const groups = [...order.filter((g) => used.has(g)), ...[...used].filter((g) => !order.includes(g))];
	const anonymous = minutes.some((m) => m.items.some((i) => i.kind === kind && !i.author));
	if (anonymous) groups.push(ANONYMOUS[lang]);
	const rows = regions.map((region) => {
		const counts = groups.map(() => 0);
		minutes.forEach((m, i) => {
			if (sessions[i].region.key !== region.key) return;
			for (const item of m.items) {
				if (item.kind !== kind) continue;
				const col = item.author ? groups.indexOf(shortLabel(item.author.groupLabel)) : groups.length - 1;
				if (col >= 0) counts[col]++;
			}
		});
		return { region, counts, total: counts.reduce((a, b) => a + b, 0) };
	});
	return { kind, label, groups, rows };
}

/**
 * The Laporan Hasil FGD as an outline of blocks — headings, paragraphs, numbered lists, tables,
 * the sign-off — in print order. DOCX and PDF lay out the same blocks, so the two cannot disagree
 * about what the report says or in what order; the XLSX takes the same tables as sheets.
 */
import { formatMoment } from '../../domain/format';
import { WORDS } from '../minutes/md/words';
import { rupiah } from '../minutes/sections/actions';
import { nameLines, placeAndDate, roleLines } from '../minutes/sign-off';
import type { Synthesis, SynthesisIssue } from './model';
import { SYNTHESIS_WORDS, type SynthesisWords } from './words';

export interface OutlineTable {
	header: string[];
	rows: string[][];
	/** Relative column widths. */
	weights: number[];
	/** Columns of numbers, right-aligned. */
	right: number[];
	/** Smaller type for wide tables. */
	small?: boolean;
	/** The last row sums the others: bold. */
	totals?: boolean;
}

export type Block =
	| { type: 'heading'; level: 1 | 2 | 3; text: string }
	| { type: 'paragraph'; text: string }
	| { type: 'note'; text: string }
	| { type: 'list'; items: string[] }
	| { type: 'table'; table: OutlineTable }
	| { type: 'signOff'; placeAndDate: string; role: string[]; name: string; named: boolean; below: string[] }
	| { type: 'pageBreak' };

export interface Outline {
	title: string;
	subtitle: string;
	/** "Dibuat dengan Rembuk pada …", printed small at the end. */
	footer: string;
	blocks: Block[];
}

const issueName = (issue: SynthesisIssue) => issue.name;
// Names hold commas ("Kabupaten Paser, Kalimantan Timur"), so a list of them is joined with semicolons.
const regionsOf = (issue: SynthesisIssue) => issue.regions.map((r) => r.short).join('; ');
const score = (n: number, lang: 'id' | 'en') => n.toLocaleString(lang === 'id' ? 'id-ID' : 'en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** The issues' table (III.A): one row per issue, with up to two of its cards as examples. */
export function issueTable(s: Synthesis, w: SynthesisWords): OutlineTable {
	return {
		header: w.issueTable,
		rows: s.issues.map((issue) => {
			const examples = issue.items.length > 1 ? `\n${w.examples} ${issue.items.slice(0, 2).map((i) => `“${i.text}”`).join('; ')}` : '';
			const origin = issue.origin === 'hand' ? `${w.origin.hand}${issue.editedBy.length ? ` (${issue.editedBy.map((op) => w.ops[op]).join(', ')})` : ''}` : w.origin.auto;
			return [
				String(issue.no),
				`${issueName(issue)}${examples}`,
				issue.kindLabel,
				regionsOf(issue),
				issue.groups.join(', ') || '–',
				String(issue.people),
				String(issue.votes),
				score(issue.score, s.lang),
				origin
			];
		}),
		weights: [2, 12, 4, 6, 6, 3, 3, 3, 4],
		right: [0, 5, 6, 7],
		small: true
	};
}

export function sessionTable(s: Synthesis, w: SynthesisWords): OutlineTable {
	return {
		header: w.sessionTable,
		rows: s.sessions.map((x, i) => [
			String(i + 1),
			x.region.code ? `${x.region.name} (${x.region.code})` : x.region.name,
			x.day,
			x.timeRange,
			x.venue || '–',
			String(x.participants),
			x.byGroup.filter((g) => g.count).map((g) => `${g.label}: ${g.count}`).join('\n') || '–'
		]),
		weights: [2, 5, 6, 5, 6, 3, 9],
		right: [0, 5],
		small: true
	};
}

export function matrixTables(s: Synthesis, w: SynthesisWords): { label: string; table: OutlineTable | null }[] {
	return s.matrices.map((m) => ({
		label: m.label,
		table:
			m.rows.some((r) => r.total) && m.groups.length
				? {
						header: [w.region, ...m.groups, w.matrixTotal],
						rows: [
							...m.rows.map((r) => [r.region.short, ...r.counts.map(String), String(r.total)]),
							[w.matrixTotal, ...m.groups.map((_, c) => String(m.rows.reduce((sum, r) => sum + r.counts[c], 0))), String(m.rows.reduce((sum, r) => sum + r.total, 0))]
						],
						weights: [5, ...m.groups.map(() => 3), 2],
						right: [...m.groups.map((_, c) => c + 1), m.groups.length + 1],
						small: true,
						totals: true
					}
				: null
	}));
}

export function answerTable(s: Synthesis, w: SynthesisWords): OutlineTable {
	return {
		header: w.answerTable,
		rows: s.answers.map((a, i) => [
			String(i + 1),
			a.recommendation.name,
			regionsOf(a.recommendation),
			score(a.recommendation.score, s.lang),
			a.answers.map((c) => `${c.no}. ${c.name}`).join('\n') || w.notLinked
		]),
		weights: [2, 10, 5, 3, 10],
		right: [0, 3],
		small: true
	};
}

export function actionTable(s: Synthesis, w: SynthesisWords): OutlineTable {
	return {
		header: w.actionTable,
		rows: s.actions.map((a, i) => [
			String(i + 1),
			a.institution,
			a.funding,
			a.action.activity,
			a.session.region.short,
			a.action.timeframe || '–',
			rupiah(a.action.cost, s.lang),
			a.action.statusLabel
		]),
		weights: [2, 7, 4, 10, 5, 4, 5, 4],
		right: [0, 6],
		small: true
	};
}

export function actionsByTable(s: Synthesis, w: SynthesisWords): OutlineTable {
	const { institutions, fundings, counts } = s.actionsBy;
	return {
		header: [w.institution, ...fundings, w.matrixTotal],
		rows: institutions.map((inst, i) => [inst, ...counts[i].map(String), String(counts[i].reduce((a, b) => a + b, 0))]),
		weights: [8, ...fundings.map(() => 3), 2],
		right: [...fundings.map((_, c) => c + 1), fundings.length + 1],
		small: true
	};
}

export function minutesTable(s: Synthesis, w: SynthesisWords): OutlineTable {
	return {
		header: w.minutesTable,
		rows: s.sessions.map((x, i) => [
			String(i + 1),
			x.region.name,
			x.title,
			x.day,
			x.number || '–',
			x.code,
			x.status === 'closed' ? w.status.closed : w.status.open
		]),
		weights: [2, 5, 9, 6, 6, 4, 4],
		right: [0],
		small: true
	};
}

/** The most telling issues, by name: at most `n`. */
const top = (issues: SynthesisIssue[], n = 5) => issues.slice(0, n).map(issueName);

export function outline(s: Synthesis, extra: { background?: string; aims?: string; basis?: string[] } = {}): Outline {
	const w = SYNTHESIS_WORDS[s.lang];
	const mw = WORDS[s.lang];
	const h = w.headings;
	const blocks: Block[] = [];
	const heading = (level: 1 | 2 | 3, text: string) => blocks.push({ type: 'heading', level, text });
	const paragraph = (text: string) => blocks.push({ type: 'paragraph', text });
	const note = (text: string) => blocks.push({ type: 'note', text });
	const table = (t: OutlineTable) => blocks.push({ type: 'table', table: t });

	heading(1, h.intro);
	heading(2, h.background);
	paragraph(extra.background || w.background(s.theme || s.title, s.sessions.length, s.regions.map((r) => r.short)));
	heading(2, h.aims);
	const aims = [...new Set(s.minutes.map((m) => m.details.aims.trim()).filter(Boolean))];
	paragraph(extra.aims || (aims.length ? aims.join('\n') : w.aimsDefault));
	heading(2, h.basis);
	const basis = extra.basis?.length ? extra.basis : [...new Set(s.minutes.map((m) => m.details.basis.trim()).filter(Boolean))];
	if (basis.length) blocks.push({ type: 'list', items: basis });
	else note(w.noBasis);

	heading(1, h.conduct);
	paragraph(w.conductIntro(s.sessions.length, s.sessions.reduce((sum, x) => sum + x.participants, 0)));
	table(sessionTable(s, w));

	heading(1, h.results);
	heading(2, h.issues);
	const items = s.issues.reduce((sum, i) => sum + i.items.length, 0);
	if (s.issues.length) {
		paragraph(w.issuesIntro(items, s.issues.length, s.issues.filter((i) => i.origin === 'hand').length));
		note(w.scoreNote);
		table(issueTable(s, w));
	} else note(w.noIssues);

	heading(2, h.matrices);
	for (const m of matrixTables(s, w)) {
		heading(3, m.label);
		if (m.table) table(m.table);
		else note(w.noMatrix(m.label));
	}

	heading(2, h.sharedParticular);
	if (s.regions.length < 2) note(w.singleRegion);
	else {
		heading(3, w.shared);
		if (s.shared.length) blocks.push({ type: 'list', items: s.shared.map((i) => `${i.name} (${i.kindLabel}; ${w.issueTable[7].toLowerCase()} ${score(i.score, s.lang)})`) });
		else note(w.noShared);
		heading(3, w.particular);
		if (s.particular.length) blocks.push({ type: 'list', items: s.particular.map((i) => `${i.name} — ${regionsOf(i)} (${i.kindLabel}; ${w.issueTable[7].toLowerCase()} ${score(i.score, s.lang)})`) });
		else note(w.noParticular);
	}

	heading(2, h.answers);
	if (s.answers.length) table(answerTable(s, w));
	else note(w.noSuggestions);

	heading(2, h.actions);
	if (s.actions.length) {
		table(actionTable(s, w));
		heading(3, w.actionsBy);
		table(actionsByTable(s, w));
	} else note(w.noActions);

	heading(1, h.conclusions);
	heading(2, h.conclusionsA);
	const byScore = [...s.issues].sort((a, b) => b.score - a.score).filter((i) => i.score > 0);
	const conclusions = [
		s.shared.length ? w.conclusionShared(top(s.shared)) : '',
		byScore.length ? w.conclusionTop(top(byScore)) : '',
		s.particular.length ? w.conclusionParticular(top(s.particular)) : '',
		s.actions.length ? w.conclusionActions(s.actions.length, s.actionsBy.institutions.length) : ''
	].filter(Boolean);
	if (conclusions.length) blocks.push({ type: 'list', items: conclusions });
	else note(w.noConclusions);
	heading(2, h.suggestions);
	const suggestions = [...s.answers].sort((a, b) => b.recommendation.score - a.recommendation.score || a.recommendation.no - b.recommendation.no).slice(0, 10);
	if (suggestions.length) blocks.push({ type: 'list', items: suggestions.map((a) => w.suggestion(a.recommendation.name, a.answers.map(issueName))) });
	else note(w.noSuggestions);

	heading(1, h.closing);
	paragraph(w.closing);
	const [role, ...position] = roleLines(w.signerRole, s.signer.official);
	const { name, named, below } = nameLines(s.signer.official, mw);
	blocks.push({ type: 'signOff', placeAndDate: placeAndDate({ place: s.signer.place, date: s.signer.date }, mw), role: [role, ...position], name, named, below });

	blocks.push({ type: 'pageBreak' });
	heading(1, h.appendix);
	heading(2, h.minutes);
	note(w.minutesNote);
	table(minutesTable(s, w));

	return {
		title: w.title,
		subtitle: s.title,
		footer: w.footer(formatMoment(s.generatedAt, s.minutes[0]?.session.timeZone ?? 'Asia/Jakarta', s.lang)),
		blocks
	};
}

/** The results in the PDF: pokok hasil diskusi with the group tables, kesimpulan, rekomendasi. */
import { kindLabels as kindCells } from '../labels';
import type { GroupCount, Minutes, MinutesItem } from '../model';
import type { Words } from '../md/words';
import { votesChart } from './bars';
import type { Layout } from './layout';
import type { PdfWords } from './words';

/** "Oleh: … · 4 suara · digabung dari 2 masukan". */
export function facts(item: MinutesItem, words: Words): string {
	const parts = [`${words.by}: ${item.attribution}`];
	if (item.votes !== null) parts.push(words.votes(item.votes));
	if (item.mergedCount > 0) parts.push(words.merged(item.mergedCount + 1));
	if (item.supporters > 0) parts.push(words.supported(item.supporters));
	return parts.join(' · ');
}

/**
 * "Pemerintah (OPD / kecamatan / desa)" → "Pemerintah": the group columns of the wide tables are
 * too narrow for the full label, which the attendance table above prints in full.
 */

/** The most recommendations the votes chart shows. */
const CHART_BARS = 15;

const countIn = (cells: GroupCount[], group: string) => String(cells.find((c) => c.group === group)?.count ?? 0);

export function findingsSection(layout: Layout, minutes: Minutes, words: Words) {
	layout.heading(words.headings.findings);
	const themed = minutes.themes.length > 0;
	for (const kind of minutes.findings) {
		layout.heading(kind.label, 2);
		if (kind.count === 0) layout.paragraph(words.noItems, { italic: true });
		for (const group of kind.groups) {
			if (themed) layout.heading(group.name, 3);
			if (group.votes !== null) layout.paragraph(words.themeVotes(group.votes), { italic: true, size: 8 });
			group.items.forEach((item, i) => layout.hanging(`${i + 1}.`, item.text, facts(item, words), 8));
		}
	}
	matrixTable(layout, minutes, words);
}

function matrixTable(layout: Layout, { matrix }: Minutes, words: Words) {
	layout.heading(words.headings.matrix, 2);
	const columns = matrix.totals.byGroup;
	const row = (label: string, cells: typeof matrix.totals) => [
		label,
		...columns.map((c) => countIn(cells.byGroup, c.group)),
		String(cells.anonymous),
		String(cells.total)
	];
	layout.table(
		[
			{ header: words.kindColumn, width: 2 },
			...columns.map((g) => ({ header: g.shortLabel, width: 1.3, align: 'right' as const })),
			{ header: words.anonymousColumn, width: 1.3, align: 'right' },
			{ header: words.total, width: 0.8, align: 'right' }
		],
		[...matrix.rows.map((r) => row(r.label, r)), row(words.total, matrix.totals)],
		{ size: 7, condensed: true, totals: true }
	);
}

export function votesSection(layout: Layout, minutes: Minutes, words: Words, pdf: PdfWords) {
	const { votes, recommendations, attendance } = minutes;
	layout.heading(words.headings.votes, 2);
	if (votes.targets.length === 0) return layout.paragraph(words.noVotes, { italic: true });
	layout.paragraph(`${words.voteSummary(votes.dots, votes.voters, votes.budget)} ${words.votedOn(votes.votedOn, votes.notVotedOn)}`);
	layout.doc.moveDown(0.3);
	const kindLabels = kindCells(minutes);
	const columns = attendance.byGroup;
	const [choice, kind] = words.choiceColumns;
	layout.table(
		[
			{ header: choice, width: 2.5 },
			{ header: kind, width: 1.9 },
			...columns.map((g) => ({ header: g.shortLabel, width: 1.3, align: 'right' as const })),
			{ header: words.total, width: 0.8, align: 'right' }
		],
		votes.targets.map((t) => [
			t.text,
			t.kind === null ? words.themeKind : (kindLabels.get(t.kind) ?? t.kind),
			...columns.map((c) => countIn(t.byGroup, c.group)),
			String(t.total)
		]),
		{ size: 6.5, condensed: true }
	);
	if (recommendations) {
		// A chart of hundreds of bars says nothing; the tables above hold every count.
		const ranked = votes.targets.filter((t) => t.kind === recommendations.kind).slice(0, CHART_BARS);
		votesChart(layout, ranked, attendance.byGroup, pdf);
	}
}

export function conclusionsSection(layout: Layout, { details }: Minutes, words: Words) {
	layout.heading(words.headings.conclusions);
	const points = details.conclusions
		.split(/\r?\n/)
		.map((line) => line.replace(/^\s*(?:\d+[.)]|[-*•])\s+/, '').trim())
		.filter(Boolean);
	if (!points.length) layout.paragraph(words.notFilled, { italic: true });
	points.forEach((p, i) => layout.hanging(`${i + 1}.`, p));
}

export function recommendationsSection(layout: Layout, { recommendations }: Minutes, words: Words) {
	layout.heading(words.headings.recommendations);
	if (!recommendations?.ranked.length) return layout.paragraph(words.noRecommendations, { italic: true });
	const unlinked = words.notLinked(recommendations.answers.label);
	for (const { rank, item, links } of recommendations.ranked) {
		// A recommendation and the constraints it answers stay on one page.
		layout.ensure(30 + 14 * (links.length + 1));
		layout.hanging(`${rank}.`, item.text, facts(item, words));
		if (!links.some((l) => l.relation === 'addresses')) layout.hanging('–', unlinked, '', 18, 10);
		for (const link of links) {
			const label = link.relation === 'addresses' ? words.addresses(link.label) : words.uses(link.label);
			layout.hanging('–', `${label}: ${link.items.map((i) => i.text).join('; ')}`, '', 18, 10);
		}
	}
}

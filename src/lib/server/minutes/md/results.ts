/** The results: pokok hasil diskusi (with the group tables), kesimpulan, rekomendasi. */
import { kindLabels as kindCells } from '../labels';
import type { GroupCount, Minutes, MinutesItem, MinutesRecommendation } from '../model';
import { escapeMarkdown, listItem, placeholder, row, tableHead } from './blocks';
import type { Words } from './words';

export function findingsSection(minutes: Minutes, words: Words): string[] {
	const lines = [`## ${words.headings.findings}`];
	const themed = minutes.themes.length > 0;
	for (const kind of minutes.findings) {
		lines.push('', `### ${escapeMarkdown(kind.label)}`);
		if (kind.count === 0) lines.push('', placeholder(words.noItems));
		for (const group of kind.groups) {
			// Without themes the items sit straight under their kind, as on an ungrouped board.
			if (themed) lines.push('', `#### ${escapeMarkdown(group.name)}`);
			if (group.votes !== null) lines.push('', placeholder(words.themeVotes(group.votes)));
			lines.push('', ...group.items.map((item, i) => listItem(i + 1, item.text, facts(item, words))));
		}
	}
	return [...lines, '', ...matrixLines(minutes, words), '', ...voteLines(minutes, words)];
}

/** "Oleh: name – institution – group · 4 suara · digabung dari 2 masukan", escaped. */
export function facts(item: MinutesItem, words: Words): string {
	const parts = [`${words.by}: ${escapeMarkdown(item.attribution)}`];
	if (item.votes !== null) parts.push(words.votes(item.votes));
	if (item.mergedCount > 0) parts.push(words.merged(item.mergedCount + 1));
	if (item.supporters > 0) parts.push(words.supported(item.supporters));
	return parts.join(' · ');
}

/** The cells of a row under `columns`: a group missing from the row (one removed from the session) counts 0. */
function counts(columns: { group: string }[], cells: GroupCount[]): string[] {
	return columns.map((c) => String(cells.find((x) => x.group === c.group)?.count ?? 0));
}

/** Every group any row mentions, in first-seen order (the session's groups come first in each). */
function columnsOf(rows: GroupCount[][]): GroupCount[] {
	const seen = new Map<string, GroupCount>();
	for (const cells of rows) for (const c of cells) if (!seen.has(c.group)) seen.set(c.group, c);
	return [...seen.values()];
}

function matrixLines({ matrix }: Minutes, words: Words): string[] {
	// The totals row counts every item, so it names every group a row can have.
	const columns = matrix.totals.byGroup;
	const header = [words.kindColumn, ...columns.map((g) => escapeMarkdown(g.label)), words.anonymousColumn, words.total];
	const align = 'l' + 'r'.repeat(header.length - 1);
	const totals = [words.total, ...counts(columns, columns), String(matrix.totals.anonymous), String(matrix.totals.total)];
	return [
		`### ${words.headings.matrix}`,
		'',
		...tableHead(header, align),
		...matrix.rows.map((r) => row([escapeMarkdown(r.label), ...counts(columns, r.byGroup), String(r.anonymous), String(r.total)])),
		row(totals.map((t) => `**${t}**`))
	];
}

function voteLines(minutes: Minutes, words: Words): string[] {
	const { votes } = minutes;
	const heading = `### ${words.headings.votes}`;
	if (votes.targets.length === 0) return [heading, '', placeholder(words.noVotes)];
	const kindLabels = kindCells(minutes);
	const columns = columnsOf(votes.targets.map((t) => t.byGroup));
	const header = [...words.choiceColumns, ...columns.map((g) => escapeMarkdown(g.label)), words.total];
	return [
		heading,
		'',
		escapeMarkdown(`${words.voteSummary(votes.dots, votes.voters, votes.budget)} ${words.votedOn(votes.votedOn, votes.notVotedOn)}`),
		'',
		...tableHead(header, 'll' + 'r'.repeat(columns.length + 1)),
		...votes.targets.map((t) => {
			const kind = t.kind === null ? words.themeKind : (kindLabels.get(t.kind) ?? t.kind);
			return row([escapeMarkdown(t.text), escapeMarkdown(kind), ...counts(columns, t.byGroup), `**${t.total}**`]);
		})
	];
}

/** One agreed point per line; a number or bullet the organizer typed in front is dropped, the list numbers it. */
export function conclusionsSection({ details }: Minutes, words: Words): string[] {
	const points = details.conclusions
		.split(/\r?\n/)
		.map((line) => line.replace(/^\s*(?:\d+[.)]|[-*•])\s+/, '').trim())
		.filter(Boolean);
	const body = points.length ? points.map((p, i) => listItem(i + 1, p)) : [placeholder(words.notFilled)];
	return [`## ${words.headings.conclusions}`, '', ...body];
}

export function recommendationsSection({ recommendations }: Minutes, words: Words): string[] {
	const heading = `## ${words.headings.recommendations}`;
	if (!recommendations?.ranked.length) return [heading, '', placeholder(words.noRecommendations)];
	const unlinked = `- *${escapeMarkdown(words.notLinked(recommendations.answers.label))}*`;
	return [heading, '', ...recommendations.ranked.map((r) => recommendationLines(r, words, unlinked))];
}

/**
 * The recommendation, who made it and its dots, then one nested line per linked kind; one that
 * answers no constraint says so, so a reader does not take the silence for an oversight in the minutes.
 */
function recommendationLines({ rank, item, links }: MinutesRecommendation, words: Words, unlinked: string): string {
	const linked = links.map((l) => {
		const label = l.relation === 'addresses' ? words.addresses(l.label) : words.uses(l.label);
		return `- **${escapeMarkdown(label)}:** ${l.items.map((i) => escapeMarkdown(i.text)).join('; ')}`;
	});
	const answersSome = links.some((l) => l.relation === 'addresses');
	return listItem(rank, item.text, facts(item, words), answersSome ? linked : [unlinked, ...linked]);
}

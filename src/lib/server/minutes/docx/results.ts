/** The results in the DOCX notulen: pokok hasil diskusi (with the group tables and the vote chart), kesimpulan, rekomendasi. */
import { Paragraph, TextRun, type FileChild } from 'docx';
import { votesChart } from '../charts';
import { kindLabels } from '../labels';
import type { GroupCount, Minutes, MinutesItem } from '../model';
import { chart, gap, heading, numbered, placeholder, table, type Frame } from './blocks';

export function findingsSection(frame: Frame, minutes: Minutes): FileChild[] {
	const { words } = frame;
	const out: FileChild[] = [heading(1, words.headings.findings)];
	const themed = minutes.themes.length > 0;
	for (const kind of minutes.findings) {
		out.push(heading(2, kind.label));
		if (kind.count === 0) out.push(placeholder(words.noItems));
		for (const group of kind.groups) {
			// Without themes the items sit straight under their kind, as on an ungrouped board.
			if (themed) out.push(heading(3, group.name));
			if (group.votes !== null) out.push(placeholder(words.themeVotes(group.votes)));
			out.push(...group.items.map((item, i) => numbered(i + 1, item.text, facts(frame, item))));
		}
	}
	return [...out, ...matrix(frame, minutes), ...votes(frame, minutes)];
}

/** "Oleh: name – institution – group · 4 suara · digabung dari 2 masukan". */
function facts({ words }: Frame, item: MinutesItem): string {
	const parts = [`${words.by}: ${item.attribution}`];
	if (item.votes !== null) parts.push(words.votes(item.votes));
	if (item.mergedCount > 0) parts.push(words.merged(item.mergedCount + 1));
	if (item.supporters > 0) parts.push(words.supported(item.supporters));
	return parts.join(' · ');
}

const counts = (columns: GroupCount[], cells: GroupCount[]) => columns.map((c) => String(cells.find((x) => x.group === c.group)?.count ?? 0));

function matrix(frame: Frame, { matrix }: Minutes): FileChild[] {
	const { words } = frame;
	const columns = matrix.totals.byGroup;
	const header = [words.kindColumn, ...columns.map((g) => g.shortLabel), words.anonymousColumn, words.total];
	const rows = [
		...matrix.rows.map((r) => [r.label, ...counts(columns, r.byGroup), String(r.anonymous), String(r.total)]),
		[words.total, ...counts(columns, columns), String(matrix.totals.anonymous), String(matrix.totals.total)]
	];
	const right = header.map((_, i) => i).slice(1);
	const options = { weights: [2, ...right.map(() => 1)], right, upright: right, size: 16, totals: true };
	return [heading(2, words.headings.matrix), table(frame, header, rows, options)];
}

function votes(frame: Frame, minutes: Minutes): FileChild[] {
	const { words } = frame;
	const { votes } = minutes;
	const head = heading(2, words.headings.votes);
	if (votes.targets.length === 0) return [head, placeholder(words.noVotes)];
	const kinds = kindLabels(minutes);
	const seen = new Map<string, GroupCount>();
	for (const t of votes.targets) for (const g of t.byGroup) if (!seen.has(g.group)) seen.set(g.group, g);
	const columns = [...seen.values()];
	const header = [...words.choiceColumns, ...columns.map((g) => g.shortLabel), words.total];
	const rows = votes.targets.map((t) => [t.text, t.kind === null ? words.themeKind : (kinds.get(t.kind) ?? t.kind), ...counts(columns, t.byGroup), String(t.total)]);
	const right = header.map((_, i) => i).slice(2);
	return [
		head,
		new Paragraph({ children: [new TextRun(`${words.voteSummary(votes.dots, votes.voters, votes.budget)} ${words.votedOn(votes.votedOn, votes.notVotedOn)}`)] }),
		table(frame, header, rows, { weights: [5, 2, ...right.map(() => 1)], right, upright: right, size: 16 }),
		chart(frame, votesChart(minutes), words.headings.votes),
		gap()
	];
}

/** One agreed point per line; a number or bullet typed in front is dropped, the list numbers it. */
export function conclusionsSection(frame: Frame, { details }: Minutes): FileChild[] {
	const points = details.conclusions
		.split(/\r?\n/)
		.map((line) => line.replace(/^\s*(?:\d+[.)]|[-*•])\s+/, '').trim())
		.filter(Boolean);
	const body = points.length ? points.map((p, i) => numbered(i + 1, p)) : [placeholder(frame.words.notFilled)];
	return [heading(1, frame.words.headings.conclusions), ...body];
}

export function recommendationsSection(frame: Frame, { recommendations }: Minutes): FileChild[] {
	const { words } = frame;
	const head = heading(1, words.headings.recommendations);
	if (!recommendations?.ranked.length) return [head, placeholder(words.noRecommendations)];
	return [
		head,
		// A recommendation keeps its links with it: no "Belum dikaitkan" alone at the top of a page.
		...recommendations.ranked.flatMap(({ rank, item, links }) => {
			const unlinked = !links.some((l) => l.relation === 'addresses');
			const lines = links.length + (unlinked ? 1 : 0);
			const keep = (i: number) => i < lines - 1 || undefined;
			return [
				numbered(rank, item.text, facts(frame, item), true),
				...(unlinked ? [new Paragraph({ indent: { left: 720 }, keepNext: keep(0), children: [new TextRun({ text: words.notLinked(recommendations.answers.label), italics: true })] })] : []),
				...links.map((l, i) => {
					const label = l.relation === 'addresses' ? words.addresses(l.label) : words.uses(l.label);
					return new Paragraph({
						indent: { left: 720 },
						keepNext: keep(i + (unlinked ? 1 : 0)),
						children: [new TextRun({ text: `${label}: `, bold: true }), new TextRun(l.items.map((i) => i.text).join('; '))]
					});
				})
			];
		})
	];
}

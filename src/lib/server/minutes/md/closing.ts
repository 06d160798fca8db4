/** The closing sections: rencana tindak lanjut, penutup, pengesahan, lampiran. */
import type { Minutes, MinutesOfficial } from '../model';
import { kindLabels as kindCells } from '../labels';
import { closingLines, nameLines, nipNote, placeAndDate, roleLines } from '../sign-off';
import { attendanceBlock, documentationBlock } from './attachments';
import { cell, escapeMarkdown, placeholder, row, tableHead } from './blocks';
import type { Words } from './words';

export function actionPlanSection({ actionPlan }: Minutes, words: Words): string[] {
	const heading = `## ${words.headings.actionPlan}`;
	if (actionPlan.length === 0) return [heading, '', placeholder(words.noActions)];
	const rows = actionPlan.map((a) =>
		row([
			String(a.no),
			cell(a.issues.map((i) => i.text).join('; ')),
			cell(a.recommendation?.text ?? ''),
			cell(a.activity),
			cell(a.output),
			cell(a.indicator),
			cell(a.picText),
			cell(a.partners),
			cell(a.timeframe),
			cell(a.funding),
			cell(a.costText),
			cell(a.statusLabel),
			cell(a.remarks)
		])
	);
	return [heading, '', ...tableHead(words.actionTable, 'rlllllllllrll'), ...rows];
}

export function closingSection(minutes: Minutes, words: Words): string[] {
	const [when, sentence] = closingLines(minutes, words);
	return [`## ${words.headings.closing}`, '', escapeMarkdown(when), '', sentence];
}

/** Place and date, "Mengetahui," the chair, then the minute-taker, each with blank lines to sign in; then the tembusan. */
export function signOffSection(minutes: Minutes, words: Words): string[] {
	const { signOff, details } = minutes;
	const note = nipNote(minutes, words);
	const copies = details.copies.length
		? ['', words.copies, '', ...details.copies.map((c, i) => `${i + 1}. ${escapeMarkdown(c)}`)]
		: [];
	return [
		`## ${words.headings.signOff}`,
		'',
		escapeMarkdown(placeAndDate(signOff, words)),
		'',
		`${words.acknowledged}\\`,
		...signatureBlock(words.chairRole, details.chair, words),
		'',
		...signatureBlock(words.minuteTakerRole, details.minuteTaker, words),
		...(note ? ['', `*${escapeMarkdown(note)}*`] : []),
		...copies
	];
}

/** Role and position, room to sign, then the name (a dotted line when unknown), pangkat/golongan and NIP. */
function signatureBlock(role: string, official: MinutesOfficial, words: Words): string[] {
	const [title, ...position] = roleLines(role, official);
	const { name, named, below } = nameLines(official, words);
	const lines = [named ? `**${escapeMarkdown(name)}**` : name, ...below.map(escapeMarkdown)];
	return [[`**${title}**`, ...position.map(escapeMarkdown)].join('\\\n'), '', '', '', lines.join('\\\n')];
}

export function appendixSection(minutes: Minutes, words: Words): string[] {
	const { items, themes } = minutes;
	const h = words.headings;
	const people = attendanceBlock(minutes, words);
	const kindLabels = kindCells(minutes);
	const themeNames = new Map(themes.map((t) => [t.id, t.name]));
	const list = items.length
		? [
				...tableHead(words.itemTable, 'rllllr'),
				...items.map((item, i) => {
					const text = item.mergedCount ? `${item.text} (${words.merged(item.mergedCount + 1)})` : item.text;
					const theme = item.themeId ? (themeNames.get(item.themeId) ?? '') : '';
					const votes = item.votes === null ? '–' : String(item.votes);
					return row([String(i + 1), cell(kindLabels.get(item.kind) ?? item.kind), cell(theme), cell(text), cell(item.attribution), votes]);
				})
			]
		: [placeholder(words.noItems)];
	return [`## ${h.appendix}`, '', `### ${h.attendance}`, '', ...people, '', `### ${h.items}`, '', ...list, ...documentationBlock(minutes, words)];
}

/** The closing sections: rencana tindak lanjut, penutup, pengesahan, lampiran. */
import type { Minutes, MinutesOfficial } from '../model';
import { actionPlanCells, itemListCells } from '../labels';
import { closingLines, nameLines, nipNote, placeAndDate, roleLines } from '../sign-off';
import { attendanceBlock, documentationBlock } from './attachments';
import { cell, escapeMarkdown, placeholder, row, tableHead } from './blocks';
import type { Words } from './words';

export function actionPlanSection(minutes: Minutes, words: Words): string[] {
	const { actionPlan } = minutes;
	const heading = `## ${words.headings.actionPlan}`;
	if (actionPlan.length === 0) return [heading, '', placeholder(words.noActions)];
	const rows = actionPlanCells(minutes).map((cells) => row(cells.map((text, i) => (i === 0 ? text : cell(text)))));
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
	const list = items.length
		? [
				...tableHead(words.itemTable, 'rllllr'),
				...itemListCells(minutes, words).map((cells) => row(cells.map((text, i) => (i === 0 || i === 5 ? text : cell(text)))))
			]
		: [placeholder(words.noItems)];
	return [`## ${h.appendix}`, '', `### ${h.attendance}`, '', ...people, '', `### ${h.items}`, '', ...list, ...documentationBlock(minutes, words)];
}

/** The closing sections: rencana tindak lanjut, penutup, pengesahan, lampiran. */
import type { Minutes, MinutesOfficial } from '../model';
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
	return [heading, '', ...tableHead(words.actionTable, 'rllllllllrll'), ...rows];
}

export function closingSection({ session }: Minutes, words: Words): string[] {
	const when = session.closedTime ? words.closedAt(session.closedTime) : words.stillOpen;
	return [`## ${words.headings.closing}`, '', escapeMarkdown(when), '', words.closingSentence];
}

/** Place and date, "Mengetahui," the chair, then the minute-taker, each with blank lines to sign in. */
export function signOffSection({ signOff, details }: Minutes, words: Words): string[] {
	const place = [signOff.place, signOff.date].filter(Boolean).map(escapeMarkdown).join(', ');
	return [
		`## ${words.headings.signOff}`,
		'',
		place,
		'',
		`${words.acknowledged}\\`,
		...signatureBlock(words.chairRole, details.chair, words),
		'',
		...signatureBlock(words.minuteTakerRole, details.minuteTaker, words)
	];
}

/** An empty name is a dotted line to write on, as on a printed form; position and NIP print when known. */
function signatureBlock(role: string, official: MinutesOfficial, words: Words): string[] {
	const name = official.name ? `**${escapeMarkdown(official.name)}**` : '(..............................)';
	const below = [official.position && escapeMarkdown(official.position), official.nip && `${words.nip} ${escapeMarkdown(official.nip)}`];
	const lines = [name, ...below.filter(Boolean)];
	return [`**${role}**`, '', '', '', lines.join('\\\n')];
}

export function appendixSection(minutes: Minutes, words: Words): string[] {
	const { items, themes, findings, recommendations } = minutes;
	const h = words.headings;
	const people = attendanceBlock(minutes, words);
	const kindLabels = new Map([...findings, ...(recommendations ? [recommendations] : [])].map((k) => [k.kind, k.label]));
	const themeNames = new Map(themes.map((t) => [t.id, t.name]));
	const list = items.length
		? [
				...tableHead(words.itemTable, 'rllllr'),
				...items.map((item, i) => {
					const text = item.mergedCount ? `${item.text} (${words.merged(item.mergedCount)})` : item.text;
					const theme = item.themeId ? (themeNames.get(item.themeId) ?? '') : '';
					const votes = item.votes === null ? '–' : String(item.votes);
					return row([String(i + 1), cell(kindLabels.get(item.kind) ?? item.kind), cell(theme), cell(text), cell(item.attribution), votes]);
				})
			]
		: [placeholder(words.noItems)];
	return [`## ${h.appendix}`, '', `### ${h.attendance}`, '', ...people, '', `### ${h.items}`, '', ...list, ...documentationBlock(minutes, words)];
}

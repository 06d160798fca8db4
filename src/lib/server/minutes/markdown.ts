/**
 * The minutes as Markdown, in the order of an Indonesian notulen (shared/domain/fgd-minutes.md).
 * Every `##` heading and every fixed `###` heading prints even when its section is empty (with
 * a short italic placeholder), so two notulen have the same outline and a reader sees what
 * was not filled in. Only the kind and theme headings depend on the board.
 */
import type { Minutes } from './model';
import { attachmentsSection } from './md/attachments';
import { escapeMarkdown } from './md/blocks';
import { actionPlanSection, appendixSection, closingSection, signOffSection } from './md/closing';
import { agendaSection, basisSection, eventSection, proceedingsSection } from './md/opening';
import { conclusionsSection, findingsSection, recommendationsSection } from './md/results';
import { WORDS, type Words } from './md/words';
import { isDraft } from './sign-off';

export { escapeLine, escapeMarkdown } from './md/blocks';

/** The sections in print order; a new section of the notulen is one more function here. */
const SECTIONS: ((minutes: Minutes, words: Words) => string[])[] = [
	eventSection,
	basisSection,
	agendaSection,
	proceedingsSection,
	findingsSection,
	conclusionsSection,
	recommendationsSection,
	actionPlanSection,
	closingSection,
	signOffSection,
	attachmentsSection,
	appendixSection
];

export function renderMarkdown(minutes: Minutes): string {
	const words = WORDS[minutes.lang];
	const sections = SECTIONS.map((section) => section(minutes, words).join('\n'));
	const footer = `*${escapeMarkdown(words.footer(minutes.generatedAtText))}*`;
	return [`# ${words.title}`, ...underTitle(minutes, words), ...sections, footer].join('\n\n') + '\n';
}

/** The document number, and on provisional minutes the draft mark, right under the title. */
function underTitle(minutes: Minutes, words: Words): string[] {
	const lines: string[] = [];
	if (minutes.details.number) lines.push(`${words.number}: ${escapeMarkdown(minutes.details.number)}`);
	if (isDraft(minutes)) lines.push(`**${words.draftNotice}**`);
	return lines;
}

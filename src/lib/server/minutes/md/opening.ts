/** The opening sections: identitas kegiatan, dasar dan tujuan, susunan acara, jalannya diskusi. */
import type { Minutes, MinutesNote } from '../model';
import { escapeMarkdown, field, multiline, placeholder, row, tableHead } from './blocks';
import type { Words } from './words';
import { eventFields } from '../event-fields';

export function eventSection(minutes: Minutes, words: Words): string[] {
	const { attendance } = minutes;
	const fields = eventFields(minutes, words).map(([label, value]) => field(label, value));
	const groups = [
		...tableHead(words.groupTable, 'lr'),
		...attendance.byGroup.map((g) => row([escapeMarkdown(g.label), String(g.count)])),
		row([`**${words.total}**`, `**${attendance.total}**`])
	];
	const privacy = minutes.privacy.notes.flatMap((note) => ['', `_${escapeMarkdown(note)}_`]);
	return [`## ${words.headings.event}`, '', ...fields, '', ...groups, ...privacy];
}

/** Only the filled-in lines print; the heading stays, with a placeholder, so every notulen has the same outline. */
export function basisSection({ details }: Minutes, words: Words): string[] {
	const lines: string[] = [];
	if (details.basis) lines.push(`- **${words.fields.basis}:** ${multiline(details.basis, '  ')}`);
	if (details.aims) lines.push(`- **${words.fields.aims}:** ${multiline(details.aims, '  ')}`);
	return [`## ${words.headings.basis}`, '', ...(lines.length ? lines : [placeholder(words.notFilled)])];
}

export function agendaSection({ details }: Minutes, words: Words): string[] {
	const body = details.agenda.length
		? [...tableHead(words.agendaTable, 'll'), ...details.agenda.map((a) => row([escapeMarkdown(a.time) || '–', escapeMarkdown(a.activity)]))]
		: [placeholder(words.notFilled)];
	return [`## ${words.headings.agenda}`, '', ...body];
}

export function proceedingsSection({ proceedings }: Minutes, words: Words): string[] {
	const timeline = proceedings.timeline.length
		? proceedings.timeline.map((t) => `- ${escapeMarkdown(t.time)} — ${escapeMarkdown(t.label)}`)
		: [placeholder(words.noTimeline)];
	const notes = proceedings.phases.length
		? proceedings.phases.flatMap((p, i) => [...(i ? [''] : []), `**${escapeMarkdown(p.label)}**`, '', ...p.notes.map(noteLine)])
		: [placeholder(words.noNotes)];
	const h = words.headings;
	return [`## ${h.proceedings}`, '', `### ${h.timeline}`, '', ...timeline, '', `### ${h.notes}`, '', ...notes];
}

/** "- 10.20 WITA — text", and for a quote "- 11.25 WITA — “text” — *name – institution – group*". */
function noteLine(note: MinutesNote): string {
	const text = multiline(note.text, '  ');
	const said = note.kind === 'quote' ? `“${text}”` : text;
	const who = note.attribution ? ` — *${escapeMarkdown(note.attribution)}*` : '';
	return `- ${escapeMarkdown(note.time)} — ${said}${who}`;
}

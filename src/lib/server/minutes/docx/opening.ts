/** The opening of the DOCX notulen: title, identitas kegiatan, dasar dan tujuan, susunan acara, jalannya diskusi. */
import { AlignmentType, Paragraph, TextRun, type FileChild } from 'docx';
import { participationChart } from '../charts';
import { eventFields } from '../event-fields';
import type { Minutes } from '../model';
import { chart, gap, heading, para, placeholder, runs, table, type Frame } from './blocks';

/** The title, then the document number when the office gave one. */
export function title(frame: Frame, { details }: Minutes): FileChild[] {
	const { words } = frame;
	const heading = new Paragraph({
		alignment: AlignmentType.CENTER,
		spacing: { after: details.number ? 60 : 240 },
		children: [new TextRun({ text: words.title, bold: true, size: 30 })]
	});
	if (!details.number) return [heading];
	return [heading, new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [new TextRun(`${words.number}: ${details.number}`)] })];
}

export function eventSection(frame: Frame, minutes: Minutes): FileChild[] {
	const { attendance } = minutes;
	const { words } = frame;
	const rows = eventFields(minutes, words).map(([label, value]) => [label, `: ${value || '–'}`]);
	const groups = attendance.byGroup.map((g) => [g.label, String(g.count)]);
	return [
		heading(1, words.headings.event),
		table(frame, ['', ''], rows, { plain: true, weights: [1, 3] }),
		gap(),
		table(frame, words.groupTable, [...groups, [words.total, String(attendance.total)]], { weights: [4, 1], right: [1], totals: true }),
		...minutes.privacy.notes.map((note) => new Paragraph({ spacing: { before: 120 }, children: [new TextRun({ text: note, italics: true })] })),
		chart(frame, participationChart(minutes), words.groupTable[0])
	];
}

export function basisSection(frame: Frame, { details }: Minutes): FileChild[] {
	const { words } = frame;
	const lines = [
		...(details.basis ? [labelled(words.fields.basis, details.basis)] : []),
		...(details.aims ? [labelled(words.fields.aims, details.aims)] : [])
	];
	return [heading(1, words.headings.basis), ...(lines.length ? lines : [placeholder(words.notFilled)])];
}

function labelled(label: string, text: string): Paragraph {
	return new Paragraph({ children: [new TextRun({ text: `${label}: `, bold: true }), ...runs(text)] });
}

export function agendaSection(frame: Frame, { details }: Minutes): FileChild[] {
	const { words } = frame;
	const body = details.agenda.length
		? [table(frame, words.agendaTable, details.agenda.map((a) => [a.time || '–', a.activity]), { weights: [1, 4] })]
		: [placeholder(words.notFilled)];
	return [heading(1, words.headings.agenda), ...body];
}

export function proceedingsSection(frame: Frame, { proceedings }: Minutes): FileChild[] {
	const { words } = frame;
	const h = words.headings;
	const timeline = proceedings.timeline.length
		? proceedings.timeline.map((t) => para(`${t.time} — ${t.label}`))
		: [placeholder(words.noTimeline)];
	const notes = proceedings.phases.length
		? proceedings.phases.flatMap((p) => [
				para(p.label, { bold: true }),
				...p.notes.map((n) => {
					const said = n.kind === 'quote' ? `“${n.text}”` : n.text;
					const who = n.attribution ? [new TextRun({ text: ` — ${n.attribution}`, italics: true })] : [];
					return new Paragraph({ indent: { left: 360 }, children: [new TextRun(`${n.time} — `), ...runs(said), ...who] });
				})
			])
		: [placeholder(words.noNotes)];
	return [heading(1, h.proceedings), heading(2, h.timeline), ...timeline, heading(2, h.notes), ...notes];
}

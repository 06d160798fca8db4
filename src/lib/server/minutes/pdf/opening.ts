/** The opening of the PDF notulen: title, identitas kegiatan, dasar dan tujuan, agenda, jalannya diskusi. */
import { eventFields } from '../event-fields';
import type { Minutes } from '../model';
import type { Words } from '../md/words';
import { isDraft } from '../sign-off';
import { participationChart } from './bars';
import type { Layout } from './layout';
import type { PdfWords } from './words';

/** The title, the document number when given, the session's title, and on provisional minutes the draft notice. */
export function titleBlock(layout: Layout, minutes: Minutes, words: Words) {
	const centred = { width: layout.width, align: 'center' } as const;
	layout.font('bold', 13).text(words.title, layout.left, layout.doc.y, centred);
	if (minutes.details.number) layout.font('regular', 10).text(`${words.number}: ${minutes.details.number}`, centred);
	layout.font('regular', 10).text(minutes.session.title, centred);
	if (isDraft(minutes)) layout.font('bold', 10).fillColor('#9a1b1b').text(words.draftNotice, centred).fillColor('black');
	layout.doc.moveDown(0.4);
}

export function eventSection(layout: Layout, minutes: Minutes, words: Words, pdf: PdfWords) {
	const { matrix, attendance } = minutes;
	layout.heading(words.headings.event);
	layout.fields(eventFields(minutes, words));
	layout.doc.moveDown(0.4);
	const [group, count] = words.groupTable;
	layout.table(
		[{ header: group, width: 4 }, { header: count, width: 1, align: 'right' }],
		[...attendance.byGroup.map((g) => [g.label, String(g.count)]), [words.total, String(attendance.total)]],
		{ totals: true }
	);
	for (const note of minutes.privacy.notes) layout.paragraph(note, { italic: true });
	participationChart(layout, attendance.byGroup, matrix.totals.byGroup, pdf);
}

export function basisSection(layout: Layout, { details }: Minutes, words: Words) {
	layout.heading(words.headings.basis);
	const rows: [string, string][] = [];
	if (details.basis) rows.push([words.fields.basis, details.basis]);
	if (details.aims) rows.push([words.fields.aims, details.aims]);
	if (rows.length) layout.fields(rows);
	else layout.paragraph(words.notFilled, { italic: true });
}

export function agendaSection(layout: Layout, { details }: Minutes, words: Words) {
	layout.heading(words.headings.agenda);
	if (!details.agenda.length) return layout.paragraph(words.notFilled, { italic: true });
	const [time, activity] = words.agendaTable;
	layout.table(
		[{ header: time, width: 1 }, { header: activity, width: 4 }],
		details.agenda.map((a) => [a.time || '–', a.activity])
	);
}

/** The longest stamp that is a time alone: "10.15 WITA". */
const TIME_ONLY = 10;

export function proceedingsSection(layout: Layout, { proceedings }: Minutes, words: Words) {
	const h = words.headings;
	layout.heading(h.proceedings);
	layout.heading(h.timeline, 2);
	if (!proceedings.timeline.length) layout.paragraph(words.noTimeline, { italic: true });
	for (const t of proceedings.timeline) layout.paragraph(`${t.time} — ${t.label}`, { indent: 8 });
	layout.heading(h.notes, 2);
	if (!proceedings.phases.length) layout.paragraph(words.noNotes, { italic: true });
	// A stamp with a date (a note taken on another day than the meeting) gets a wider column.
	const dated = proceedings.phases.some((p) => p.notes.some((n) => n.time.length > TIME_ONLY));
	for (const phase of proceedings.phases) {
		layout.heading(phase.label, 3);
		for (const note of phase.notes) {
			const said = note.kind === 'quote' ? `“${note.text}”` : note.text;
			layout.hanging(note.time, said, note.attribution ?? '', 8, dated ? 112 : 62);
		}
	}
}

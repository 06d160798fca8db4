/** The closing of the PDF notulen: rencana tindak lanjut, penutup, pengesahan, lampiran. */
import type { Minutes, MinutesOfficial } from '../model';
import type { Words } from '../md/words';
import { attendanceList } from './attachments';
import type { Layout } from './layout';

/** Twelve columns on a portrait page: the condensed face at 6.5 pt keeps every field readable. */
const ACTION_WIDTHS = [0.5, 1.6, 1.8, 1.5, 1.5, 1.9, 1.5, 1.45, 1.2, 1.7, 1.2, 1.5];

export function actionPlanSection(layout: Layout, { actionPlan }: Minutes, words: Words) {
	layout.heading(words.headings.actionPlan);
	if (!actionPlan.length) return layout.paragraph(words.noActions, { italic: true });
	const columns = words.actionTable.map((header, i) => ({
		header,
		width: ACTION_WIDTHS[i],
		align: i === 0 || i === 9 ? ('right' as const) : ('left' as const)
	}));
	const rows = actionPlan.map((a) => [
		String(a.no),
		a.issues.map((i) => i.text).join('; ') || '–',
		a.activity,
		a.output,
		a.indicator,
		a.picText,
		a.partners,
		a.timeframe,
		a.funding,
		a.costText,
		a.statusLabel,
		a.remarks
	]);
	layout.table(columns, rows, { size: 6.5, condensed: true });
}

export function closingSection(layout: Layout, { session }: Minutes, words: Words) {
	layout.heading(words.headings.closing);
	layout.paragraph(session.closedTime ? words.closedAt(session.closedTime) : words.stillOpen);
	layout.doc.moveDown(0.4);
	layout.paragraph(words.closingSentence);
}

/** Place and date on the right, then the chair and the minute-taker side by side, each with room to sign. */
export function signOffSection(layout: Layout, { signOff, details }: Minutes, words: Words) {
	const { doc } = layout;
	// The heading, place, roles, signing room and names stay on one page.
	layout.ensure(200);
	layout.heading(words.headings.signOff);
	const half = layout.width / 2;
	const place = [signOff.place, signOff.date].filter(Boolean).join(', ');
	layout.font('regular').text(place, layout.left + half, doc.y, { width: half, align: 'center' });
	doc.moveDown(0.6);
	const top = doc.y;
	const block = (x: number, heading: string, role: string, official: MinutesOfficial) => {
		layout.font('regular').text(heading || ' ', x, top, { width: half, align: 'center' });
		layout.font('bold').text(role, x, doc.y, { width: half, align: 'center' });
		// Room for a wet signature and stamp, or a certified electronic one.
		doc.y += 60;
		const name = official.name || '(..............................)';
		layout.font('bold').text(name, x, doc.y, { width: half, align: 'center', underline: Boolean(official.name) });
		layout.font('regular');
		if (official.position) doc.text(official.position, x, doc.y, { width: half, align: 'center' });
		if (official.nip) doc.text(`${words.nip} ${official.nip}`, x, doc.y, { width: half, align: 'center' });
		return doc.y;
	};
	const left = block(layout.left, words.acknowledged, words.chairRole, details.chair);
	const right = block(layout.left + half, '', words.minuteTakerRole, details.minuteTaker);
	doc.x = layout.left;
	doc.y = Math.max(left, right) + 6;
}

export function appendixSection(layout: Layout, minutes: Minutes, words: Words) {
	const { items, themes, findings, recommendations } = minutes;
	const h = words.headings;
	layout.doc.addPage();
	layout.heading(h.appendix);
	layout.heading(h.attendance, 2);
	attendanceList(layout, minutes, words);
	layout.heading(h.items, 2);
	if (!items.length) return layout.paragraph(words.noItems, { italic: true });
	const kindLabels = new Map([...findings, ...(recommendations ? [recommendations] : [])].map((k) => [k.kind, k.label]));
	const themeNames = new Map(themes.map((t) => [t.id, t.name]));
	const [no, kind, theme, text, by, votes] = words.itemTable;
	layout.table(
		[
			{ header: no, width: 0.5, align: 'right' },
			{ header: kind, width: 1.3 },
			{ header: theme, width: 1.3 },
			{ header: text, width: 4 },
			{ header: by, width: 3 },
			{ header: votes, width: 0.7, align: 'right' }
		],
		items.map((item, i) => [
			String(i + 1),
			kindLabels.get(item.kind) ?? item.kind,
			item.themeId ? (themeNames.get(item.themeId) ?? '') : '',
			item.mergedCount ? `${item.text} (${words.merged(item.mergedCount)})` : item.text,
			item.attribution,
			item.votes === null ? '–' : String(item.votes)
		]),
		{ size: 7.5 }
	);
}

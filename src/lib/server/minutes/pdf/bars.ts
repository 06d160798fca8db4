/**
 * Two vector bar charts drawn with pdfkit's own primitives (no images, so they stay sharp in
 * print and searchable): participation by stakeholder group, and the dots on each
 * recommendation stacked by the voters' groups. Colours follow the session's group order.
 */
import type { GroupCount, VoteTarget } from '../model';
import type { Layout } from './layout';
import { colourOf, type PdfWords } from './words';

const BAR = 11;
const GAP = 5;

/** One bar per group for the people who came, with their contributions written beside it. */
export function participationChart(layout: Layout, people: GroupCount[], contributions: GroupCount[], words: PdfWords) {
	const { doc } = layout;
	const max = Math.max(1, ...people.map((g) => g.count));
	const labelWidth = layout.width * 0.36;
	const barWidth = layout.width * 0.42;
	layout.ensure(16 + people.length * (BAR + GAP));
	layout.font('bold', 8.5).text(words.participationChart, layout.left, doc.y, { width: layout.width });
	doc.moveDown(0.3);
	people.forEach((g, i) => {
		const y = doc.y;
		const made = contributions.find((c) => c.group === g.group)?.count ?? 0;
		layout.font('regular', 7.5).text(g.label, layout.left, y + 1.5, { width: labelWidth - 4, align: 'right', lineBreak: false, ellipsis: true, height: BAR });
		const length = (g.count / max) * barWidth;
		if (length > 0) doc.rect(layout.left + labelWidth, y, length, BAR).fill(colourOf(i));
		doc.fillColor('black');
		layout.font('regular', 7.5).text(words.participation(g.count, made), layout.left + labelWidth + length + 4, y + 1.5, {
			lineBreak: false
		});
		doc.x = layout.left;
		doc.y = y + BAR + GAP;
	});
	doc.moveDown(0.5);
}

/** Stacked bars: one per recommendation, one segment per voters' group, with a legend. */
export function votesChart(layout: Layout, targets: VoteTarget[], groups: GroupCount[], words: PdfWords) {
	if (targets.length === 0) return;
	const { doc } = layout;
	const max = Math.max(1, ...targets.map((t) => t.total));
	const labelWidth = layout.width * 0.4;
	const barWidth = layout.width * 0.5;
	const colours = new Map(groups.map((g, i) => [g.group, colourOf(i)]));
	layout.ensure(40 + Math.min(targets.length, 8) * (BAR + GAP));
	layout.font('bold', 8.5).text(words.votesChart, layout.left, doc.y, { width: layout.width });
	doc.moveDown(0.3);
	targets.forEach((t, index) => {
		if (doc.y + BAR > layout.bottom) doc.addPage();
		const y = doc.y;
		layout.font('regular', 7.5).text(`${index + 1}. ${t.text}`, layout.left, y + 1.5, {
			width: labelWidth - 4,
			lineBreak: false,
			ellipsis: true,
			height: BAR
		});
		let x = layout.left + labelWidth;
		for (const cell of t.byGroup) {
			if (cell.count === 0) continue;
			const length = (cell.count / max) * barWidth;
			doc.rect(x, y, length, BAR).fill(colours.get(cell.group) ?? '#999999');
			x += length;
		}
		doc.fillColor('black');
		layout.font('bold', 7.5).text(String(t.total), x + 4, y + 1.5, { lineBreak: false });
		doc.x = layout.left;
		doc.y = y + BAR + GAP;
	});
	legend(layout, groups.filter((g) => targets.some((t) => t.byGroup.some((c) => c.group === g.group && c.count > 0))), colours);
}

function legend(layout: Layout, groups: GroupCount[], colours: Map<string, string>) {
	const { doc } = layout;
	let x = layout.left;
	let y = doc.y + 2;
	layout.font('regular', 7);
	for (const g of groups) {
		const width = 12 + doc.widthOfString(g.label) + 10;
		if (x + width > layout.left + layout.width) {
			x = layout.left;
			y += 11;
		}
		doc.rect(x, y, 8, 8).fill(colours.get(g.group) ?? '#999999');
		doc.fillColor('black').text(g.label, x + 11, y, { lineBreak: false });
		x += width;
	}
	doc.x = layout.left;
	doc.y = y + 14;
}

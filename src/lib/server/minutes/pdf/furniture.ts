/**
 * What the PDF prints on every page besides the text: the DRAF watermark of provisional minutes
 * and the paraf boxes an office initials page by page. Drawn once the pages are laid out, on
 * each buffered page, with the margins lifted so pdfkit adds no page.
 */
import type { Layout } from './layout';

/** Height of the paraf boxes' label row and of the box to initial in, in points. */
const LABEL_ROW = 10;
const BOX = 22;
/** The bottom margin when paraf boxes print: room for them above the page edge and below the text. */
export const PARAF_MARGIN = 66;

/** A large light-grey word across the page, under 45°, that does not hide the text it lies on. */
export function watermark(layout: Layout, mark: string) {
	const { doc } = layout;
	const { width, height } = doc.page;
	doc.save();
	doc.rotate(-Math.atan(height / width) * (180 / Math.PI), { origin: [width / 2, height / 2] });
	layout.font('bold', 110);
	doc.fillColor('#9a9a9a').fillOpacity(0.18);
	const textWidth = doc.widthOfString(mark);
	doc.text(mark, width / 2 - textWidth / 2, height / 2 - 60, { lineBreak: false });
	doc.restore();
	doc.fillColor('black').fillOpacity(1);
}

/**
 * A row of boxes at the bottom right of the page, one per role, each headed by the role, with
 * "Paraf" before them. A box is as wide as its label, at least 38 pt and at most 90 pt (less when
 * many share the right half); a longer label is cut with an ellipsis.
 */
export function parafBoxes(layout: Layout, roles: string[], caption: string, margins: { left: number; right: number }) {
	const { doc } = layout;
	layout.font('regular', 6.5);
	// The right half of the page, less room for the caption: the page number keeps the centre.
	const most = Math.min(90, (doc.page.width / 2 - margins.right - 60) / roles.length);
	const widths = roles.map((role) => Math.min(most, Math.max(38, doc.widthOfString(role) + 8)));
	const top = doc.page.height - PARAF_MARGIN + 6;
	let x = doc.page.width - margins.right - widths.reduce((a, b) => a + b, 0);
	doc.fillColor('#333333');
	const captionWidth = doc.widthOfString(caption);
	doc.text(caption, x - captionWidth - 5, top + LABEL_ROW + BOX / 2 - 3, { lineBreak: false });
	doc.lineWidth(0.5).strokeColor('#444444');
	roles.forEach((role, i) => {
		doc.rect(x, top, widths[i], LABEL_ROW).stroke();
		doc.rect(x, top + LABEL_ROW, widths[i], BOX).stroke();
		doc.text(role, x + 2, top + 2, { width: widths[i] - 4, align: 'center', lineBreak: false, ellipsis: true, height: LABEL_ROW });
		x += widths[i];
	});
	doc.fillColor('black');
}

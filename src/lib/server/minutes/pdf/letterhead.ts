/**
 * Kop surat as the model carries it (when no office was set, the organizers stand in: see
 * sections/letterhead.ts): the logo on the left, the office centred beside it, a double rule.
 * The synthesis report prints the same kop surat.
 */
import type { MinutesLetterhead } from '../model';
import { contactLine } from '../sections/letterhead';
import type { Layout } from './layout';

export function drawLetterhead(layout: Layout, head: MinutesLetterhead | null) {
	const { doc } = layout;
	if (!head) return;
	const offices = head.office;
	const contacts = contactLine(head);
	const top = doc.y;
	const logo = head.logo && Buffer.from(head.logo.base64, 'base64');
	const logoSize = 56;
	let textLeft = layout.left;
	if (logo) {
		try {
			doc.image(logo, layout.left, top, { fit: [logoSize, logoSize] });
			textLeft += logoSize + 8;
		} catch {
			// An unreadable logo must not cost the organizer the whole document.
		}
	}
	const width = layout.left + layout.width - textLeft;
	offices.forEach((line, i) => layout.font('bold', i === 0 ? 12 : 11).text(line, textLeft, i === 0 ? top : doc.y, { width, align: 'center' }));
	if (head.address) layout.font('regular', 8.5).text(head.address, textLeft, doc.y, { width, align: 'center' });
	if (contacts) layout.font('regular', 8.5).text(contacts, textLeft, doc.y, { width, align: 'center' });
	const y = Math.max(doc.y, logo ? top + logoSize : 0) + 4;
	// The double rule under a kop surat: thick, then thin.
	doc.moveTo(layout.left, y).lineTo(layout.left + layout.width, y).lineWidth(2).strokeColor('black').stroke();
	doc.moveTo(layout.left, y + 3).lineTo(layout.left + layout.width, y + 3).lineWidth(0.6).stroke();
	doc.x = layout.left;
	doc.y = y + 10;
}

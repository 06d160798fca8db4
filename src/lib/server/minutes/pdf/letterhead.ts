/**
 * Kop surat. The model carries the letterhead the facilitator set (office, address, contacts,
 * logo); when none was set, or its office is left empty, the organizers stand in as the issuing
 * offices so the first page still says who issued the minutes.
 */
import type { Minutes } from '../model';
import type { Layout } from './layout';

export interface Letterhead {
	/** Issuing office lines, e.g. "PEMERINTAH KABUPATEN KUTAI KARTANEGARA", "DINAS …". */
	office?: string | string[];
	address?: string;
	phone?: string;
	email?: string;
	website?: string;
	/** PNG or JPEG, as a data URL or raw bytes. */
	logo?: string | Uint8Array | null;
}

/**
 * The model's letterhead (`minutes.letterhead`, which the DOCX prints too). A letterhead placed on
 * `details` by hand is still read, for callers that build the model themselves.
 */
export function letterheadOf(minutes: Minutes): Letterhead {
	const set = minutes.letterhead;
	const details = minutes.details as unknown as { letterhead?: Letterhead | null };
	const given: Letterhead = set
		? { ...set, logo: set.logo && `data:image/${set.logo.type === 'png' ? 'png' : 'jpeg'};base64,${set.logo.base64}` }
		: (details.letterhead ?? {});
	const office = [given.office ?? []].flat().filter(Boolean);
	return { ...given, office: office.length ? office : minutes.session.organizers.map((o) => o.toUpperCase()) };
}

function logoBuffer(logo: Letterhead['logo']): Buffer | null {
	if (!logo) return null;
	if (typeof logo !== 'string') return Buffer.from(logo);
	const match = /^data:image\/(?:png|jpeg);base64,(.+)$/.exec(logo);
	return match ? Buffer.from(match[1], 'base64') : null;
}

export function drawLetterhead(layout: Layout, minutes: Minutes) {
	const { doc } = layout;
	const head = letterheadOf(minutes);
	const offices = [head.office ?? []].flat();
	const contacts = [head.phone && `Telp. ${head.phone}`, head.email, head.website].filter(Boolean).join(' · ');
	if (offices.length === 0 && !head.address && !contacts) return;
	const top = doc.y;
	const logo = logoBuffer(head.logo);
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

/** Kop surat: the issuing office as the organizer set it, printed at the top of the office formats. */
import type { Source } from './source';

export interface MinutesLetterhead {
	/** The office's name, one entry per printed line (e.g. PEMERINTAH KABUPATEN …, DINAS …). */
	office: string[];
	address: string;
	phone: string;
	email: string;
	website: string;
	/** The logo's bytes, base64, and their type; null when none was uploaded. */
	logo: { type: 'png' | 'jpg'; base64: string } | null;
}

/**
 * The letterhead the facilitator set. When its office is left empty, the organizers stand in as
 * the issuing offices, so the first page of every format still says who issued the minutes; null
 * only when there is nothing at all to print. Not masked: the office's own phone is a public
 * contact line, printed on purpose, unlike a participant's.
 */
export function letterheadOf(source: Source): MinutesLetterhead | null {
	const l = source.session.details.letterhead ?? {};
	const set = (l.office ?? '').split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
	const office = set.length ? set : source.session.organizers.map((o) => o.trim().toUpperCase()).filter(Boolean);
	const logo = l.logo?.match(/^data:image\/(png|jpeg);base64,(.+)$/);
	const head: MinutesLetterhead = {
		office,
		address: l.address ?? '',
		phone: l.phone ?? '',
		email: l.email ?? '',
		website: l.website ?? '',
		logo: logo ? { type: logo[1] === 'png' ? 'png' : 'jpg', base64: logo[2] } : null
	};
	return office.length || head.address || head.phone || head.email || head.website || head.logo ? head : null;
}

/** "Telp. … · E-mail: … · website", as printed under the office's name and address. */
export function contactLine(head: MinutesLetterhead): string {
	return [head.phone && `Telp. ${head.phone}`, head.email && `E-mail: ${head.email}`, head.website].filter(Boolean).join(' · ');
}

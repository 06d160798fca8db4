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
 * Null when nothing was set. Not masked: the office's own phone is a public contact line,
 * printed on purpose, unlike a participant's.
 */
export function letterheadOf(source: Source): MinutesLetterhead | null {
	const l = source.session.details.letterhead;
	if (!l || !Object.values(l).some(Boolean)) return null;
	const logo = l.logo?.match(/^data:image\/(png|jpeg);base64,(.+)$/);
	return {
		office: (l.office ?? '').split(/\r?\n/).map((line) => line.trim()).filter(Boolean),
		address: l.address ?? '',
		phone: l.phone ?? '',
		email: l.email ?? '',
		website: l.website ?? '',
		logo: logo ? { type: logo[1] === 'png' ? 'png' : 'jpg', base64: logo[2] } : null
	};
}

/**
 * What the closing and the sign-off say, the same in every printed format: whether the minutes
 * are still a draft, the closing sentences, the place-and-date line and the lines under a
 * signer's name. Each renderer only lays these out.
 */
import type { Words } from './md/words';
import type { Minutes, MinutesOfficial, MinutesSignOff } from './model';

/**
 * Minutes of a session that is not closed yet are provisional: every page is marked DRAF and
 * the closing says they are not final. Closing a session is final, so the mark never returns.
 */
export const isDraft = ({ session }: Minutes): boolean => session.status !== 'closed';

/** Penutup: when the discussion closed (or that it had not yet), then the customary sentence, or the draft's. */
export function closingLines(minutes: Minutes, words: Words): [string, string] {
	const { session } = minutes;
	const when = session.closedTime ? words.closedAt(session.closedTime, session.closedOnAnotherDay) : words.stillOpen;
	return [when, isDraft(minutes) ? words.draftSentence : words.closingSentence];
}

/** "Tenggarong, 24 Oktober 2025"; with no known place, a dotted line to write it on. */
export function placeAndDate(signOff: MinutesSignOff, words: Words): string {
	return [signOff.place || words.placeBlank, signOff.date].filter(Boolean).join(', ');
}

/** The roles' own line, "Pimpinan Rapat," with the position (jabatan) under it, above the room to sign. */
export function roleLines(role: string, official: MinutesOfficial): string[] {
	return [`${role},`, ...(official.position ? [official.position] : [])];
}

/** Under the signature: the name (a dotted line when not known), then pangkat/golongan and NIP when given. */
export function nameLines(official: MinutesOfficial, words: Words): { name: string; named: boolean; below: string[] } {
	const below = [official.rank, official.nip && `${words.nip} ${official.nip}`].filter(Boolean);
	return { name: official.name || '(..............................)', named: Boolean(official.name), below };
}

/** The note that explains NIP, once, when a NIP is printed and the language needs it (English). */
export function nipNote({ details }: Minutes, words: Words): string {
	return words.nipNote && (details.chair.nip || details.minuteTaker.nip) ? words.nipNote : '';
}

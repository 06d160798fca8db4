/**
 * What the minutes say about personal data (UU PDP): that it was anonymised when the retention
 * period ended, and how many participants had theirs deleted at their request.
 */
import { formatMoment } from '../../../domain/format';
import type { Locale } from '../../../domain/types';
import type { Source } from './source';

export interface MinutesPrivacy {
	/** ISO instant the personal data was anonymised; null while it is held. */
	anonymisedAt: string | null;
	/** Participants whose personal data was deleted at their request. */
	erased: number;
	/** The sentences every format prints under the attendance count; empty when there is nothing to say. */
	notes: string[];
}

const TEXT: Record<Locale, { anonymised: (at: string, dropped: boolean) => string; erased: (n: number) => string }> = {
	id: {
		anonymised: (at, dropped) =>
			`Data pribadi peserta telah dianonimkan pada ${at} setelah masa retensi berakhir: nama diganti menjadi "Peserta 1", "Peserta 2", dan seterusnya${dropped ? ', instansi dihapus' : ''}, jabatan dan jenis kelamin dihapus.`,
		erased: (n) => `Data pribadi ${n} peserta dihapus atas permintaan yang bersangkutan; namanya tertulis "peserta (dihapus atas permintaan)".`
	},
	en: {
		anonymised: (at, dropped) =>
			`Participants' personal data was anonymised on ${at} after the retention period ended: names were replaced by "Peserta 1", "Peserta 2" and so on${dropped ? ', institutions removed' : ''}, positions and sex removed.`,
		erased: (n) =>
			`The personal data of ${n} participant${n === 1 ? ' was' : 's were'} deleted at their request; they appear as "participant (deleted on request)".`
	}
};

export function privacyOf(source: Source): MinutesPrivacy {
	const { retention } = source;
	const text = TEXT[source.lang];
	const notes: string[] = [];
	if (retention.anonymisedAt)
		notes.push(text.anonymised(formatMoment(retention.anonymisedAt, source.session.timeZone, source.lang), !retention.keepInstitutions));
	if (source.erased.size > 0) notes.push(text.erased(source.erased.size));
	return { anonymisedAt: retention.anonymisedAt, erased: source.erased.size, notes };
}

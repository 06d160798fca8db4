import type { Kind, StakeholderGroup } from './types';

export const DEFAULT_KINDS: Kind[] = [
	{ key: 'kendala', label: 'Kendala', labelEn: 'Constraints' },
	{ key: 'peluang', label: 'Peluang', labelEn: 'Opportunities' },
	{ key: 'rekomendasi', label: 'Rekomendasi', labelEn: 'Recommendations' }
];

export const DEFAULT_GROUPS: StakeholderGroup[] = [
	{ key: 'pemerintah', labelId: 'Pemerintah (OPD / kecamatan / desa)', labelEn: 'Government' },
	{ key: 'akademisi', labelId: 'Akademisi / Perguruan Tinggi', labelEn: 'Academia' },
	{ key: 'dunia_usaha', labelId: 'Dunia Usaha / UMKM / Asosiasi', labelEn: 'Business / MSMEs' },
	{ key: 'csr', labelId: 'Perusahaan (CSR / PPM)', labelEn: 'Company CSR / community development' },
	{ key: 'komunitas', labelId: 'Komunitas / Masyarakat / LSM / Yayasan', labelEn: 'Community / civil society' },
	{ key: 'media', labelId: 'Media', labelEn: 'Media' },
	{ key: 'lainnya', labelId: 'Lainnya', labelEn: 'Other' }
];

/** Indonesia's three zones; WITA is the default because the first users are in East Kalimantan. */
export const TIME_ZONES = [
	{ zone: 'Asia/Jakarta', short: 'WIB' },
	{ zone: 'Asia/Makassar', short: 'WITA' },
	{ zone: 'Asia/Jayapura', short: 'WIT' }
] as const;
export const DEFAULT_TIME_ZONE = 'Asia/Makassar';

export function zoneShort(zone: string): string {
	return TIME_ZONES.find((z) => z.zone === zone)?.short ?? zone;
}

export function kindLabel(kind: Kind, locale: 'id' | 'en'): string {
	return locale === 'en' && kind.labelEn ? kind.labelEn : kind.label;
}

/** The English labels of the default kinds are plural (column headings); one item of a kind is singular. */
const SINGULAR_EN: Record<string, string> = { Constraints: 'Constraint', Opportunities: 'Opportunity', Recommendations: 'Recommendation' };

/**
 * A kind's label for one item of it ("Constraint" in an English table cell). Indonesian nouns do not
 * inflect, and a label the organizer typed is left as typed.
 */
export function singularKindLabel(label: string, locale: 'id' | 'en'): string {
	return locale === 'en' ? (SINGULAR_EN[label] ?? label) : label;
}

export function groupLabel(groups: StakeholderGroup[], key: string, locale: 'id' | 'en'): string {
	const group = groups.find((g) => g.key === key);
	if (!group) return key;
	return locale === 'en' ? group.labelEn : group.labelId;
}

/** Version of the data notice a participant consents to; stored with the consent timestamp. */
/** v2: the notice names the optional jabatan and sex (L/P) as well. */
export const CONSENT_VERSION = '2026-11-v2';

export const LIMITS = {
	itemText: 500,
	name: 80,
	institution: 120,
	title: 200,
	shortText: 300,
	kinds: 8,
	organizers: 6
} as const;

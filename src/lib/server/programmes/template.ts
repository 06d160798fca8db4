/**
 * A programme's template: what each of its sessions starts from. Taken from an existing session
 * (templateOf) or the defaults, and applied to a new session's row (templateColumns). Pure: no DB.
 */
import { DEFAULT_GROUPS, DEFAULT_KINDS } from '../../domain/defaults';
import type { Kind, Letterhead, SessionDetails, StakeholderGroup, VotingSettings } from '../../domain/types';

export interface SessionTemplate {
	kinds: Kind[];
	groups: StakeholderGroup[];
	agenda: { time: string; activity: string }[];
	voting: Omit<VotingSettings, 'revealed'>;
	letterhead: Letterhead | null;
	minutesLanguage: 'id' | 'en';
	timeZone: 'Asia/Jakarta' | 'Asia/Makassar' | 'Asia/Jayapura';
	allowAnonymous: boolean;
	/** The data notice's terms: how long personal data is kept (null: the server default) and whether anonymising keeps institutions. */
	retentionMonths: number | null;
	keepInstitutions: boolean;
	/** Phase kind overrides and the minutes' smallest group, as the source session had them. */
	phaseKinds: Record<string, string[]>;
	minutesMinGroup: number | null;
}

export const DEFAULT_TEMPLATE: SessionTemplate = {
	kinds: DEFAULT_KINDS,
	groups: DEFAULT_GROUPS,
	agenda: [],
	voting: { budget: 5, cap: 3, target: 'items' },
	letterhead: null,
	minutesLanguage: 'id',
	timeZone: 'Asia/Makassar',
	allowAnonymous: true,
	retentionMonths: null,
	keepInstitutions: true,
	phaseKinds: {},
	minutesMinGroup: null
};

/** The columns of a session row a template is read from. */
export interface TemplateSource {
	kinds: string;
	groups: string;
	voting: string;
	details: string;
	phase_kinds: string;
	minutes_language: 'id' | 'en';
	time_zone: string;
	allow_anonymous: number;
	retention_months?: number | null;
	retention_keeps_institutions?: number;
}

const ZONES = ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'] as const;

/** A session's settings as a template: kinds, groups, agenda, voting rules, letterhead, language, data terms. Never participants or items. */
export function templateOf(row: TemplateSource): SessionTemplate {
	const details: SessionDetails = JSON.parse(row.details || '{}');
	const voting: VotingSettings = JSON.parse(row.voting);
	return {
		kinds: JSON.parse(row.kinds),
		groups: JSON.parse(row.groups),
		agenda: (details.agenda ?? []).map((a) => ({ time: a.time, activity: a.activity })),
		voting: { budget: voting.budget, cap: voting.cap, target: voting.target },
		letterhead: details.letterhead ?? null,
		minutesLanguage: row.minutes_language === 'en' ? 'en' : 'id',
		timeZone: (ZONES as readonly string[]).includes(row.time_zone) ? (row.time_zone as SessionTemplate['timeZone']) : 'Asia/Makassar',
		allowAnonymous: row.allow_anonymous === 1,
		retentionMonths: row.retention_months ?? null,
		keepInstitutions: (row.retention_keeps_institutions ?? 1) === 1,
		phaseKinds: JSON.parse(row.phase_kinds || '{}'),
		minutesMinGroup: details.minutesMinGroup ?? null
	};
}

/** Fills what an older or partial template lacks from the defaults. */
export function normalise(template: Partial<SessionTemplate> | null | undefined): SessionTemplate {
	return { ...DEFAULT_TEMPLATE, ...(template ?? {}) };
}

/** The values a new session's row takes from a template (voting starts unrevealed). */
export function templateColumns(template: SessionTemplate) {
	const details: SessionDetails = {};
	if (template.agenda.length) details.agenda = template.agenda;
	if (template.letterhead) details.letterhead = template.letterhead;
	if (template.minutesMinGroup != null) details.minutesMinGroup = template.minutesMinGroup;
	return {
		kinds: JSON.stringify(template.kinds),
		groups: JSON.stringify(template.groups),
		voting: JSON.stringify({ ...template.voting, revealed: false }),
		details: JSON.stringify(details),
		phase_kinds: JSON.stringify(template.phaseKinds),
		minutes_language: template.minutesLanguage,
		time_zone: template.timeZone,
		allow_anonymous: template.allowAnonymous ? 1 : 0,
		retention_months: template.retentionMonths,
		retention_keeps_institutions: template.keepInstitutions ? 1 : 0
	};
}

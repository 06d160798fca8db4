/** The product's nouns, shared by server and browser. No framework imports here. */

export type Locale = 'id' | 'en';
export type Role = 'facilitator' | 'participant' | 'presenter';
export type SessionStatus = 'open' | 'closed';

/** A column on the board: Kendala, Peluang, Rekomendasi by default; renamable before items exist. */
export interface Kind {
	key: string;
	label: string;
	/** English label; absent when the organizer renamed the kind (then `label` is used in both languages). */
	labelEn?: string;
}

/** A pentahelix stakeholder group (see shared/domain/fgd-minutes.md). */
export interface StakeholderGroup {
	key: string;
	labelId: string;
	labelEn: string;
}

/** What every role may see of a session. Secrets never appear here. */
export interface SessionView {
	code: string;
	title: string;
	theme: string;
	/** Local wall-clock start, `YYYY-MM-DDTHH:mm`, in `timeZone`. */
	startsAt: string;
	/** IANA zone: Asia/Jakarta (WIB), Asia/Makassar (WITA), Asia/Jayapura (WIT). */
	timeZone: string;
	venue: string;
	organizers: string[];
	region: string;
	minutesLanguage: Locale;
	kinds: Kind[];
	groups: StakeholderGroup[];
	allowAnonymous: boolean;
	status: SessionStatus;
	createdAt: string;
	closedAt: string | null;
}

export interface ParticipantView {
	id: string;
	name: string;
	group: string;
	institution: string;
	joinedAt: string;
}

export interface ItemView {
	id: string;
	kind: string;
	text: string;
	/** Null when the item was posted anonymously: the author never leaves the server. */
	authorId: string | null;
	anonymous: boolean;
	createdAt: string;
	updatedAt: string;
}

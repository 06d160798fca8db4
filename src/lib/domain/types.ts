/** The product's nouns, shared by server and browser. No framework imports here. */

export type Locale = 'id' | 'en';
export type Role = 'facilitator' | 'minutetaker' | 'participant' | 'presenter';
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

/**
 * What every role may see of a session, anyone with the join code included: what the room
 * needs (title, date, venue, organizers, phase, the rules of input and voting). Secrets and
 * the minutes' details never appear here.
 */
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
	phase: Phase;
	/** Which kinds accept new items in each phase (keys of `kinds`). */
	phaseKinds: Record<Phase, string[]>;
	timer: Timer;
	voting: VotingSettings;
	/** New items wait for the facilitator's approval before others see them. */
	preModeration: boolean;
	/** 'closed': no new phone may join; those who joined keep working. */
	door: 'open' | 'closed';
	/** Most participants who may join by phone (the facilitator sets it, 1–5000). */
	capacity: number;
	/** What the facilitator put on the projector large; null: the board. */
	spotlight: Spotlight;
}

/** One post or one theme shown large on the projector, or null. */
export type Spotlight = { kind: 'item' | 'theme'; id: string } | null;

/**
 * The session as staff see it. The details name the chair and the minute-taker with their NIP
 * (which encodes date of birth and sex), hold draft conclusions and the letterhead's contacts:
 * only staff, on their sockets, and report-link holders, in the minutes, ever get them.
 */
export interface StaffSessionView extends SessionView {
	details: SessionDetails;
}

export const PHASES = ['lobby', 'writing', 'reveal', 'grouping', 'voting', 'discussion', 'action', 'closed'] as const;
export type Phase = (typeof PHASES)[number];

/**
 * A countdown kept as server times so every screen shows the same figure after a reload:
 * running when `endsAt` is set, paused when `remainingMs` is set, cleared when both are null.
 */
export interface Timer {
	endsAt: string | null;
	remainingMs: number | null;
	/** When the countdown ends, the current phase stops accepting new items. */
	lockOnEnd: boolean;
}

export interface VotingSettings {
	/** Dots each participant may place in all. */
	budget: number;
	/** Most dots one participant may place on one target. */
	cap: number;
	target: 'items' | 'themes';
	/** Tallies are hidden from participants (and the projector) until revealed. */
	revealed: boolean;
}

/**
 * Editable details for the minutes: agenda, the people who ran the meeting and how the office
 * files the document. Every field is optional, so sessions saved before a field existed still load.
 */
export interface SessionDetails {
	/** Nomor: the document number the office gives the minutes, printed under the title. */
	number?: string;
	/** Actual start, `HH:mm`, when it differs from the scheduled `startsAt`; empty or absent: the scheduled time. */
	startTime?: string;
	/** End, `HH:mm`; empty or absent: the minutes say the meeting ran "until finished" (s.d. selesai). */
	endTime?: string;
	agenda?: { time: string; activity: string }[];
	chair?: string;
	chairPosition?: string;
	/** Pangkat/golongan, e.g. "Pembina Tk. I (IV/b)", printed under the name. */
	chairRank?: string;
	chairNip?: string;
	facilitatorName?: string;
	speakers?: string[];
	minuteTaker?: string;
	minuteTakerPosition?: string;
	minuteTakerRank?: string;
	minuteTakerNip?: string;
	/** Where the minutes are signed, e.g. "Tenggarong" (the sign-off's "Tenggarong, 24 Oktober 2025"). */
	signingPlace?: string;
	/** Tembusan: who receives a copy, in order. */
	copies?: string[];
	/** Roles (or names) that initial every page; each gets a paraf box in the footer. Empty: no boxes. */
	paraf?: string[];
	basis?: string;
	aims?: string;
	/** Kesimpulan / kesepakatan: what the meeting agreed, one point per line. */
	conclusions?: string;
	/**
	 * Fewest participants a stakeholder group needs for the minutes' tables to show it apart;
	 * smaller groups are combined (see domain/privacy). Absent: MIN_GROUP (3); 1 shows every group.
	 */
	minutesMinGroup?: number;
	/** Kop surat printed at the top of the office formats; set over HTTP because the logo is too big for the socket. */
	letterhead?: Letterhead;
}

/** The issuing office's letterhead (kop surat). */
export interface Letterhead {
	/** e.g. "PEMERINTAH KABUPATEN KUTAI KARTANEGARA\nDINAS …", one line per line printed. */
	office?: string;
	address?: string;
	phone?: string;
	email?: string;
	website?: string;
	/** `data:image/png;base64,…` or `data:image/jpeg;base64,…`, at most about 200 KB. */
	logo?: string;
}

export type ItemStatus = 'visible' | 'pending' | 'hidden' | 'merged';

export interface Theme {
	id: string;
	name: string;
	position: number;
}

export interface Vote {
	/** '' on a tally. */
	participantId: string;
	targetId: string;
	count: number;
	/**
	 * Set on a tally only: the dots everyone in this stakeholder group put on the target, as
	 * participants and the projector see the revealed vote (never who placed which dot).
	 */
	group?: string;
}

/** A participant's support (+1) for an item: "me too" instead of a duplicate post. */
export interface Support {
	itemId: string;
	participantId: string;
}

export interface Link {
	recommendationId: string;
	targetId: string;
}

export interface Speaker {
	participantId: string | null;
	name: string;
	institution: string;
	group: string;
}

export interface ActionRow {
	id: string;
	position: number;
	/** Constraint items this row addresses. */
	issueItemIds: string[];
	recommendationId: string | null;
	activity: string;
	output: string;
	indicator: string;
	pic: { name: string; institution: string; group: string };
	partners: string;
	timeframe: string;
	/** APBD, APBN, Dana Desa, CSR/PPM, swadaya, hibah, belum ditentukan. */
	funding: string;
	/** Estimated cost in Rupiah. */
	cost: number | null;
	status: 'rencana' | 'berjalan' | 'selesai' | 'tertunda';
	remarks: string;
}

export interface Note {
	id: string;
	kind: 'note' | 'quote';
	phase: Phase;
	text: string;
	speaker: Speaker | null;
	at: string;
}

/** L (laki-laki) or P (perempuan), as Indonesian attendance forms print it. */
export type Sex = 'L' | 'P';

export interface ParticipantView {
	id: string;
	name: string;
	group: string;
	institution: string;
	joinedAt: string;
	/** Jabatan; absent when not given, and for viewers other than staff (personal data). */
	position?: string;
	/** Absent when not given (it is optional, never required), and for viewers other than staff. */
	sex?: Sex;
	/** Set when staff wrote this person into the daftar hadir (no phone, no consent on a phone). */
	addedBy?: 'facilitator' | 'minutetaker';
}

/** What staff type for a person without a phone; also what a phone may add when joining. */
export interface AttendeeInput {
	name: string;
	group: string;
	institution: string;
	/** '' when not given. */
	position: string;
	/** '' when not given. */
	sex: Sex | '';
}

/** A photo of the session (dokumentasi), as staff screens and the minutes list it; never its bytes. */
export interface PhotoView {
	id: string;
	caption: string;
	/** Pixels of the stored JPEG (already upright and resized). */
	width: number;
	height: number;
	createdAt: string;
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
	status: ItemStatus;
	themeId: string | null;
	/** Ids of the items merged into this one (their votes and authors carry over). */
	mergedFrom: string[];
	/** Only the facilitator and minute-taker see why an item was hidden. */
	hiddenReason?: string;
	/** True when the text is withheld from this viewer (silent writing). */
	redacted?: boolean;
	/** How many participants support (+1) this item; absent when none does. */
	supporters?: number;
}

/**
 * The one realtime contract: what travels over socket.io between a browser and the server.
 * Both sides import these types; the server also validates every payload with ./schemas.ts.
 * Documented for humans in docs/protocol.md.
 */
import type {
	ActionRow,
	ItemView,
	Link,
	Note,
	ParticipantView,
	Phase,
	PhotoView,
	Role,
	SessionDetails,
	SessionView,
	Spotlight,
	Support,
	Theme,
	Timer,
	Vote,
	VotingSettings
} from '../domain/types';
import type { Command } from './schemas';

export type { Command };

/** Everything that changes a session is one of these, numbered by the session's gap-free `seq`. */
export type SessionEvent =
	/** `tallies` (everyone but staff, after the reveal): all the room's tallies now; they replace those held. */
	| { type: 'participant.joined'; participant: ParticipantView; tallies?: Vote[] }
	| { type: 'item.added'; item: ItemView }
	| { type: 'item.edited'; itemId: string; text: string; updatedAt: string }
	| { type: 'item.deleted'; itemId: string }
	| { type: 'session.settings'; allowAnonymous: boolean; kinds: SessionView['kinds']; preModeration: boolean }
	| { type: 'session.closed'; closedAt: string }
	| { type: 'session.details'; details: SessionDetails }
	| { type: 'phase.changed'; phase: Phase; from: Phase }
	| { type: 'phase.kinds'; phaseKinds: Record<Phase, string[]> }
	| { type: 'timer.changed'; timer: Timer }
	| { type: 'item.hidden'; itemId: string; reason: string }
	| { type: 'item.shown'; item: ItemView }
	| { type: 'item.merged'; item: ItemView; sourceIds: string[] }
	| { type: 'item.themed'; itemId: string; themeId: string | null }
	| { type: 'theme.saved'; theme: Theme }
	| { type: 'theme.deleted'; themeId: string }
	| { type: 'themes.ordered'; themeIds: string[] }
	/** `tally`: sent to the voter after the reveal, their group's new tally on the target (see `vote.tally`). */
	| { type: 'vote.set'; vote: Vote; tally?: Vote }
	/** What others learn of a vote after the reveal: the new total of the voter's group on the target. */
	| { type: 'vote.tally'; tally: Vote }
	/** What others learn of a vote before the reveal: only how many people have voted. */
	| { type: 'vote.progress'; voters: number }
	| { type: 'voting.settings'; voting: VotingSettings }
	| { type: 'link.set'; link: Link; linked: boolean }
	/**
	 * A support added or taken back, with the item's count after it. Everyone gets the count;
	 * `participantId` is '' for viewers other than staff and the supporter.
	 */
	| { type: 'item.supported'; support: Support; supported: boolean; supporters: number }
	| { type: 'action.saved'; row: ActionRow }
	| { type: 'action.deleted'; rowId: string }
	| { type: 'note.added'; note: Note }
	| { type: 'note.deleted'; noteId: string }
	/** Staff wrote a person without a phone into the daftar hadir, or changed such an entry. */
	| { type: 'attendee.saved'; participant: ParticipantView; tallies?: Vote[] }
	| { type: 'attendee.removed'; participantId: string; tallies?: Vote[] }
	/** The facilitator removed someone who joined by phone; the reason reaches staff and that phone only. */
	| { type: 'participant.removed'; participantId: string; reason: string; tallies?: Vote[] }
	/** The door (new joins taken or not) and how many may join. */
	| { type: 'session.room'; door: 'open' | 'closed'; capacity: number }
	/** A new join code: the old one lets nobody in any more. */
	| { type: 'session.code'; code: string }
	/** A photo for the dokumentasi was uploaded (over HTTP) or its caption changed; staff only. */
	| { type: 'photo.saved'; photo: PhotoView }
	| { type: 'photo.removed'; photoId: string }
	/** The facilitator put a post or a theme on the projector large, or (null) took it down. */
	| { type: 'spotlight.changed'; spotlight: Spotlight }
	/** A participant asked for their personal data to be deleted; staff and that phone only. */
	| { type: 'privacy.requested'; requestId: string; participantId: string; requestedAt: string }
	/** Staff deleted a participant's personal data (at their request or on their behalf). */
	| { type: 'participant.erased'; participantId: string; hidItems: boolean }
	/** The retention period or the institution setting changed; staff only. */
	| { type: 'privacy.settings'; months: number | null; keepInstitutions: boolean }
	/** Personal data was anonymised (retention): names became "Peserta N". */
	| { type: 'session.anonymised'; at: string; participants: number; keptInstitutions: boolean }
	/** A change this viewer may not see (someone's silent-writing edit, a vote before the reveal). */
	| { type: 'private' };

/** A logged event as broadcast and replayed. */
export interface SessionRecord {
	seq: number;
	/** ISO time the event was committed: the server's clock (a sample session's own, see server/clock.ts). */
	at: string;
	event: SessionEvent;
	/** Server side only, never sent: the participant who may see this change in full. */
	owner?: string | null;
}

export interface Snapshot {
	/** Staff get the details too (StaffSessionView); everyone else the public view without them. */
	session: SessionView & { details?: SessionDetails };
	participants: ParticipantView[];
	/** What this viewer may see: staff see hidden and pending items too. */
	items: ItemView[];
	themes: Theme[];
	/** Staff see all; others their own until the facilitator reveals the tallies. */
	votes: Vote[];
	/** How many participants have placed at least one dot (shown on the projector before the reveal). */
	voters: number;
	links: Link[];
	/** Staff see every support; a participant their own (the counts are on the items). */
	supports: Support[];
	actions: ActionRow[];
	/** Staff only. */
	notes: Note[];
	/** Staff only: the dokumentasi, without the images (fetched over HTTP). */
	photos: PhotoView[];
	seq: number;
}

/** Sent with every command; `id` is generated by the client so a retry is recognised. */
export interface CommandEnvelope {
	id: string;
	command: Command;
}

export type ErrorCode =
	| 'invalid_input'
	| 'unauthenticated'
	| 'forbidden'
	| 'not_found'
	| 'session_closed'
	| 'rate_limited'
	| 'kinds_locked'
	| 'anonymous_not_allowed'
	| 'consent_required'
	| 'phase_closed'
	| 'over_budget'
	| 'over_cap'
	/** Joining: the facilitator closed the door, the room is full, the code was replaced, or this phone was removed. */
	| 'door_closed'
	| 'room_full'
	| 'code_changed'
	| 'removed'
	| 'internal';

export interface CommandError {
	code: ErrorCode;
	/** English, for logs and API clients; the UI shows its own translation of `code`. */
	message: string;
}

export type CommandResult =
	| { ok: true; seq: number; itemId?: string; /** The new theme's, row's, note's or attendee's id. */ id?: string }
	| { ok: false; error: CommandError };

/** The answer to `sync`: the missed records when the gap is small, a snapshot when it is not. */
/** `serverTime` lets a client correct its clock, so the countdown matches on every screen. */
export type SyncResult =
	| { ok: true; mode: 'events'; records: SessionRecord[]; ownItemIds: string[]; seq: number; serverTime: string }
	| { ok: true; mode: 'snapshot'; snapshot: Snapshot; ownItemIds: string[]; seq: number; serverTime: string }
	| { ok: false; error: CommandError };

export interface ServerToClientEvents {
	record: (record: SessionRecord) => void;
	/** Not logged: how many phones are connected right now. */
	presence: (presence: { online: number }) => void;
}

export interface ClientToServerEvents {
	command: (envelope: CommandEnvelope, ack: (result: CommandResult) => void) => void;
	sync: (request: { lastSeq: number }, ack: (result: SyncResult) => void) => void;
}

/** What a socket presents when it connects (socket.io `auth`). */
export type SocketAuth =
	| { code: string; role: 'facilitator'; key: string }
	| { code: string; role: 'minutetaker'; key: string }
	| { code: string; role: 'participant'; token: string }
	| { code: string; role: 'presenter' };

export interface SocketIdentity {
	sessionId: string;
	code: string;
	role: Role;
	participantId: string | null;
	/** The signed-in account behind a console opened from /org (never a participant); absent for a secret link. */
	accountId?: string | null;
}

/** Beyond this many missed records a reconnecting client gets a snapshot instead. */
export const REPLAY_LIMIT = 500;

/**
 * In a cluster, records committed on two nodes can reach a client in the wrong order, a few
 * milliseconds apart. A gap waits this long (ms) for its record before the client asks for a sync,
 * so that one overtaking does not cost a read from every phone of the session.
 */
export const GAP_GRACE = 300;

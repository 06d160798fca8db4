/**
 * Every name Rembuk keeps in this browser's localStorage, in one place: the pages that write a
 * value and the ones that look for it (the letterhead's "previous session") agree on its name.
 * Only the names live here: the phone loads this module, so what staff pages alone do with them
 * (finding the previous sessions) is in `recent-sessions.ts`.
 */

/** `report` is an organizer's read-only key for the minutes (a report link). */
export type StaffRole = 'facilitator' | 'minutetaker' | 'report';

export const storageKeys = {
	/** A staff or report key for one session, taken from a link's fragment. */
	staffKey: (code: string, role: StaffRole) => `rembuk:${role}:${code}`,
	/** Who this phone is in one session (`client/identity.ts`). */
	participant: (code: string) => `rembuk:participant:${code}`,
	/** The board as a participant's phone last saw it, for a reload without a network (`client/last-board.ts`). */
	lastBoard: (code: string, participantId: string) => `rembuk:board:${code}:${participantId}`,
	/** Commands not yet acknowledged, per session and sender: a staff role or a participant's id. */
	outbox: (code: string, sender: string) => `rembuk:outbox:${code}:${sender}`,
	/** The sessions whose console this browser opened, with when it first did. */
	sessions: 'rembuk:sessions'
};

/** Who may do what: the one place that authorizes commands. Pure, so it is tested alone. */
import type { Command } from '../realtime/schemas';
import type { Role } from './types';

/** Every command's type, taken from the command schema (the zod union): never listed by hand. */
export type CommandType = Command['type'];

export interface CommandPolicy {
	/** The roles that may send the command. */
	readonly roles: readonly Role[];
	/** Whether it is still accepted once the session is closed. */
	readonly afterClose: boolean;
}

const P: Role[] = ['participant'];
const facilitator: CommandPolicy = { roles: ['facilitator'], afterClose: false };
/** The minutes are often finished after the meeting: staff may still complete them once closed. */
const MINUTES: CommandPolicy = { roles: ['facilitator', 'minutetaker'], afterClose: true };

/**
 * Who may send each command, and whether it is accepted after the close. Keyed by the schema's
 * type list, so a command added there without an entry here (or an entry without a field) fails
 * `npm run check`; the server's handler table is keyed the same way.
 */
export const POLICY: Record<CommandType, CommandPolicy> = {
	'item.add': { roles: P, afterClose: false },
	// A participant edits their own items; the facilitator moderates any (the original stays in the log).
	'item.edit': { roles: ['participant', 'facilitator'], afterClose: false },
	'item.delete': { roles: P, afterClose: false },
	'item.support': { roles: P, afterClose: false },
	'session.settings': facilitator,
	'session.close': facilitator,
	'session.details': MINUTES,
	'phase.set': facilitator,
	'phase.kinds': facilitator,
	'timer.start': facilitator,
	'timer.pause': facilitator,
	'timer.resume': facilitator,
	'timer.extend': facilitator,
	'timer.clear': facilitator,
	'item.hide': facilitator,
	'item.restore': facilitator,
	'item.approve': facilitator,
	'item.merge': facilitator,
	'item.theme': facilitator,
	'theme.create': facilitator,
	'theme.rename': facilitator,
	'theme.delete': facilitator,
	'themes.order': facilitator,
	'vote.set': { roles: P, afterClose: false },
	'voting.settings': facilitator,
	// The author of a recommendation links it from the phone; the facilitator links any.
	'link.set': { roles: ['participant', 'facilitator'], afterClose: false },
	'action.save': MINUTES,
	'action.delete': MINUTES,
	'note.add': MINUTES,
	'note.delete': MINUTES,
	'projector.spotlight': facilitator,
	// Attendance and dokumentasi: both staff roles, as the minute-taker often keeps the paper
	// sign-in sheet and takes the photos; completed from that sheet and the camera after the meeting.
	'attendee.add': MINUTES,
	'attendee.edit': MINUTES,
	'attendee.remove': MINUTES,
	'photo.caption': MINUTES,
	'photo.remove': MINUTES,
	// Who may come in is the facilitator's call, and only while the session is open.
	'session.room': facilitator,
	'participant.remove': facilitator,
	'session.newCode': facilitator
};

/** True when `role` may send `type`; for item commands the handler also asks `mayTouchItem`. */
export function mayRun(role: Role, type: CommandType): boolean {
	return POLICY[type].roles.includes(role);
}

/**
 * Why `role` may not send `type` to a session in this state, or null when it may. `forbidden`
 * comes first: a role learns nothing about the session from a command it may never send.
 */
export function refusal(role: Role, type: CommandType, status: 'open' | 'closed'): 'forbidden' | 'session_closed' | null {
	if (!mayRun(role, type)) return 'forbidden';
	if (status === 'closed' && !POLICY[type].afterClose) return 'session_closed';
	return null;
}

/** A participant touches only their own items; the facilitator may moderate any. The item handlers ask this. */
export function mayTouchItem(role: Role, participantId: string | null, authorId: string): boolean {
	if (role === 'facilitator') return true;
	return participantId !== null && participantId === authorId;
}

/** Roles that see everything: hidden and pending items, every vote, the minute-taker's notes. */
export const isStaff = (role: Role) => role === 'facilitator' || role === 'minutetaker';

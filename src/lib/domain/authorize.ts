/** Who may do what: the one place that authorizes commands. Pure, so it is tested alone. */
import type { Role } from './types';

export type CommandType =
	| 'item.add'
	| 'item.edit'
	| 'item.delete'
	| 'session.settings'
	| 'session.close'
	| 'session.details'
	| 'phase.set'
	| 'phase.kinds'
	| 'timer.start'
	| 'timer.pause'
	| 'timer.resume'
	| 'timer.extend'
	| 'timer.clear'
	| 'item.hide'
	| 'item.restore'
	| 'item.approve'
	| 'item.merge'
	| 'item.theme'
	| 'theme.create'
	| 'theme.rename'
	| 'theme.delete'
	| 'themes.order'
	| 'vote.set'
	| 'voting.settings'
	| 'link.set'
	| 'action.save'
	| 'action.delete'
	| 'note.add'
	| 'note.delete'
	| AttendanceCommandType;

/** Staff complete the daftar hadir (people without a phone) and the dokumentasi. */
type AttendanceCommandType = 'attendee.add' | 'attendee.edit' | 'attendee.remove' | 'photo.caption' | 'photo.remove';

const F: Role[] = ['facilitator'];
const STAFF: Role[] = ['facilitator', 'minutetaker'];

/** Who may send each command. Exported so the authorization matrix test covers every command listed here. */
export const ALLOWED: Record<CommandType, Role[]> = {
	'item.add': ['participant'],
	// A participant edits their own items; the facilitator moderates any (the original stays in the log).
	'item.edit': ['participant', 'facilitator'],
	'item.delete': ['participant'],
	'session.settings': F,
	'session.close': F,
	'session.details': STAFF,
	'phase.set': F,
	'phase.kinds': F,
	'timer.start': F,
	'timer.pause': F,
	'timer.resume': F,
	'timer.extend': F,
	'timer.clear': F,
	'item.hide': F,
	'item.restore': F,
	'item.approve': F,
	'item.merge': F,
	'item.theme': F,
	'theme.create': F,
	'theme.rename': F,
	'theme.delete': F,
	'themes.order': F,
	'vote.set': ['participant'],
	'voting.settings': F,
	// The author of a recommendation links it from the phone; the facilitator links any.
	'link.set': ['participant', 'facilitator'],
	'action.save': STAFF,
	'action.delete': STAFF,
	'note.add': STAFF,
	'note.delete': STAFF,
	// Attendance and dokumentasi: both staff roles, as the minute-taker often keeps the paper
	// sign-in sheet and takes the photos.
	'attendee.add': STAFF,
	'attendee.edit': STAFF,
	'attendee.remove': STAFF,
	'photo.caption': STAFF,
	'photo.remove': STAFF
};

/** True when `role` may send `type`; for item commands the caller must also own the item. */
export function mayRun(role: Role, type: CommandType): boolean {
	return ALLOWED[type].includes(role);
}

/** A participant touches only their own items; the facilitator may moderate any. */
export function mayTouchItem(role: Role, participantId: string | null, authorId: string): boolean {
	if (role === 'facilitator') return true;
	return participantId !== null && participantId === authorId;
}

/** Roles that see everything: hidden and pending items, every vote, the minute-taker's notes. */
export const isStaff = (role: Role) => role === 'facilitator' || role === 'minutetaker';

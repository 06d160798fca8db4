/**
 * Attendance and dokumentasi commands, staff only: people without a phone written into the
 * daftar hadir by hand, and the captions and removal of uploaded photos (the upload itself
 * comes over HTTP: a photo does not fit in the socket's 16 KB).
 */
import * as attendees from '../attendees';
import * as photos from '../photos';
import { Rejected, type CommandContext, type Handlers } from './context';

const staffRole = (context: CommandContext) => context.who.role as attendees.StaffRole;

function mustKnowGroup(context: CommandContext, group: string) {
	if (!context.view.groups.some((g) => g.key === group)) throw new Rejected('invalid_input', 'Unknown stakeholder group');
}

/** Only entries staff added: someone who joined on their phone gave (and consented to) their own data. */
async function mustBeAddedByStaff(context: CommandContext, participantId: string) {
	if (!(await attendees.findAdded(context.trx, context.session.id, participantId)))
		throw new Rejected('not_found', 'No attendee added by staff has this id');
}

async function mustFindPhoto(context: CommandContext, photoId: string) {
	if (!(await photos.find(context.trx, context.session.id, photoId))) throw new Rejected('not_found', 'No such photo');
}

export const attendanceHandlers = {
	'attendee.add': async (context, command) => {
		mustKnowGroup(context, command.attendee.group);
		const record = await attendees.add(context.trx, context.session.id, staffRole(context), command.attendee);
		return { records: [record], id: (record.event as { participant: { id: string } }).participant.id };
	},
	'attendee.edit': async (context, command) => {
		await mustBeAddedByStaff(context, command.participantId);
		mustKnowGroup(context, command.attendee.group);
		return { records: [await attendees.edit(context.trx, context.session.id, staffRole(context), command.participantId, command.attendee)] };
	},
	'attendee.remove': async (context, command) => {
		await mustBeAddedByStaff(context, command.participantId);
		return { records: [await attendees.remove(context.trx, context.session.id, staffRole(context), command.participantId)] };
	},
	'photo.caption': async (context, command) => {
		await mustFindPhoto(context, command.photoId);
		return { records: [await photos.setCaption(context.trx, context.session.id, context.actor, command.photoId, command.caption)] };
	},
	'photo.remove': async (context, command) => {
		await mustFindPhoto(context, command.photoId);
		return { records: [await photos.remove(context.trx, context.session.id, context.actor, command.photoId)] };
	}
} satisfies Handlers;

/** Room controls: the door and the capacity, removing a participant, a new join code. */
import * as room from '../room';
import { Rejected, type Handlers } from './context';

export const roomHandlers = {
	'session.room': async (context, command) => {
		if (command.door === undefined && command.capacity === undefined) throw new Rejected('invalid_input', 'Nothing to change');
		return { records: [await room.setRoom(context.trx, context.session, command)] };
	},
	'participant.remove': async (context, command) => {
		// Staff-added attendees are deleted with attendee.remove; this is for phones.
		if (!(await room.findJoined(context.trx, context.session.id, command.participantId)))
			throw new Rejected('not_found', 'No participant who joined by phone has this id');
		return { records: await room.removeParticipant(context.trx, context.session, command.participantId, command.reason, command.hideItems) };
	},
	'session.newCode': async (context) => ({ records: [await room.newCode(context.trx, context.session)] })
} satisfies Handlers;

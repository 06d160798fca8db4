/** The projector's spotlight, set from the console; the facilitator's alone. */
import * as sessions from '../sessions';
import { shows } from '../spotlight';
import { Rejected, type Handlers } from './context';

export const projectorHandlers = {
	'projector.spotlight': async (context, command) => {
		const target = command.target;
		if (target && !(await shows(context.trx, context.session.id, target))) throw new Rejected('not_found', 'Nothing the room can see has this id');
		return { records: [await sessions.setSpotlight(context.trx, context.session, target)] };
	}
} satisfies Handlers;

import { json } from '@sveltejs/kit';
import { getContext } from '$lib/server/context';
import { clientAddress, handle, problem, readBody } from '$lib/http/endpoint.server';
import { findSession } from '$lib/http/lookup.server';
import * as participants from '$lib/server/participants';
import * as sessions from '$lib/server/sessions';
import { allow } from '$lib/server/ratelimit';
import { joinSchema } from '$lib/realtime/schemas';
import type { RequestHandler } from './$types';

/** Joins with a phone-made token; repeating the same token returns the same participant. */
export const POST: RequestHandler = (event) =>
	handle(async () => {
		if (!(await allow('join', clientAddress(event)))) return problem(429, 'rate_limited', 'Too many join attempts; wait a minute');
		const session = await findSession(event);
		if (session.status === 'closed') return problem(409, 'session_closed', 'The session is closed');
		const input = await readBody(event.request, joinSchema);
		if (!sessions.toView(session).groups.some((g) => g.key === input.group)) return problem(400, 'invalid_input', 'group: unknown stakeholder group');
		const { participant, records } = await getContext().writes.commit(session.id, (db) => participants.join(db, session, input));
		return json({ participant }, { status: records.length > 0 ? 201 : 200 });
	});

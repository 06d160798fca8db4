import { json } from '@sveltejs/kit';
import { getContext } from '$lib/server/context';
import { clientAddress, handle, problem, readBody } from '$lib/http/endpoint.server';
import { facilitatorUrl, minutetakerUrl, publicOrigin, sessionLinks } from '$lib/server/links';
import { allow } from '$lib/server/ratelimit';
import * as sessions from '$lib/server/sessions';
import { createSessionSchema } from '$lib/realtime/schemas';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = (event) =>
	handle(async () => {
		if (!(await allow('create', clientAddress(event)))) return problem(429, 'rate_limited', 'Too many new sessions; wait a few minutes');
		const input = await readBody(event.request, createSessionSchema);
		const created = await sessions.create(getContext().store.db, input);
		const origin = publicOrigin(event.url);
		return json(
			{
				code: created.code,
				facilitatorKey: created.facilitatorKey,
				facilitatorUrl: facilitatorUrl(origin, created.code, created.facilitatorKey),
				minutetakerKey: created.minutetakerKey,
				minutetakerUrl: minutetakerUrl(origin, created.code, created.minutetakerKey),
				...sessionLinks(origin, created.code, input.title)
			},
			{ status: 201 }
		);
	});

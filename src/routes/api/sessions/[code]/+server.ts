import { json } from '@sveltejs/kit';
import { findSession } from '$lib/http/lookup.server';
import { handle } from '$lib/http/endpoint.server';
import * as sessions from '$lib/server/sessions';
import { publicSession } from '$lib/server/visibility';
import type { RequestHandler } from './$types';

/** The public view of a session: what the join screen needs, without the minutes' details. */
export const GET: RequestHandler = (event) => handle(async () => json(publicSession(sessions.toView(await findSession(event)))));

import { json } from '@sveltejs/kit';
import { addressOf } from '$lib/http/account.server';
import { problem } from '$lib/http/endpoint.server';
import { noStore, passkeyEndpoint } from '$lib/http/passkey.server';
import { signInOptions } from '$lib/server/accounts/passkeys';
import { allow } from '$lib/server/ratelimit';
import type { RequestHandler } from './$types';

/** A challenge to sign in with any passkey of this host (the browser lists the person's). */
export const POST: RequestHandler = (event) =>
	passkeyEndpoint(event, async (rp) => {
		if (!(await allow('passkeyOptions', addressOf(event)))) return problem(429, 'rate_limited', 'Too many passkey requests; wait a minute');
		return json({ options: await signInOptions(rp) }, { headers: noStore });
	});

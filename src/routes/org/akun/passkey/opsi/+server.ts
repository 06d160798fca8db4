import { json } from '@sveltejs/kit';
import { signedIn } from '$lib/http/account.server';
import { problem } from '$lib/http/endpoint.server';
import { noStore, passkeyEndpoint } from '$lib/http/passkey.server';
import { registrationOptions } from '$lib/server/accounts/passkeys';
import { getContext } from '$lib/server/context';
import type { RequestHandler } from './$types';

/** A challenge to make a passkey for the signed-in account. */
export const POST: RequestHandler = (event) =>
	passkeyEndpoint(event, async (rp) => {
		const who = await signedIn(event);
		if (!who) return problem(401, 'unauthenticated', 'Sign in first');
		return json({ options: await registrationOptions(getContext().store.db, who, rp) }, { headers: noStore });
	});

import { json } from '@sveltejs/kit';
import { addressOf, signedIn } from '$lib/http/account.server';
import { problem, readBody } from '$lib/http/endpoint.server';
import { noStore, passkeyEndpoint } from '$lib/http/passkey.server';
import { asRegistration, registerBody } from '$lib/server/accounts/passkey-schemas';
import { register } from '$lib/server/accounts/passkeys';
import { getContext } from '$lib/server/context';
import type { RequestHandler } from './$types';

/** Stores the signed-in account's new passkey under the name the person gave it. */
export const POST: RequestHandler = (event) =>
	passkeyEndpoint(event, async (rp) => {
		const who = await signedIn(event);
		if (!who) return problem(401, 'unauthenticated', 'Sign in first');
		const body = await readBody(event.request, registerBody);
		const passkey = await register(getContext().store.db, who, rp, { name: body.name, response: asRegistration(body) }, addressOf(event));
		return json({ passkey }, { status: 201, headers: noStore });
	});

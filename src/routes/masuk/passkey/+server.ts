import { json } from '@sveltejs/kit';
import { addressOf, safeNext, setAuthCookie, userAgentOf } from '$lib/http/account.server';
import { problem, readBody } from '$lib/http/endpoint.server';
import { noStore, passkeyEndpoint } from '$lib/http/passkey.server';
import { asAuthentication, signInBody } from '$lib/server/accounts/passkey-schemas';
import { signIn } from '$lib/server/accounts/passkeys';
import { getContext } from '$lib/server/context';
import type { RequestHandler } from './$types';

/** Signs in with a passkey's answer: the same sign-in cookie as the password form; then where to go. */
export const POST: RequestHandler = (event) =>
	passkeyEndpoint(event, async (rp) => {
		const body = await readBody(event.request, signInBody);
		const result = await signIn(getContext().store.db, { response: asAuthentication(body), rp, address: addressOf(event), userAgent: userAgentOf(event.request) });
		if (!result.ok && result.reason === 'rate_limited')
			return json({ error: { code: 'rate_limited', message: 'Too many failed sign-ins', retryAfterS: result.retryAfterS } }, { status: 429 });
		if (!result.ok) return problem(401, 'unauthenticated', 'This passkey is not known here or could not be verified');
		setAuthCookie(event, result.token);
		return json({ location: safeNext(event.url.searchParams.get('next')) }, { headers: noStore });
	});

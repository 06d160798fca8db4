import { fail, redirect } from '@sveltejs/kit';
import { addressOf, safeNext, setAuthCookie, signedIn, userAgentOf } from '$lib/http/account.server';
import { signIn } from '$lib/server/accounts/auth';
import { relyingParty } from '$lib/server/accounts/passkeys';
import { getContext } from '$lib/server/context';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	if (await signedIn(event)) redirect(303, safeNext(event.url.searchParams.get('next')));
	return {
		notice: event.url.searchParams.get('keluar'),
		/** False on plain http away from localhost, where browsers offer no passkeys: the page says so. */
		passkeysUsable: relyingParty(event.url) !== null
	};
};

export const actions = {
	default: async (event) => {
		const form = await event.request.formData();
		const login = String(form.get('login') ?? '').slice(0, 200);
		const password = String(form.get('password') ?? '');
		const result = await signIn(getContext().store.db, { login, password, address: addressOf(event), userAgent: userAgentOf(event.request) });
		if (!result.ok && result.reason === 'rate_limited') return fail(429, { login, rateLimited: result.retryAfterS });
		if (!result.ok) return fail(400, { login, invalid: true });
		setAuthCookie(event, result.token);
		redirect(303, safeNext(event.url.searchParams.get('next')));
	}
} satisfies Actions;

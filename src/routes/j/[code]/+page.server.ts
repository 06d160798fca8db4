import { forgetPhone, joinByForm, joinedPhone, newToken } from '$lib/http/join-form.server';
import { loadSessionPage } from '$lib/http/session-page.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const page = await loadSessionPage(event);
	// A fresh token per rendered form: sending the same form again joins as the same person.
	return { ...page, joined: joinedPhone(event.cookies, page.session.code), token: newToken() };
};

export const actions = {
	join: (event) => joinByForm(event),
	/** The server no longer knows this phone (removed, or its database was reset): forget it here too. */
	forget: ({ cookies, url, params }) => forgetPhone(cookies, url, params.code.toUpperCase())
} satisfies Actions;

import { redirect } from '@sveltejs/kit';
import { addressOf, clearAuthCookie, recheckConsoles, signedIn } from '$lib/http/account.server';
import { signOut, signOutEverywhere } from '$lib/server/accounts/auth';
import { getContext } from '$lib/server/context';
import type { Actions, PageServerLoad } from './$types';

/** Nothing to show: signing out is a POST from the organization pages' header. */
export const load: PageServerLoad = () => redirect(303, '/masuk');

export const actions = {
	one: async (event) => {
		const who = await signedIn(event);
		if (who) {
			await signOut(getContext().store.db, who, addressOf(event));
			recheckConsoles(who.account.id);
		}
		clearAuthCookie(event);
		redirect(303, '/masuk?keluar=1');
	},
	everywhere: async (event) => {
		const who = await signedIn(event);
		if (who) {
			await signOutEverywhere(getContext().store.db, who.account, addressOf(event));
			recheckConsoles(who.account.id);
		}
		clearAuthCookie(event);
		redirect(303, '/masuk?keluar=semua');
	}
} satisfies Actions;

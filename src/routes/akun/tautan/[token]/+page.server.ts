import { fail, redirect } from '@sveltejs/kit';
import { addressOf, recheckConsoles, setAuthCookie, userAgentOf } from '$lib/http/account.server';
import { AccountError, completeLink, loginOf, openLink } from '$lib/server/accounts/accounts';
import { startSession } from '$lib/server/accounts/auth';
import { getContext } from '$lib/server/context';
import type { Actions, PageServerLoad } from './$types';

/** A setup, invite or password-reset link (or the first start's bootstrap link): choose a password and sign in. */
export const load: PageServerLoad = async ({ params }) => {
	const link = await openLink(getContext().store.db, params.token);
	if (!link) return { link: null };
	return {
		link: {
			purpose: link.purpose,
			login: link.account ? loginOf(link.account) : '',
			name: link.account?.name ?? '',
			organization: link.organization?.name ?? ''
		}
	};
};

export const actions = {
	default: async (event) => {
		const form = await event.request.formData();
		const text = (name: string) => String(form.get(name) ?? '').slice(0, 300);
		const input = { name: text('name'), password: text('password'), organizationName: text('organization'), login: text('login') };
		const kept = { name: input.name, organization: input.organizationName, login: input.login };
		const db = getContext().store.db;
		let accountId: string;
		try {
			accountId = (await completeLink(db, event.params.token, input, addressOf(event))).id;
		} catch (error) {
			if (!(error instanceof AccountError)) throw error;
			return fail(400, { ...kept, error: error.code, feedback: error.strength?.feedback ?? [] });
		}
		// A reset signed the account out everywhere: its open consoles close too.
		recheckConsoles(accountId);
		setAuthCookie(event, await startSession(db, accountId, addressOf(event), userAgentOf(event.request)));
		redirect(303, '/org');
	}
} satisfies Actions;

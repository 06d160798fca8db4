import { fail } from '@sveltejs/kit';
import { addressOf, recheckConsoles, requireMember } from '$lib/http/account.server';
import { canManageMembers } from '$lib/server/accounts/access';
import { loginOf } from '$lib/server/accounts/accounts';
import * as passkeys from '$lib/server/accounts/passkeys';
import { getContext } from '$lib/server/context';
import type { Actions, PageServerLoad } from './$types';

/** The signed-in member's own account: who they are and their passkeys (made here, listed, removed). */
export const load: PageServerLoad = async (event) => {
	const { account, member } = await requireMember(event);
	return {
		me: { name: account.name, role: member.role, organization: member.organizationName, login: loginOf(account) },
		canManageMembers: canManageMembers(member),
		passkeys: await passkeys.list(getContext().store.db, account.id),
		/** False on plain http away from localhost, where browsers offer no passkeys: the page says so. */
		passkeysUsable: passkeys.relyingParty(event.url) !== null
	};
};

export const actions = {
	remove: async (event) => {
		const who = await requireMember(event);
		const id = String((await event.request.formData()).get('id') ?? '').slice(0, 1400);
		try {
			const name = await passkeys.remove(getContext().store.db, who, id, addressOf(event));
			// The sign-ins it made have ended: their open consoles close too.
			recheckConsoles(who.account.id);
			return { removed: name };
		} catch (error) {
			if (!(error instanceof passkeys.PasskeyError)) throw error;
			return fail(404, { notFound: true });
		}
	}
} satisfies Actions;

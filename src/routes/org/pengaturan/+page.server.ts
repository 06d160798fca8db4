import { error, fail } from '@sveltejs/kit';
import { addressOf, requireMember } from '$lib/http/account.server';
import * as access from '$lib/server/accounts/access';
import * as orgSettings from '$lib/server/accounts/org-settings';
import { getContext } from '$lib/server/context';
import { serverMonths } from '$lib/server/privacy';
import type { Actions, PageServerLoad } from './$types';

/** The organization's personal-data settings: admins only (others get 403, the page and the action alike). */
async function requireAdmin(event: Parameters<typeof requireMember>[0]) {
	const signed = await requireMember(event);
	if (!access.canManageMembers(signed.member)) error(403, { message: 'forbidden' });
	return signed;
}

export const load: PageServerLoad = async (event) => {
	const { account, member } = await requireAdmin(event);
	return {
		me: { name: account.name, role: member.role, organization: member.organizationName },
		settings: (await orgSettings.get(getContext().store.db, member.organizationId))!,
		serverMonths: serverMonths()
	};
};

export const actions = {
	default: async (event) => {
		const { member } = await requireAdmin(event);
		const parsed = orgSettings.parseSettingsForm(await event.request.formData());
		if (!parsed.ok) return fail(400, { error: parsed.error });
		await orgSettings.set(getContext().store.db, member, parsed.value, addressOf(event));
		return { saved: true };
	}
} satisfies Actions;

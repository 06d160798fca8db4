import { error, fail } from '@sveltejs/kit';
import { addressOf, recheckConsoles, requireMember } from '$lib/http/account.server';
import * as access from '$lib/server/accounts/access';
import * as members from '$lib/server/accounts/members';
import { AccountError, ROLES, type OrgRole } from '$lib/server/accounts/accounts';
import { LINK_PATH } from '$lib/server/accounts/accounts';
import { getContext } from '$lib/server/context';
import type { Actions, PageServerLoad } from './$types';

/** Member management: admins only (an organizer or a facilitator gets 403, the page and every action alike). */
async function requireAdmin(event: Parameters<typeof requireMember>[0]) {
	const signed = await requireMember(event);
	if (!access.canManageMembers(signed.member)) error(403, { message: 'forbidden' });
	return signed;
}

export const load: PageServerLoad = async (event) => {
	const { account, member } = await requireAdmin(event);
	return {
		me: { id: account.id, name: account.name, role: member.role, organization: member.organizationName },
		members: await members.list(getContext().store.db, member)
	};
};

const role = (value: FormDataEntryValue | null): OrgRole | null => (ROLES as readonly string[]).includes(String(value)) ? (String(value) as OrgRole) : null;
const linkUrl = (url: URL, token: string) => `${url.origin}${LINK_PATH}/${token}`;

function refusal(e: unknown) {
	if (e instanceof AccountError) return fail(400, { error: e.code });
	if (e instanceof access.AccessDenied) return fail(403, { error: e.code });
	throw e;
}

export const actions = {
	invite: async (event) => {
		const { member } = await requireAdmin(event);
		const form = await event.request.formData();
		const login = String(form.get('login') ?? '').slice(0, 200);
		const chosen = role(form.get('role'));
		if (!chosen) return fail(400, { error: 'invalid_role', login });
		try {
			const token = await members.invite(getContext().store.db, member, { login, role: chosen }, addressOf(event));
			return { link: linkUrl(event.url, token), linkFor: login.trim().toLowerCase(), kind: 'invite' as const };
		} catch (e) {
			return refusal(e);
		}
	},
	role: async (event) => {
		const { member } = await requireAdmin(event);
		const form = await event.request.formData();
		const chosen = role(form.get('role'));
		if (!chosen) return fail(400, { error: 'invalid_role' });
		try {
			const accountId = String(form.get('accountId') ?? '');
			await members.changeRole(getContext().store.db, member, accountId, chosen, addressOf(event));
			recheckConsoles(accountId);
			return { done: 'role' as const };
		} catch (e) {
			return refusal(e);
		}
	},
	remove: async (event) => {
		const { member } = await requireAdmin(event);
		const form = await event.request.formData();
		try {
			const accountId = String(form.get('accountId') ?? '');
			await members.remove(getContext().store.db, member, accountId, addressOf(event));
			recheckConsoles(accountId);
			return { done: 'remove' as const };
		} catch (e) {
			return refusal(e);
		}
	},
	reset: async (event) => {
		const { member } = await requireAdmin(event);
		const form = await event.request.formData();
		const accountId = String(form.get('accountId') ?? '');
		try {
			const db = getContext().store.db;
			const token = await members.resetPassword(db, member, accountId, addressOf(event));
			const login = (await members.list(db, member)).find((m) => m.accountId === accountId)?.login ?? '';
			return { link: linkUrl(event.url, token), linkFor: login, kind: 'reset' as const };
		} catch (e) {
			return refusal(e);
		}
	}
} satisfies Actions;

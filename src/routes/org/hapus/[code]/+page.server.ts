import { error, fail, redirect } from '@sveltejs/kit';
import { addressOf, recheckConsoles, requireMember } from '$lib/http/account.server';
import * as access from '$lib/server/accounts/access';
import { getContext } from '$lib/server/context';
import * as privacy from '$lib/server/privacy';
import type { Actions, PageServerLoad } from './$types';

/** One of the organization's sessions an admin or organizer may delete; 403 for a facilitator, 404 for any other code. */
async function deletable(event: Parameters<typeof requireMember>[0] & { params: { code: string } }) {
	const signed = await requireMember(event);
	try {
		return { ...signed, session: await access.deletableSession(getContext().store.db, signed.member, event.params.code.toUpperCase().slice(0, 10)) };
	} catch (e) {
		if (e instanceof access.AccessDenied) error(e.code === 'forbidden' ? 403 : 404, { message: e.code });
		throw e;
	}
}

/** The confirmation names what will be lost, as the console's does. */
export const load: PageServerLoad = async (event) => {
	const { account, member, session } = await deletable(event);
	return {
		me: { name: account.name, role: member.role, organization: member.organizationName },
		session: { code: session.code, title: session.title },
		counts: await privacy.deletionCounts(getContext().store.db, session.id)
	};
};

export const actions = {
	default: async (event) => {
		const { member, session } = await deletable(event);
		const typed = String((await event.request.formData()).get('confirmCode') ?? '').trim().toUpperCase();
		if (typed !== session.code) return fail(400, { error: 'wrong_code' as const });
		const who = { accountId: member.accountId, actor: 'account' as const, address: addressOf(event) };
		// Through the write queue, as the console's deletion: no change of this session is half-way when its rows go.
		await getContext().writes.commit(session.id, async (trx) => ({ deleted: await privacy.deleteSessionRows(trx, session.id, who), records: [] }));
		await privacy.checkpoint(getContext().store.db);
		recheckConsoles(member.accountId);
		// Back to the list (this page's session is gone), which says so.
		redirect(303, `/org?dihapus=${session.code}`);
	}
} satisfies Actions;

import { AUDIT_ACTIONS } from '$lib/server/accounts/audit';
import { auditView, PAGE_LIMIT } from '$lib/http/org-audit.server';
import type { PageServerLoad } from './$types';

/** The organization's audit log with filters (action, date range): admins only. */
export const load: PageServerLoad = async (event) => {
	const { account, member, valid, entries, names } = await auditView(event, PAGE_LIMIT);
	const query = event.url.searchParams;
	return {
		me: { name: account.name, role: member.role, organization: member.organizationName },
		actions: [...AUDIT_ACTIONS],
		filter: { action: query.get('action') ?? '', from: query.get('from') ?? '', to: query.get('to') ?? '' },
		valid,
		limit: PAGE_LIMIT,
		entries: entries.map((e) => ({ ...e, who: e.accountId ? (names.get(e.accountId) ?? '') : '' }))
	};
};

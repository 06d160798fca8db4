/**
 * The audit log's page and CSV share this: admins only, the filter from the query, the entries
 * with the names of the accounts behind them.
 */
import { error } from '@sveltejs/kit';
import * as access from '../server/accounts/access';
import * as audit from '../server/accounts/audit';
import { getContext } from '../server/context';
import { requireMember } from './account.server';

/** The page shows the newest 500; the CSV carries up to 100 000. */
export const PAGE_LIMIT = 500;
export const CSV_LIMIT = 100_000;

export async function auditView(event: Parameters<typeof requireMember>[0], limit: number) {
	const signed = await requireMember(event);
	if (!access.canManageMembers(signed.member)) error(403, { message: 'forbidden' });
	const parsed = audit.parseFilter(event.url.searchParams);
	const db = getContext().store.db;
	const organizationId = signed.member.organizationId;
	const entries = parsed.ok ? await audit.list(db, organizationId, limit, parsed.filter) : [];
	return { ...signed, valid: parsed.ok, entries, names: await audit.accountNames(db, organizationId) };
}

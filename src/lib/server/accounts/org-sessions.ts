/**
 * What members do to their organization's sessions from /org: claim a one-off session, assign
 * facilitators, open the console or the minute-taker's page without the secret link. Who may is
 * decided in ./access; each change is recorded in the audit log in the same transaction.
 */
import type { Database } from '../db/store';
import { hashSecret, newId, newSecret, secretMatches } from '../secrets';
import * as sessions from '../sessions';
import { AccessDenied, canManageSessions, membership, runnableSession, type Member } from './access';
import * as accounts from './accounts';
import { AccountError } from './accounts';
import * as audit from './audit';

/** Assigns (or unassigns) a facilitator of the organization to one of its sessions. */
export async function assign(db: Database, member: Member, code: string, accountId: string, assigned: boolean, address = ''): Promise<void> {
	if (!canManageSessions(member)) throw new AccessDenied('forbidden', 'Only an admin or organizer assigns facilitators');
	const session = await runnableSession(db, member, code);
	const other = await membership(db, accountId, member.organizationId);
	if (!other) throw new AccountError('not_member', 'This person is not a member of your organization');
	if (other.role !== 'facilitator') throw new AccessDenied('forbidden', 'Only a facilitator is assigned to sessions');
	await db.transaction().execute(async (trx) => {
		if (assigned)
			await trx
				.insertInto('session_facilitators')
				.values({ session_id: session.id, account_id: accountId, assigned_at: new Date().toISOString() })
				.onConflict((oc) => oc.doNothing())
				.execute();
		else await trx.deleteFrom('session_facilitators').where('session_id', '=', session.id).where('account_id', '=', accountId).execute();
		await audit.add(trx, {
			organizationId: member.organizationId,
			accountId: member.accountId,
			action: assigned ? 'facilitator.assigned' : 'facilitator.unassigned',
			subject: session.code,
			detail: accounts.loginOf((await accounts.byId(trx, accountId))!),
			address
		});
	});
}

/**
 * Claims a one-off session into the member's organization: the caller proves they hold it with its
 * facilitator key (or the facilitator link, whose fragment carries the key). Claiming again into the
 * same organization changes nothing; a session of another organization is refused.
 */
export async function claim(db: Database, member: Member, input: { code: string; key: string }, address = ''): Promise<sessions.SessionRow> {
	if (!canManageSessions(member)) throw new AccessDenied('forbidden', 'Only an admin or organizer claims sessions');
	const row = await sessions.byCode(db, input.code);
	if (!row || !secretMatches(input.key, row.facilitator_key_hash)) throw new AccessDenied('wrong_key', 'This code and key do not open a session');
	if (row.organization_id === member.organizationId) return row;
	if (row.organization_id) throw new AccessDenied('claimed_elsewhere', 'This session belongs to another organization');
	await db.transaction().execute(async (trx) => {
		// Only while still unclaimed: of two organizations claiming at once (two nodes), one wins.
		const claimed = await trx
			.updateTable('sessions')
			.set({ organization_id: member.organizationId, claimed_at: new Date().toISOString() })
			.where('id', '=', row.id)
			.where('organization_id', 'is', null)
			.executeTakeFirst();
		if (Number(claimed.numUpdatedRows) !== 1) throw new AccessDenied('claimed_elsewhere', 'This session belongs to another organization');
		await audit.add(trx, { organizationId: member.organizationId, accountId: member.accountId, action: 'session.claimed', subject: row.code, detail: row.title, address });
	});
	return row;
}

/** Parses what a person pastes to claim: a facilitator link (…/f/CODE#key=…) or a code and a key. */
export function parseClaim(link: string, code = '', key = ''): { code: string; key: string } | null {
	const match = /\/f\/([A-Z0-9]{6})[^#]*#(?:.*&)?key=([A-Za-z0-9_-]+)/i.exec(link.trim());
	if (match) return { code: match[1].toUpperCase(), key: match[2] };
	if (code.trim() && key.trim()) return { code: code.trim().toUpperCase(), key: key.trim() };
	return null;
}

/** A console grant lives at most 12 hours (a long FGD day); the sign-in it came from must still be live. */
export const GRANT_TTL_MS = 12 * 3600_000;

/**
 * Opens the console of a session the member may run, without the secret link: a per-session key
 * bound to this sign-in, which the console uses as it would the facilitator key (./access checks it).
 */
export async function grantConsole(
	db: Database,
	member: Member,
	authSessionId: string,
	code: string,
	address = '',
	now = Date.now(),
	role: 'facilitator' | 'minutetaker' = 'facilitator'
): Promise<{ code: string; key: string }> {
	const session = await runnableSession(db, member, code);
	const key = newSecret();
	await db.transaction().execute(async (trx) => {
		// Expired grants open nothing; drop them so the table holds only live ones.
		await trx.deleteFrom('staff_grants').where('expires_at', '<=', new Date(now).toISOString()).execute();
		await trx
			.insertInto('staff_grants')
			.values({
				id: newId(),
				token_hash: hashSecret(key),
				session_id: session.id,
				account_id: member.accountId,
				auth_session_id: authSessionId,
				created_at: new Date(now).toISOString(),
				expires_at: new Date(now + GRANT_TTL_MS).toISOString(),
				role
			})
			.execute();
		const action = role === 'facilitator' ? 'session.console_opened' : 'session.minutes_page_opened';
		await audit.add(trx, { organizationId: member.organizationId, accountId: member.accountId, action, subject: session.code, address });
	});
	return { code: session.code, key };
}

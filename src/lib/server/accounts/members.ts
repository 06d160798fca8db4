/**
 * An organization's members, managed by its admins: the list, invitations, roles, removal and
 * password resets. Every change is checked through ./access and recorded in the audit log, in the
 * same transaction.
 */
import type { Database } from '../db/store';
import { AccessDenied, canManageMembers, canManageSessions, membership, type Member } from './access';
import * as accounts from './accounts';
import { AccountError, type OrgRole } from './accounts';
import * as audit from './audit';

export interface MemberView {
	accountId: string;
	name: string;
	login: string;
	role: OrgRole;
	/** False until the person opened their invite link and chose a password. */
	active: boolean;
}

function requireMembers(member: Member) {
	if (!canManageMembers(member)) throw new AccessDenied('forbidden', 'Only an admin manages members');
}

export async function list(db: Database, member: Member): Promise<MemberView[]> {
	requireMembers(member);
	const rows = await db
		.selectFrom('memberships as m')
		.innerJoin('accounts as a', 'a.id', 'm.account_id')
		.select(['a.id as accountId', 'a.name', 'a.email', 'a.username', 'a.password_hash', 'm.role'])
		.where('m.organization_id', '=', member.organizationId)
		.orderBy('m.created_at')
		.execute();
	return rows.map((r) => ({ accountId: r.accountId, name: r.name, login: accounts.loginOf(r), role: r.role, active: r.password_hash !== null }));
}

/** Facilitators of the organization, for assigning sessions (admins and organizers). */
export async function facilitators(db: Database, member: Member): Promise<{ accountId: string; name: string; login: string }[]> {
	if (!canManageSessions(member)) throw new AccessDenied('forbidden', 'Only an admin or organizer assigns facilitators');
	const rows = await db
		.selectFrom('memberships as m')
		.innerJoin('accounts as a', 'a.id', 'm.account_id')
		.select(['a.id as accountId', 'a.name', 'a.email', 'a.username'])
		.where('m.organization_id', '=', member.organizationId)
		.where('m.role', '=', 'facilitator')
		.orderBy('a.name')
		.execute();
	return rows.map((r) => ({ accountId: r.accountId, name: r.name || accounts.loginOf(r), login: accounts.loginOf(r) }));
}

/** Invites a new person with a role: their account (no password yet) and a 7-day invite link. */
export async function invite(db: Database, member: Member, input: { login: string; role: OrgRole }, address = ''): Promise<string> {
	requireMembers(member);
	return db.transaction().execute(async (trx) => {
		const account = await accounts.createAccount(trx, input.login);
		await accounts.addMembership(trx, member.organizationId, account.id, input.role);
		const token = await accounts.issueLink(trx, { purpose: 'invite', accountId: account.id, organizationId: member.organizationId, createdBy: member.accountId });
		await audit.add(trx, { organizationId: member.organizationId, accountId: member.accountId, action: 'member.invited', subject: accounts.loginOf(account), detail: input.role, address });
		return token;
	});
}

async function target(db: Database, member: Member, accountId: string): Promise<Member> {
	const found = await membership(db, accountId, member.organizationId);
	if (!found) throw new AccountError('not_member', 'This person is not a member of your organization');
	return found;
}

async function refuseLastAdmin(db: Database, organizationId: string, other: Member): Promise<void> {
	if (other.role !== 'admin') return;
	const { n } = await db
		.selectFrom('memberships')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('organization_id', '=', organizationId)
		.where('role', '=', 'admin')
		.executeTakeFirstOrThrow();
	if (Number(n) === 1) throw new AccountError('last_admin', 'The organization needs at least one admin');
}

const loginOfId = async (db: Database, accountId: string) => accounts.loginOf((await accounts.byId(db, accountId))!);

export async function changeRole(db: Database, member: Member, accountId: string, role: OrgRole, address = ''): Promise<void> {
	requireMembers(member);
	await db.transaction().execute(async (trx) => {
		const other = await target(trx, member, accountId);
		if (other.role === role) return;
		await refuseLastAdmin(trx, member.organizationId, other);
		await trx.updateTable('memberships').set({ role }).where('organization_id', '=', member.organizationId).where('account_id', '=', accountId).execute();
		const subject = await loginOfId(trx, accountId);
		await audit.add(trx, { organizationId: member.organizationId, accountId: member.accountId, action: 'member.role_changed', subject, detail: `${other.role} → ${role}`, address });
	});
}

/** Removes the membership and the person's assignments in this organization's sessions. */
export async function remove(db: Database, member: Member, accountId: string, address = ''): Promise<void> {
	requireMembers(member);
	await db.transaction().execute(async (trx) => {
		await refuseLastAdmin(trx, member.organizationId, await target(trx, member, accountId));
		await trx.deleteFrom('memberships').where('organization_id', '=', member.organizationId).where('account_id', '=', accountId).execute();
		await trx
			.deleteFrom('session_facilitators')
			.where('account_id', '=', accountId)
			.where('session_id', 'in', (eb) => eb.selectFrom('sessions').select('id').where('organization_id', '=', member.organizationId))
			.execute();
		const subject = await loginOfId(trx, accountId);
		await audit.add(trx, { organizationId: member.organizationId, accountId: member.accountId, action: 'member.removed', subject, address });
	});
}

/** A new one-time link through which the member chooses a new password (the old one keeps working until then). */
export async function resetPassword(db: Database, member: Member, accountId: string, address = ''): Promise<string> {
	requireMembers(member);
	return db.transaction().execute(async (trx) => {
		await target(trx, member, accountId);
		const account = (await accounts.byId(trx, accountId))!;
		const purpose = account.password_hash ? 'reset' : 'invite';
		const token = await accounts.issueLink(trx, { purpose, accountId, organizationId: member.organizationId, createdBy: member.accountId });
		await audit.add(trx, { organizationId: member.organizationId, accountId: member.accountId, action: 'password.reset_issued', subject: accounts.loginOf(account), address });
		return token;
	});
}

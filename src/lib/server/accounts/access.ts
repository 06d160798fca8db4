/**
 * Who may see and do what inside an organization: the ONE module that answers it, so that no
 * route builds its own check. Every function takes the member (account + organization + role)
 * and refuses anything outside that organization.
 */
import type { Db } from '../db/database';
import { sql } from '../db/statements';
import { hashSecret, newId, newSecret, secretMatches } from '../secrets';
import * as sessions from '../sessions';
import * as accounts from './accounts';
import { AccountError, type OrgRole } from './accounts';
import * as audit from './audit';

export interface Member {
	accountId: string;
	organizationId: string;
	organizationName: string;
	role: OrgRole;
}

export class AccessDenied extends Error {
	constructor(
		readonly code: 'forbidden' | 'not_found' | 'claimed_elsewhere' | 'wrong_key',
		message: string
	) {
		super(message);
	}
}

/** An account's membership: the given organization, or its first one. Undefined when none. */
export function membership(db: Db, accountId: string, organizationId?: string): Member | undefined {
	const row = sql(
		db,
		`SELECT m.account_id AS accountId, m.organization_id AS organizationId, o.name AS organizationName, m.role
		 FROM memberships m JOIN organizations o ON o.id = m.organization_id
		 WHERE m.account_id = ? AND (? IS NULL OR m.organization_id = ?) ORDER BY m.created_at LIMIT 1`
	).get(accountId, organizationId ?? null, organizationId ?? null) as Member | undefined;
	return row;
}

export const canManageMembers = (member: Member) => member.role === 'admin';
/** Admins and organizers claim sessions, open every session of the organization and assign facilitators. */
export const canManageSessions = (member: Member) => member.role === 'admin' || member.role === 'organizer';

function requireMembers(member: Member) {
	if (!canManageMembers(member)) throw new AccessDenied('forbidden', 'Only an admin manages members');
}

/** May this member run (open the console of) this session? Same organization, and the right role or assignment. */
export function canRun(db: Db, member: Member, session: Pick<sessions.SessionRow, 'id'> & { organization_id?: string | null }): boolean {
	if (!session.organization_id || session.organization_id !== member.organizationId) return false;
	if (canManageSessions(member)) return true;
	return !!sql(db, 'SELECT 1 FROM session_facilitators WHERE session_id = ? AND account_id = ?').get(session.id, member.accountId);
}

export interface OrgSession {
	code: string;
	title: string;
	status: 'open' | 'closed';
	/** planned: open and nobody has joined, the board still in the lobby; live: open and under way; closed. */
	state: 'planned' | 'live' | 'closed';
	participants: number;
	startsAt: string;
	timeZone: string;
	region: string;
	regionCode: string | null;
	programmeId: string | null;
	programmeName: string | null;
	facilitators: { accountId: string; name: string }[];
}

/** A session's dashboard state from its status, phase and how many have joined. */
export function sessionState(status: string, phase: string, participants: number): OrgSession['state'] {
	if (status === 'closed') return 'closed';
	return participants > 0 || phase !== 'lobby' ? 'live' : 'planned';
}

/** The sessions a member sees: all of the organization's for admins and organizers, assigned ones for a facilitator. */
export function sessionsFor(db: Db, member: Member): OrgSession[] {
	const rows = sql(
		db,
		`SELECT s.id, s.code, s.title, s.status, s.phase, s.starts_at AS startsAt, s.time_zone AS timeZone, s.region, s.region_code AS regionCode,
		   s.programme_id AS programmeId, p.name AS programmeName, (SELECT count(*) FROM participants x WHERE x.session_id = s.id) AS participants
		 FROM sessions s LEFT JOIN programmes p ON p.id = s.programme_id AND p.organization_id = s.organization_id
		 WHERE s.organization_id = ? AND (? = 1 OR EXISTS (SELECT 1 FROM session_facilitators f WHERE f.session_id = s.id AND f.account_id = ?))
		 ORDER BY s.starts_at DESC`
	).all(member.organizationId, canManageSessions(member) ? 1 : 0, member.accountId) as (Omit<OrgSession, 'facilitators' | 'state'> & { id: string; phase: string })[];
	return rows.map(({ id, phase, ...row }) => ({
		...row,
		state: sessionState(row.status, phase, row.participants),
		facilitators: sql(
			db,
			'SELECT a.id AS accountId, a.name FROM session_facilitators f JOIN accounts a ON a.id = f.account_id WHERE f.session_id = ? ORDER BY a.name'
		).all(id) as { accountId: string; name: string }[]
	}));
}

/**
 * The ids of a programme's sessions this member may follow up: every session of the programme in
 * the member's organization for admins and organizers, only the assigned ones for a facilitator.
 * Another organization's programme, or a session moved to another organization, yields nothing.
 */
export function programmeSessionIds(db: Db, member: Member, programmeId: string): string[] {
	const rows = sql(
		db,
		`SELECT s.id FROM sessions s JOIN programmes p ON p.id = s.programme_id AND p.organization_id = s.organization_id
		 WHERE s.programme_id = ? AND s.organization_id = ?
		   AND (? = 1 OR EXISTS (SELECT 1 FROM session_facilitators f WHERE f.session_id = s.id AND f.account_id = ?))
		 ORDER BY s.starts_at, s.created_at`
	).all(programmeId, member.organizationId, canManageSessions(member) ? 1 : 0, member.accountId) as { id: string }[];
	return rows.map((r) => r.id);
}

/** A session of the member's organization that the member may run, by code; throws otherwise (same answer either way). */
export function runnableSession(db: Db, member: Member, code: string): sessions.SessionRow {
	const row = sessions.byCode(db, code) as (sessions.SessionRow & { organization_id: string | null }) | undefined;
	if (!row || !canRun(db, member, row)) throw new AccessDenied('not_found', 'No session of your organization has this code');
	return row;
}

export interface MemberView {
	accountId: string;
	name: string;
	login: string;
	role: OrgRole;
	/** False until the person opened their invite link and chose a password. */
	active: boolean;
}

export function members(db: Db, member: Member): MemberView[] {
	requireMembers(member);
	const rows = sql(
		db,
		`SELECT a.id AS accountId, a.name, a.email, a.username, m.role, a.password_hash IS NOT NULL AS active
		 FROM memberships m JOIN accounts a ON a.id = m.account_id WHERE m.organization_id = ? ORDER BY m.created_at`
	).all(member.organizationId) as { accountId: string; name: string; email: string | null; username: string | null; role: OrgRole; active: number }[];
	return rows.map((r) => ({ accountId: r.accountId, name: r.name, login: accounts.loginOf(r), role: r.role, active: !!r.active }));
}

/** Facilitators of the organization, for assigning sessions (admins and organizers). */
export function facilitators(db: Db, member: Member): { accountId: string; name: string; login: string }[] {
	if (!canManageSessions(member)) throw new AccessDenied('forbidden', 'Only an admin or organizer assigns facilitators');
	const rows = sql(
		db,
		`SELECT a.id AS accountId, a.name, a.email, a.username FROM memberships m JOIN accounts a ON a.id = m.account_id
		 WHERE m.organization_id = ? AND m.role = 'facilitator' ORDER BY a.name`
	).all(member.organizationId) as { accountId: string; name: string; email: string | null; username: string | null }[];
	return rows.map((r) => ({ accountId: r.accountId, name: r.name || accounts.loginOf(r), login: accounts.loginOf(r) }));
}

/** Invites a new person with a role: their account (no password yet) and a 7-day invite link. */
export function invite(db: Db, member: Member, input: { login: string; role: OrgRole }, address = ''): string {
	requireMembers(member);
	return db.transaction(() => {
		const account = accounts.createAccount(db, input.login);
		accounts.addMembership(db, member.organizationId, account.id, input.role);
		const token = accounts.issueLink(db, { purpose: 'invite', accountId: account.id, organizationId: member.organizationId, createdBy: member.accountId });
		audit.record(db, { organizationId: member.organizationId, accountId: member.accountId, action: 'member.invited', subject: accounts.loginOf(account), detail: input.role, address });
		return token;
	})();
}

function target(db: Db, member: Member, accountId: string): Member {
	const found = membership(db, accountId, member.organizationId);
	if (!found) throw new AccountError('not_member', 'This person is not a member of your organization');
	return found;
}

function adminCount(db: Db, organizationId: string): number {
	return (sql(db, "SELECT count(*) AS n FROM memberships WHERE organization_id = ? AND role = 'admin'").get(organizationId) as { n: number }).n;
}

export function changeRole(db: Db, member: Member, accountId: string, role: OrgRole, address = ''): void {
	requireMembers(member);
	db.transaction(() => {
		const other = target(db, member, accountId);
		if (other.role === role) return;
		if (other.role === 'admin' && adminCount(db, member.organizationId) === 1)
			throw new AccountError('last_admin', 'The organization needs at least one admin');
		sql(db, 'UPDATE memberships SET role = ? WHERE organization_id = ? AND account_id = ?').run(role, member.organizationId, accountId);
		const login = accounts.loginOf(accounts.byId(db, accountId)!);
		audit.record(db, { organizationId: member.organizationId, accountId: member.accountId, action: 'member.role_changed', subject: login, detail: `${other.role} → ${role}`, address });
	})();
}

/** Removes the membership and the person's assignments in this organization's sessions. */
export function remove(db: Db, member: Member, accountId: string, address = ''): void {
	requireMembers(member);
	db.transaction(() => {
		const other = target(db, member, accountId);
		if (other.role === 'admin' && adminCount(db, member.organizationId) === 1)
			throw new AccountError('last_admin', 'The organization needs at least one admin');
		sql(db, 'DELETE FROM memberships WHERE organization_id = ? AND account_id = ?').run(member.organizationId, accountId);
		sql(db, 'DELETE FROM session_facilitators WHERE account_id = ? AND session_id IN (SELECT id FROM sessions WHERE organization_id = ?)').run(
			accountId,
			member.organizationId
		);
		const login = accounts.loginOf(accounts.byId(db, accountId)!);
		audit.record(db, { organizationId: member.organizationId, accountId: member.accountId, action: 'member.removed', subject: login, address });
	})();
}

/** A new one-time link through which the member chooses a new password (the old one keeps working until then). */
export function resetPassword(db: Db, member: Member, accountId: string, address = ''): string {
	requireMembers(member);
	return db.transaction(() => {
		target(db, member, accountId);
		const account = accounts.byId(db, accountId)!;
		const purpose = account.password_hash ? 'reset' : 'invite';
		const token = accounts.issueLink(db, { purpose, accountId, organizationId: member.organizationId, createdBy: member.accountId });
		audit.record(db, { organizationId: member.organizationId, accountId: member.accountId, action: 'password.reset_issued', subject: accounts.loginOf(account), address });
		return token;
	})();
}

/** Assigns (or unassigns) a facilitator of the organization to one of its sessions. */
export function assign(db: Db, member: Member, code: string, accountId: string, assigned: boolean, address = ''): void {
	if (!canManageSessions(member)) throw new AccessDenied('forbidden', 'Only an admin or organizer assigns facilitators');
	const session = runnableSession(db, member, code);
	const other = target(db, member, accountId);
	if (other.role !== 'facilitator') throw new AccessDenied('forbidden', 'Only a facilitator is assigned to sessions');
	if (assigned)
		sql(db, 'INSERT OR IGNORE INTO session_facilitators (session_id, account_id, assigned_at) VALUES (?, ?, ?)').run(session.id, accountId, new Date().toISOString());
	else sql(db, 'DELETE FROM session_facilitators WHERE session_id = ? AND account_id = ?').run(session.id, accountId);
	audit.record(db, {
		organizationId: member.organizationId,
		accountId: member.accountId,
		action: assigned ? 'facilitator.assigned' : 'facilitator.unassigned',
		subject: session.code,
		detail: accounts.loginOf(accounts.byId(db, accountId)!),
		address
	});
}

/**
 * Claims a one-off session into the member's organization: the caller proves they hold it with its
 * facilitator key (or the facilitator link, whose fragment carries the key). Claiming again into the
 * same organization changes nothing; a session of another organization is refused.
 */
export function claim(db: Db, member: Member, input: { code: string; key: string }, address = ''): sessions.SessionRow {
	if (!canManageSessions(member)) throw new AccessDenied('forbidden', 'Only an admin or organizer claims sessions');
	const row = sessions.byCode(db, input.code) as (sessions.SessionRow & { organization_id: string | null }) | undefined;
	if (!row || !secretMatches(input.key, row.facilitator_key_hash)) throw new AccessDenied('wrong_key', 'This code and key do not open a session');
	if (row.organization_id === member.organizationId) return row;
	if (row.organization_id) throw new AccessDenied('claimed_elsewhere', 'This session belongs to another organization');
	db.transaction(() => {
		sql(db, 'UPDATE sessions SET organization_id = ?, claimed_at = ? WHERE id = ? AND organization_id IS NULL').run(member.organizationId, new Date().toISOString(), row.id);
		audit.record(db, { organizationId: member.organizationId, accountId: member.accountId, action: 'session.claimed', subject: row.code, detail: row.title, address });
	})();
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
 * bound to this sign-in, which the console uses as it would the facilitator key.
 */
export function grantConsole(db: Db, member: Member, authSessionId: string, code: string, address = '', now = Date.now(), role: 'facilitator' | 'minutetaker' = 'facilitator'): { code: string; key: string } {
	const session = runnableSession(db, member, code);
	// Expired grants open nothing; drop them so the table holds only live ones.
	sql(db, 'DELETE FROM staff_grants WHERE expires_at <= ?').run(new Date(now).toISOString());
	const key = newSecret();
	sql(db, 'INSERT INTO staff_grants (id, token_hash, session_id, account_id, auth_session_id, created_at, expires_at, role) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
		newId(),
		hashSecret(key),
		session.id,
		member.accountId,
		authSessionId,
		new Date(now).toISOString(),
		new Date(now + GRANT_TTL_MS).toISOString(),
		role
	);
	audit.record(db, { organizationId: member.organizationId, accountId: member.accountId, action: role === 'facilitator' ? 'session.console_opened' : 'session.minutes_page_opened', subject: session.code, address });
	return { code: session.code, key };
}

/**
 * THE check of a facilitator's secret, for the socket and the HTTP routes alike: the session's
 * facilitator key (accountId null), or a console grant whose sign-in is live and whose account may
 * still run this session (the account returned, for the log). Null when the key opens nothing.
 */
export function facilitatorKeyOpens(db: Db, session: sessions.SessionRow, key: string, now = Date.now()): { accountId: string | null } | null {
	if (secretMatches(key, session.facilitator_key_hash)) return { accountId: null };
	return grantOpens(db, session, key, 'facilitator', now);
}

/** The minute-taker's secret: the session's minute-taker key, or a minute-taker grant opened from the dashboard. */
export function minutetakerKeyOpens(db: Db, session: sessions.SessionRow, key: string, now = Date.now()): { accountId: string | null } | null {
	if (session.minutetaker_key_hash && secretMatches(key, session.minutetaker_key_hash)) return { accountId: null };
	return grantOpens(db, session, key, 'minutetaker', now);
}

function grantOpens(db: Db, session: sessions.SessionRow, key: string, role: 'facilitator' | 'minutetaker', now: number): { accountId: string } | null {
	if (!key || key.length > 100) return null;
	const grant = sql(
		db,
		`SELECT g.account_id, g.expires_at, a.revoked_at, s.organization_id FROM staff_grants g
		 JOIN auth_sessions a ON a.id = g.auth_session_id JOIN sessions s ON s.id = g.session_id
		 WHERE g.token_hash = ? AND g.session_id = ? AND g.role = ?`
	).get(hashSecret(key), session.id, role) as { account_id: string; expires_at: string; revoked_at: string | null; organization_id: string | null } | undefined;
	if (!grant || grant.revoked_at || Date.parse(grant.expires_at) <= now || !grant.organization_id) return null;
	const member = membership(db, grant.account_id, grant.organization_id);
	if (!member || !canRun(db, member, { id: session.id, organization_id: grant.organization_id })) return null;
	return { accountId: grant.account_id };
}

/** The minutes of a session of the organization, downloaded by a member who may run it (audited like a report download). */
export function minutesFor(db: Db, member: Member, code: string, format: string, address = ''): sessions.SessionRow {
	const session = runnableSession(db, member, code);
	audit.record(db, { organizationId: member.organizationId, accountId: member.accountId, action: 'minutes.downloaded', subject: session.code, detail: format, address });
	return session;
}

/**
 * A session an admin or organizer may delete from the organization page: one of their
 * organization's, by code; a facilitator is refused. Same answer for another organization's
 * session as for no session.
 */
export function deletableSession(db: Db, member: Member, code: string): sessions.SessionRow {
	if (!canManageSessions(member)) throw new AccessDenied('forbidden', 'Only an admin or organizer deletes sessions');
	return runnableSession(db, member, code);
}

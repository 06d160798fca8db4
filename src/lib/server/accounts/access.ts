/**
 * Who may see and do what inside an organization: the ONE module that answers it, so that no
 * route builds its own check. Every function takes the member (account + organization + role)
 * and refuses anything outside that organization.
 */
import type { ExpressionBuilder } from 'kysely';
import type { Schema } from '../db/schema';
import type { Database } from '../db/store';
import { hashSecret, secretMatches } from '../secrets';
import * as sessions from '../sessions';
import type { OrgRole } from './accounts';
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

/** THE membership query. */
function membershipQuery(db: Database, accountId: string, organizationId?: string) {
	return db
		.selectFrom('memberships as m')
		.innerJoin('organizations as o', 'o.id', 'm.organization_id')
		.select(['m.account_id as accountId', 'm.organization_id as organizationId', 'o.name as organizationName', 'm.role'])
		.where('m.account_id', '=', accountId)
		.$if(organizationId !== undefined, (q) => q.where('m.organization_id', '=', organizationId!))
		.orderBy('m.created_at')
		.limit(1);
}

/** An account's membership: the given organization, or its first one. Undefined when none. */
export function membership(db: Database, accountId: string, organizationId?: string): Promise<Member | undefined> {
	return membershipQuery(db, accountId, organizationId).executeTakeFirst();
}

export const canManageMembers = (member: Member) => member.role === 'admin';
/** Admins and organizers claim sessions, open every session of the organization and assign facilitators. */
export const canManageSessions = (member: Member) => member.role === 'admin' || member.role === 'organizer';

type RunCandidate = Pick<sessions.SessionRow, 'id'> & { organization_id?: string | null };

/** Decided without the database, or `undefined` when only the assignment can tell. */
function runsWithoutAssignment(member: Member, session: RunCandidate): boolean | undefined {
	if (!session.organization_id || session.organization_id !== member.organizationId) return false;
	return canManageSessions(member) ? true : undefined;
}

const assignmentQuery = (db: Database, sessionId: string, accountId: string) =>
	db.selectFrom('session_facilitators').select('session_id').where('session_id', '=', sessionId).where('account_id', '=', accountId);

/** May this member run (open the console of) this session? Same organization, and the right role or assignment. */
export async function mayRun(db: Database, member: Member, session: RunCandidate): Promise<boolean> {
	return runsWithoutAssignment(member, session) ?? !!(await assignmentQuery(db, session.id, member.accountId).executeTakeFirst());
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
export async function sessionsFor(db: Database, member: Member): Promise<OrgSession[]> {
	const rows = await db
		.selectFrom('sessions as s')
		.leftJoin('programmes as p', (join) => join.onRef('p.id', '=', 's.programme_id').onRef('p.organization_id', '=', 's.organization_id'))
		.select((eb) => [
			's.id',
			's.code',
			's.title',
			's.status',
			's.phase',
			's.starts_at as startsAt',
			's.time_zone as timeZone',
			's.region',
			's.region_code as regionCode',
			's.programme_id as programmeId',
			'p.name as programmeName',
			eb.selectFrom('participants as x').select((c) => c.fn.countAll<number>().as('n')).whereRef('x.session_id', '=', 's.id').as('participants')
		])
		.where('s.organization_id', '=', member.organizationId)
		.$if(!canManageSessions(member), (q) => q.where(({ exists, selectFrom }) => exists(assignedTo(selectFrom, member.accountId))))
		.orderBy('s.starts_at', 'desc')
		.execute();
	return Promise.all(
		rows.map(async ({ id, phase, ...row }) => {
			const participants = Number(row.participants ?? 0);
			const status = row.status as OrgSession['status'];
			const facilitators = await db
				.selectFrom('session_facilitators as f')
				.innerJoin('accounts as a', 'a.id', 'f.account_id')
				.select(['a.id as accountId', 'a.name'])
				.where('f.session_id', '=', id)
				.orderBy('a.name')
				.execute();
			return { ...row, status, participants, state: sessionState(status, phase, participants), facilitators };
		})
	);
}

/** Whether the facilitator is assigned to the session of the outer query (`s`). */
const assignedTo = (selectFrom: SelectFrom, accountId: string) =>
	selectFrom('session_facilitators as f').select('f.session_id').whereRef('f.session_id', '=', 's.id').where('f.account_id', '=', accountId);
type SelectFrom = ExpressionBuilder<Schema & { s: Schema['sessions'] }, 's'>['selectFrom'];

const programmeSessionsQuery = (db: Database, member: Member, programmeId: string) =>
	db
		.selectFrom('sessions as s')
		.innerJoin('programmes as p', (join) => join.onRef('p.id', '=', 's.programme_id').onRef('p.organization_id', '=', 's.organization_id'))
		.select('s.id')
		.where('s.programme_id', '=', programmeId)
		.where('s.organization_id', '=', member.organizationId)
		.$if(!canManageSessions(member), (q) => q.where(({ exists, selectFrom }) => exists(assignedTo(selectFrom, member.accountId))))
		.orderBy('s.starts_at')
		.orderBy('s.created_at');

/**
 * The ids of a programme's sessions this member may follow up: every session of the programme in
 * the member's organization for admins and organizers, only the assigned ones for a facilitator.
 * Another organization's programme, or a session moved to another organization, yields nothing.
 */
export async function programmeSessionIds(db: Database, member: Member, programmeId: string): Promise<string[]> {
	return (await programmeSessionsQuery(db, member, programmeId).execute()).map((r) => r.id);
}

const notRunnable = () => new AccessDenied('not_found', 'No session of your organization has this code');

/**
 * A session of the member's organization that the member may run, by code; throws otherwise (same
 * answer either way).
 */
export async function runnableSession(db: Database, member: Member, code: string): Promise<sessions.SessionRow> {
	const row = await sessions.byCode(db, code);
	if (!row || !(await mayRun(db, member, row))) throw notRunnable();
	return row;
}

/**
 * THE check of a facilitator's secret, for the socket and the HTTP routes alike: the session's
 * facilitator key (accountId null), or a console grant whose sign-in is live and whose account may
 * still run this session (the account returned, for the log). Null when the key opens nothing.
 */
export async function facilitatorKeyOpens(db: Database, session: sessions.SessionRow, key: string, now = Date.now()): Promise<{ accountId: string | null } | null> {
	if (secretMatches(key, session.facilitator_key_hash)) return { accountId: null };
	return grantOpens(db, session, key, 'facilitator', now);
}

/** The minute-taker's secret: the session's minute-taker key, or a minute-taker grant opened from the dashboard. */
export async function minutetakerKeyOpens(db: Database, session: sessions.SessionRow, key: string, now = Date.now()): Promise<{ accountId: string | null } | null> {
	if (session.minutetaker_key_hash && secretMatches(key, session.minutetaker_key_hash)) return { accountId: null };
	return grantOpens(db, session, key, 'minutetaker', now);
}

async function grantOpens(db: Database, session: sessions.SessionRow, key: string, role: 'facilitator' | 'minutetaker', now: number): Promise<{ accountId: string } | null> {
	if (!key || key.length > 100) return null;
	const grant = await db
		.selectFrom('staff_grants as g')
		.innerJoin('auth_sessions as a', 'a.id', 'g.auth_session_id')
		.innerJoin('sessions as s', 's.id', 'g.session_id')
		.select(['g.account_id', 'g.expires_at', 'a.revoked_at', 's.organization_id'])
		.where('g.token_hash', '=', hashSecret(key))
		.where('g.session_id', '=', session.id)
		.where('g.role', '=', role)
		.executeTakeFirst();
	if (!grant || grant.revoked_at || Date.parse(grant.expires_at) <= now || !grant.organization_id) return null;
	const member = await membership(db, grant.account_id, grant.organization_id);
	if (!member || !(await mayRun(db, member, { id: session.id, organization_id: grant.organization_id }))) return null;
	return { accountId: grant.account_id };
}

/** The minutes of a session of the organization, downloaded by a member who may run it (audited like a report download). */
export async function minutesFor(db: Database, member: Member, code: string, format: string, address = ''): Promise<sessions.SessionRow> {
	const session = await runnableSession(db, member, code);
	await audit.add(db, { organizationId: member.organizationId, accountId: member.accountId, action: 'minutes.downloaded', subject: session.code, detail: format, address });
	return session;
}

/**
 * A session an admin or organizer may delete from the organization page: one of their
 * organization's, by code; a facilitator is refused. Same answer for another organization's
 * session as for no session.
 */
export async function deletableSession(db: Database, member: Member, code: string): Promise<sessions.SessionRow> {
	if (!canManageSessions(member)) throw new AccessDenied('forbidden', 'Only an admin or organizer deletes sessions');
	return runnableSession(db, member, code);
}

/**
 * The organization's audit log: who did what, when, from where. Append-only: this module has no
 * update or delete, and the table's triggers (db/migrations/009_accounts.sql) refuse both.
 */
import type { CsvDialect } from '../../domain/minutes-formats';
import type { Database } from '../db/store';
import { CSV_DIALECT_SHAPES } from '../minutes/csv';
import { csvField } from '../minutes/sheets/csv-field';

export type AuditAction =
	| 'signin.ok'
	| 'signin.failed'
	| 'signout'
	| 'signout.everywhere'
	| 'passkey.added'
	| 'passkey.removed'
	| 'account.setup'
	| 'member.invited'
	| 'member.joined'
	| 'member.role_changed'
	| 'member.removed'
	| 'password.reset_issued'
	| 'password.reset_done'
	| 'session.claimed'
	| 'session.console_opened'
	| 'facilitator.assigned'
	| 'facilitator.unassigned'
	| 'session.minutes_page_opened'
	| 'session.created'
	| 'session.duplicated'
	| 'programme.created'
	| 'programme.updated'
	| 'programme.template_edited'
	| 'settings.changed'
	| 'minutes.downloaded'
	| 'report.downloaded'
	| 'report_link.used'
	| 'pic_link.used'
	| 'evidence.uploaded'
	| 'evidence.downloaded'
	| 'privacy.deletion_requested'
	| 'privacy.erased'
	| 'session.deleted'
	| 'retention.run';

export const AUDIT_ACTIONS: readonly AuditAction[] = [
	'signin.ok',
	'signin.failed',
	'signout',
	'signout.everywhere',
	'passkey.added',
	'passkey.removed',
	'account.setup',
	'member.invited',
	'member.joined',
	'member.role_changed',
	'member.removed',
	'password.reset_issued',
	'password.reset_done',
	'session.claimed',
	'session.console_opened',
	'facilitator.assigned',
	'facilitator.unassigned',
	'session.minutes_page_opened',
	'session.created',
	'session.duplicated',
	'programme.created',
	'programme.updated',
	'programme.template_edited',
	'settings.changed',
	'minutes.downloaded',
	'report.downloaded',
	'report_link.used',
	'pic_link.used',
	'evidence.uploaded',
	'evidence.downloaded',
	'privacy.deletion_requested',
	'privacy.erased',
	'session.deleted',
	'retention.run'
];

/**
 * Who acted when no account did: a signed-in member ('account'), the secret facilitator link,
 * a report link, a PIC update link, a participant's phone, or the server itself ('system').
 */
export type AuditActor = 'account' | 'facilitator_link' | 'report_link' | 'pic_link' | 'participant' | 'system';

export interface AuditEntry {
	id: number;
	organizationId: string | null;
	accountId: string | null;
	action: AuditAction;
	actor: AuditActor;
	subject: string;
	detail: string;
	address: string;
	at: string;
}

export interface NewAuditEntry {
	organizationId: string | null;
	accountId: string | null;
	action: AuditAction;
	actor?: AuditActor;
	subject?: string;
	detail?: string;
	address?: string;
}

/** Appends an entry through the store (either engine), inside the caller's transaction if given one. */
export async function add(db: Database, entry: NewAuditEntry): Promise<void> {
	await db
		.insertInto('org_audit')
		.values({
			organization_id: entry.organizationId,
			account_id: entry.accountId,
			action: entry.action,
			actor: entry.actor ?? (entry.accountId ? 'account' : 'system'),
			subject: entry.subject ?? '',
			detail: entry.detail ?? '',
			address: entry.address ?? '',
			at: new Date().toISOString()
		})
		.execute();
}

/** Who did something to a session: an account, else the kind of link or the system; and from where. */
export interface SessionActor {
	accountId: string | null;
	actor: AuditActor;
	address: string;
}

/**
 * Records an action on a session, in its organization's log: THE hook for session-level events
 * (downloads, link use, deletion requests and erasures, session deletion). A one-off session
 * (no organization) gets no entry: nobody would be allowed to read it. Returns whether it wrote. Inside the caller's transaction if given one.
 */
export async function addForSession(
	db: Database,
	sessionId: string,
	who: SessionActor,
	entry: { action: AuditAction; detail?: string; subject?: string }
): Promise<boolean> {
	const session = await db.selectFrom('sessions').select(['code', 'organization_id']).where('id', '=', sessionId).executeTakeFirst();
	if (!session?.organization_id) return false;
	await add(db, {
		organizationId: session.organization_id,
		accountId: who.accountId,
		actor: who.accountId ? 'account' : who.actor,
		action: entry.action,
		subject: entry.subject ?? session.code,
		detail: entry.detail ?? '',
		address: who.address
	});
	return true;
}

export interface AuditFilter {
	action?: AuditAction;
	/** Inclusive ISO instants. */
	from?: string;
	to?: string;
}

/** The newest entries of one organization first, optionally filtered by action and time. */
export async function list(db: Database, organizationId: string, limit = 200, filter: AuditFilter = {}): Promise<AuditEntry[]> {
	const rows = await db
		.selectFrom('org_audit')
		.select(['id', 'organization_id as organizationId', 'account_id as accountId', 'action', 'actor', 'subject', 'detail', 'address', 'at'])
		.where('organization_id', '=', organizationId)
		.$if(!!filter.action, (q) => q.where('action', '=', filter.action!))
		.$if(!!filter.from, (q) => q.where('at', '>=', filter.from!))
		.$if(!!filter.to, (q) => q.where('at', '<=', filter.to!))
		.orderBy('id', 'desc')
		.limit(limit)
		.execute();
	return rows as AuditEntry[];
}

/** The log as CSV in the minutes' dialects (Excel-Indonesian `;` with BOM, or RFC 4180), oldest first. */
export function toCsv(entries: AuditEntry[], names: Map<string, string>, dialect: CsvDialect = 'excel'): string {
	const { separator, bom } = CSV_DIALECT_SHAPES[dialect];
	const rows = [['at', 'action', 'actor', 'account', 'subject', 'detail', 'address']];
	for (const e of [...entries].sort((a, b) => a.id - b.id))
		rows.push([e.at, e.action, e.actor, e.accountId ? (names.get(e.accountId) ?? e.accountId) : '', e.subject, e.detail, e.address]);
	return bom + rows.map((r) => r.map(csvField).join(separator)).join('\r\n') + '\r\n';
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const validDay = (day: string) => DAY.test(day) && !Number.isNaN(Date.parse(`${day}T00:00:00Z`)) && new Date(`${day}T00:00:00Z`).toISOString().startsWith(day);

/**
 * The log page's filter from its query: `action` (one of AUDIT_ACTIONS, or empty for all) and
 * `from`/`to` as whole days YYYY-MM-DD in UTC, both inclusive. Anything else is refused.
 */
export function parseFilter(params: URLSearchParams): { ok: true; filter: AuditFilter } | { ok: false } {
	const action = params.get('action') ?? '';
	const from = params.get('from') ?? '';
	const to = params.get('to') ?? '';
	if (action && !(AUDIT_ACTIONS as readonly string[]).includes(action)) return { ok: false };
	if ((from && !validDay(from)) || (to && !validDay(to))) return { ok: false };
	return {
		ok: true,
		filter: {
			...(action ? { action: action as AuditAction } : {}),
			...(from ? { from: `${from}T00:00:00.000Z` } : {}),
			...(to ? { to: `${to}T23:59:59.999Z` } : {})
		}
	};
}

/** Names of the organization's accounts (present and former members alike, by id) for the log's "who". */
export async function accountNames(db: Database, organizationId: string): Promise<Map<string, string>> {
	const rows = await db
		.selectFrom('org_audit as l')
		.innerJoin('accounts as a', 'a.id', 'l.account_id')
		.select(['a.id', 'a.name', 'a.email', 'a.username'])
		.distinct()
		.where('l.organization_id', '=', organizationId)
		.execute();
	return new Map(rows.map((r) => [r.id, r.name || r.email || r.username || r.id]));
}

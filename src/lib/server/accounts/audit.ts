/**
 * The organization's audit log: who did what, when, from where. Append-only: this module has no
 * update or delete, and the table's triggers (db/migrations/009_accounts.sql) refuse both.
 */
import type { Db } from '../db/database';
import { sql } from '../db/statements';

export type AuditAction =
	| 'signin.ok'
	| 'signin.failed'
	| 'signout'
	| 'signout.everywhere'
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
	| 'minutes.downloaded'
	| 'programme.created'
	| 'programme.updated';

export interface AuditEntry {
	id: number;
	organizationId: string | null;
	accountId: string | null;
	action: AuditAction;
	subject: string;
	detail: string;
	address: string;
	at: string;
}

export function record(
	db: Db,
	entry: { organizationId: string | null; accountId: string | null; action: AuditAction; subject?: string; detail?: string; address?: string }
): void {
	sql(db, 'INSERT INTO org_audit (organization_id, account_id, action, subject, detail, address, at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
		entry.organizationId,
		entry.accountId,
		entry.action,
		entry.subject ?? '',
		entry.detail ?? '',
		entry.address ?? '',
		new Date().toISOString()
	);
}

/** The newest entries of one organization first. */
export function list(db: Db, organizationId: string, limit = 200): AuditEntry[] {
	return sql(
		db,
		`SELECT id, organization_id AS organizationId, account_id AS accountId, action, subject, detail, address, at
		 FROM org_audit WHERE organization_id = ? ORDER BY id DESC LIMIT ?`
	).all(organizationId, limit) as AuditEntry[];
}

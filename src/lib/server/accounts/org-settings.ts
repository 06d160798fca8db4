/**
 * An organization's personal-data settings (UU PDP): how many months after a session closes its
 * participants' personal data is kept, and whether anonymisation keeps institutions. Admins only
 * (through ./access); every change goes in the audit log. The organization's sessions take these
 * (src/lib/server/privacy); a session may set a shorter period, never a longer one.
 */
import { z } from 'zod';
import { MAX_RETENTION_MONTHS } from '../../domain/retention';
import type { Database } from '../db/store';
import { AccessDenied, canManageMembers, type Member } from './access';
import * as audit from './audit';

export interface OrgSettings {
	/** Null: the server's default applies. */
	retentionMonths: number | null;
	keepInstitutions: boolean;
}

/** What an admin may send: a whole number of months from 1 to 120 (or empty for the server default), and a yes/no. */
export const orgSettingsSchema = z.object({
	retentionMonths: z.union([z.null(), z.number().int().min(1).max(MAX_RETENTION_MONTHS)]),
	keepInstitutions: z.boolean()
});

/** Reads a settings form: `retentionMonths` ('' = server default) and `keepInstitutions` ('1' when ticked). */
export function parseSettingsForm(form: FormData): { ok: true; value: OrgSettings } | { ok: false; error: 'invalid_months' } {
	const raw = String(form.get('retentionMonths') ?? '').trim();
	const months = raw === '' ? null : /^\d{1,4}$/.test(raw) ? Number(raw) : Number.NaN;
	const parsed = orgSettingsSchema.safeParse({ retentionMonths: months, keepInstitutions: form.get('keepInstitutions') === '1' });
	if (!parsed.success) return { ok: false, error: 'invalid_months' };
	return { ok: true, value: parsed.data };
}

export async function get(db: Database, organizationId: string): Promise<OrgSettings | undefined> {
	const row = await db
		.selectFrom('organizations')
		.select(['retention_months', 'retention_keeps_institutions'])
		.where('id', '=', organizationId)
		.executeTakeFirst();
	return row && { retentionMonths: row.retention_months, keepInstitutions: row.retention_keeps_institutions === 1 };
}

/** The admin changes the settings; refused (and nothing changes) for other roles or bad values. */
export async function set(db: Database, member: Member, input: OrgSettings, address = ''): Promise<OrgSettings> {
	if (!canManageMembers(member)) throw new AccessDenied('forbidden', 'Only an admin changes the organization settings');
	const value = orgSettingsSchema.parse(input);
	await db.transaction().execute(async (trx) => {
		await trx
			.updateTable('organizations')
			.set({ retention_months: value.retentionMonths, retention_keeps_institutions: value.keepInstitutions ? 1 : 0 })
			.where('id', '=', member.organizationId)
			.execute();
		await audit.add(trx, {
			organizationId: member.organizationId,
			accountId: member.accountId,
			action: 'settings.changed',
			subject: 'retention',
			detail: `months=${value.retentionMonths ?? 'default'} keepInstitutions=${value.keepInstitutions ? 'yes' : 'no'}`,
			address
		});
	});
	return value;
}

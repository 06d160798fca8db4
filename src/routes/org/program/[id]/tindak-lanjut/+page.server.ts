import { error, fail } from '@sveltejs/kit';
import { addressOf, requireMember } from '$lib/http/account.server';
import { auditUploaded, field, filesOf, readForm } from '$lib/http/evidence.server';
import * as access from '$lib/server/accounts/access';
import { getContext } from '$lib/server/context';
import { EvidenceFull } from '$lib/server/evidence';
import { EvidenceRefused } from '$lib/server/evidence-file';
import * as followup from '$lib/server/followup';
import * as programmeFollowup from '$lib/server/programmes/followup';
import type { Actions, PageServerLoad } from './$types';

const programmeId = (params: { id: string }) => params.id.slice(0, 40);

/** Every action-plan row of every session of the programme this member may see (facilitators: their assigned sessions). */
export const load: PageServerLoad = async (event) => {
	const { account, member } = await requireMember(event);
	try {
		const { programme, rows, today } = await programmeFollowup.programmeRows(getContext().store.db, member, programmeId(event.params));
		return {
			me: { name: account.name, role: member.role, organization: member.organizationName },
			canManageMembers: access.canManageMembers(member),
			onlyAssigned: !access.canManageSessions(member),
			programme: { id: programme.id, name: programme.name },
			rows,
			today
		};
	} catch (e) {
		if (e instanceof access.AccessDenied) error(404, 'No programme of your organization has this id');
		throw e;
	}
};

export const actions = {
	/** A progress update on one row (with up to three evidence files), the same write as the session's follow-up page, attributed to the account. */
	update: async (event) => {
		const { member } = await requireMember(event);
		let form: FormData;
		try {
			form = await readForm(event.request);
		} catch (e) {
			if (e instanceof EvidenceRefused) return fail(413, { error: `file_${e.reason}`, rowId: '' });
			throw e;
		}
		const text = (name: string) => field(form, name);
		const parsed = followup.updateInput.safeParse({ rowId: text('rowId'), status: text('status'), note: text('note'), evidenceUrl: text('evidenceUrl') });
		if (!parsed.success) return fail(400, { error: 'bad_input', rowId: text('rowId') });
		const context = getContext();
		try {
			const session = await programmeFollowup.sessionForUpdate(context.store.db, member, programmeId(event.params), text('code'));
			const files = await filesOf(form);
			const { update } = await context.writes.commit(session.id, async (trx) => ({
				update: await followup.recordUpdate(trx, session.id, programmeFollowup.accountActor(member), parsed.data, { files }),
				records: []
			}));
			await auditUploaded(context.store.db, session.id, { accountId: member.accountId, actor: 'account', address: addressOf(event) }, update.files);
		} catch (e) {
			if (e instanceof access.AccessDenied || e instanceof followup.FollowupRefusal) return fail(404, { error: 'refused', rowId: text('rowId') });
			if (e instanceof EvidenceRefused) return fail(400, { error: `file_${e.reason}`, rowId: text('rowId') });
			if (e instanceof EvidenceFull) return fail(409, { error: 'files_full', rowId: text('rowId') });
			throw e;
		}
		return { saved: parsed.data.rowId };
	}
} satisfies Actions;

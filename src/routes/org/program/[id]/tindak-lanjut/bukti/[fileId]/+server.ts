import { error } from '@sveltejs/kit';
import { addressOf, requireMember } from '$lib/http/account.server';
import { fileResponse } from '$lib/http/evidence.server';
import { AccessDenied } from '$lib/server/accounts/access';
import { getContext } from '$lib/server/context';
import { programmeEvidence } from '$lib/server/programmes/followup';
import type { RequestHandler } from './$types';

/** An evidence file of a row in the programme's follow-up table, for a member who may see that row's session; audited. */
export const GET: RequestHandler = async (event) => {
	const { member } = await requireMember(event);
	try {
		return fileResponse(await programmeEvidence(getContext().store.db, member, event.params.id.slice(0, 40), event.params.fileId, addressOf(event)));
	} catch (e) {
		if (e instanceof AccessDenied) error(404, 'No evidence file of this programme has this id');
		throw e;
	}
};

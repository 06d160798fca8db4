/** Form actions the organization pages share: refusals as form errors, creating a session into the organization. */
import { fail, type RequestEvent } from '@sveltejs/kit';
import { addressOf, requireMember } from './account.server';
import * as access from '../server/accounts/access';
import { getContext } from '../server/context';
import * as programmes from '../server/programmes/programmes';
import { fields, newSessionForm } from '../server/programmes/forms';

export function refusal(error: unknown) {
	if (error instanceof access.AccessDenied) return fail(error.code === 'forbidden' ? 403 : 400, { error: error.code });
	if (error instanceof programmes.InvalidRegion) return fail(400, { error: 'bad_region' });
	throw error;
}

/** Creates a session into the organization, alone or from a programme's template; shared with the programme page. */
export async function createSessionAction(event: RequestEvent, programmeId?: string) {
	const { member } = await requireMember(event);
	const parsed = newSessionForm.safeParse(fields(await event.request.formData()));
	if (!parsed.success) return fail(400, { error: 'bad_input' });
	try {
		const created = await programmes.createSession(
			getContext().store.db,
			member,
			{ ...parsed.data, programmeId: programmeId ?? (parsed.data.programmeId || null) },
			addressOf(event)
		);
		const inProgramme = programmeId ?? (parsed.data.programmeId || null);
		// Made outside the write path (no screen follows a session not yet made): the programme's open report is told here.
		if (inProgramme) getContext().programmes.changed(inProgramme);
		return { created: created.code };
	} catch (error) {
		return refusal(error);
	}
}


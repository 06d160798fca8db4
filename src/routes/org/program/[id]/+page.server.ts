import { error } from '@sveltejs/kit';
import { requireMember } from '$lib/http/account.server';
import { createSessionAction } from '$lib/http/org-actions.server';
import * as access from '$lib/server/accounts/access';
import { getContext } from '$lib/server/context';
import * as programmes from '$lib/server/programmes/programmes';
import type { Actions, PageServerLoad } from './$types';

/** A programme: its template, its sessions (as this member may see them), adding a session from the template. */
export const load: PageServerLoad = (event) => {
	const { account, member } = requireMember(event);
	const db = getContext().db;
	let programme: programmes.Programme;
	try {
		programme = programmes.programmeFor(db, member, event.params.id.slice(0, 40));
	} catch (e) {
		if (e instanceof access.AccessDenied) error(404, 'No programme of your organization has this id');
		throw e;
	}
	const { template } = programme;
	return {
		me: { name: account.name, role: member.role, organization: member.organizationName },
		canManageMembers: access.canManageMembers(member),
		canManageSessions: access.canManageSessions(member),
		programme: {
			id: programme.id,
			name: programme.name,
			theme: programme.theme,
			// The logo stays on the server: the page names the office only.
			template: { ...template, letterhead: template.letterhead ? { office: template.letterhead.office ?? '' } : null }
		},
		sessions: access.sessionsFor(db, member).filter((s) => s.programmeId === programme.id)
	};
};

export const actions = {
	addSession: (event) => createSessionAction(event, event.params.id.slice(0, 40))
} satisfies Actions;

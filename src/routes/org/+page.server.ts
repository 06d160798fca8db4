import { fail, redirect } from '@sveltejs/kit';
import { addressOf, recheckConsoles, requireMember } from '$lib/http/account.server';
import * as access from '$lib/server/accounts/access';
import { canManageMembers, canManageSessions } from '$lib/server/accounts/access';
import * as members from '$lib/server/accounts/members';
import * as orgSessions from '$lib/server/accounts/org-sessions';
import { getContext } from '$lib/server/context';
import * as programmes from '$lib/server/programmes/programmes';
import { fields, programmeForm } from '$lib/server/programmes/forms';
import { createSessionAction, refusal } from '$lib/http/org-actions.server';
import type { Actions, PageServerLoad } from './$types';

/** The organization's home: its sessions (as this member may see them), claiming, assigning, opening a console. */
export const load: PageServerLoad = async (event) => {
	const { account, member } = await requireMember(event);
	const db = getContext().store.db;
	return {
		me: { name: account.name, role: member.role, organization: member.organizationName },
		canManageMembers: canManageMembers(member),
		canManageSessions: canManageSessions(member),
		sessions: await access.sessionsFor(getContext().store.db, member),
		/** The code of a session just deleted from /org/hapus (shown as a notice; a code's shape only). */
		deleted: /^[A-Z0-9]{6}$/.test(event.url.searchParams.get('dihapus') ?? '') ? event.url.searchParams.get('dihapus') : null,
		facilitators: canManageSessions(member) ? await members.facilitators(getContext().store.db, member) : [],
		programmes: (await programmes.programmesFor(db, member)).map((p) => ({ id: p.id, name: p.name, theme: p.theme }))
	};
};

export const actions = {
	/** Opens the console with a key bound to this sign-in; the key travels in the fragment, as a facilitator link's does. */
	console: async (event) => {
		const { member, authSessionId } = await requireMember(event);
		const code = String((await event.request.formData()).get('code') ?? '').slice(0, 10);
		let opened: { code: string; key: string };
		try {
			opened = await orgSessions.grantConsole(getContext().store.db, member, authSessionId, code, addressOf(event));
		} catch (error) {
			return refusal(error);
		}
		redirect(303, `/f/${opened.code}#key=${opened.key}&akun=1`);
	},
	/** The minute-taker's page through a grant bound to this sign-in, as the console opens. */
	minutetaker: async (event) => {
		const { member, authSessionId } = await requireMember(event);
		const code = String((await event.request.formData()).get('code') ?? '').slice(0, 10);
		let opened: { code: string; key: string };
		try {
			opened = await orgSessions.grantConsole(getContext().store.db, member, authSessionId, code, addressOf(event), Date.now(), 'minutetaker');
		} catch (error) {
			return refusal(error);
		}
		redirect(303, `/m/${opened.code}#key=${opened.key}`);
	},
	createSession: (event) => createSessionAction(event),
	createProgramme: async (event) => {
		const { member } = await requireMember(event);
		const parsed = programmeForm.safeParse(fields(await event.request.formData()));
		if (!parsed.success) return fail(400, { error: 'bad_input' });
		const db = getContext().store.db;
		let id: string;
		try {
			const template = await programmes.templateFrom(db, member, parsed.data.templateSession || null);
			id = (await programmes.createProgramme(db, member, { name: parsed.data.name, theme: parsed.data.theme, template }, addressOf(event))).id;
		} catch (error) {
			return refusal(error);
		}
		redirect(303, `/org/program/${id}`);
	},
	duplicate: async (event) => {
		const { member } = await requireMember(event);
		const code = String((await event.request.formData()).get('code') ?? '').slice(0, 10);
		try {
			return { duplicated: (await programmes.duplicateSession(getContext().store.db, member, code, addressOf(event))).code };
		} catch (error) {
			return refusal(error);
		}
	},
	claim: async (event) => {
		const { member } = await requireMember(event);
		const form = await event.request.formData();
		const claim = orgSessions.parseClaim(String(form.get('link') ?? '').slice(0, 500));
		if (!claim) return fail(400, { error: 'bad_link' });
		try {
			const session = await orgSessions.claim(getContext().store.db, member, claim, addressOf(event));
			return { claimed: session.code };
		} catch (error) {
			return refusal(error);
		}
	},
	assign: async (event) => {
		const { member } = await requireMember(event);
		const form = await event.request.formData();
		const code = String(form.get('code') ?? '').slice(0, 10);
		const accountId = String(form.get('accountId') ?? '').slice(0, 40);
		const assigned = form.get('assigned') !== '0';
		try {
			await orgSessions.assign(getContext().store.db, member, code, accountId, assigned, addressOf(event));
			if (!assigned) recheckConsoles(accountId);
		} catch (error) {
			if (error instanceof Error && 'code' in error && error.code === 'not_member') return fail(400, { error: 'not_found' });
			return refusal(error);
		}
		return { assignedTo: code };
	}
} satisfies Actions;

import { error } from '@sveltejs/kit';
import { requireMember } from '$lib/http/account.server';
import { fail } from '@sveltejs/kit';
import { addressOf } from '$lib/http/account.server';
import { createSessionAction, refusal } from '$lib/http/org-actions.server';
import { fields, programmeForm } from '$lib/server/programmes/forms';
import * as access from '$lib/server/accounts/access';
import { getContext } from '$lib/server/context';
import * as programmes from '$lib/server/programmes/programmes';
import { BLANK_ROWS, readTemplateForm } from '$lib/server/programmes/template-form';
import type { Actions, PageServerLoad } from './$types';

/** A programme: its template, its sessions (as this member may see them), adding a session from the template. */
export const load: PageServerLoad = async (event) => {
	const { account, member } = await requireMember(event);
	const db = getContext().store.db;
	let programme: programmes.Programme;
	try {
		programme = await programmes.programmeFor(db, member, event.params.id.slice(0, 40));
	} catch (e) {
		if (e instanceof access.AccessDenied) error(404, 'No programme of your organization has this id');
		throw e;
	}
	const { template } = programme;
	const visible = await access.sessionsFor(getContext().store.db, member);
	return {
		me: { name: account.name, role: member.role, organization: member.organizationName },
		canManageMembers: access.canManageMembers(member),
		canManageSessions: access.canManageSessions(member),
		programme: {
			id: programme.id,
			name: programme.name,
			theme: programme.theme,
			// The logo stays on the server: the page says only whether there is one.
			template: { ...template, letterhead: template.letterhead ? { ...template.letterhead, logo: undefined } : null },
			hasLogo: !!template.letterhead?.logo
		},
		blankRows: BLANK_ROWS,
		sessions: visible.filter((s) => s.programmeId === programme.id),
		/** Sessions whose settings may become the template (admins and organizers only). */
		templateSources: access.canManageSessions(member) ? visible.map((s) => ({ code: s.code, title: s.title })) : []
	};
};

export const actions = {
	addSession: (event) => createSessionAction(event, event.params.id.slice(0, 40)),
	/** The template edited field by field; a bad field changes nothing and is named beside its input. */
	template: async (event) => {
		const { member } = await requireMember(event);
		const db = getContext().store.db;
		try {
			const current = await programmes.programmeFor(db, member, event.params.id.slice(0, 40));
			const read = readTemplateForm(fields(await event.request.formData()), current.template);
			if (!read.ok) return fail(400, { templateErrors: read.errors, templateValues: read.values });
			await programmes.editTemplate(db, member, current.id, read.template, addressOf(event));
		} catch (error) {
			return refusal(error);
		}
		return { templateSaved: true };
	},
	/** Renames the programme; a chosen session's settings replace the template (sessions already made keep theirs). */
	edit: async (event) => {
		const { member } = await requireMember(event);
		const parsed = programmeForm.safeParse(fields(await event.request.formData()));
		if (!parsed.success) return fail(400, { error: 'bad_input' });
		const db = getContext().store.db;
		try {
			const current = await programmes.programmeFor(db, member, event.params.id.slice(0, 40));
			const template = parsed.data.templateSession ? await programmes.templateFrom(db, member, parsed.data.templateSession) : current.template;
			await programmes.updateProgramme(db, member, current.id, { name: parsed.data.name, theme: parsed.data.theme, template }, addressOf(event));
		} catch (error) {
			return refusal(error);
		}
		return { saved: true };
	}
} satisfies Actions;

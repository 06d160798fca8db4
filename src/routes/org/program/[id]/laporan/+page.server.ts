import { error, fail } from '@sveltejs/kit';
import { ZodError } from 'zod';
import { requireMember } from '$lib/http/account.server';
import { refusal } from '$lib/http/org-actions.server';
import * as access from '$lib/server/accounts/access';
import { getContext } from '$lib/server/context';
import { editProgrammeReport, programmeReport, type ProgrammeReport } from '$lib/server/programmes/report';
import { parseLocale } from '$lib/i18n/index.svelte';
import { REPORT_DATA } from '$lib/client/report-live.svelte';
import type { Actions, PageServerLoad } from './$types';

const issueView = (issue: import('$lib/server/synthesis').Synthesis['issues'][number], titles: Map<string, string>) => ({
	id: issue.id,
	no: issue.no,
	kind: issue.kind,
	kindLabel: issue.kindLabel,
	name: issue.name,
	origin: issue.origin,
	pinned: issue.pinned,
	regions: issue.regions.map((r) => r.short),
	groups: issue.groups,
	people: issue.people,
	votes: issue.votes,
	score: issue.score,
	items: issue.items.map((i) => ({ id: i.id, text: i.text, session: titles.get(i.sessionId) ?? '' }))
});

/** The programme's combined findings as a page: issues per kind, region × group matrices, the action plans. */
export const load: PageServerLoad = async (event) => {
	const { account, member } = await requireMember(event);
	// The page's live line invalidates this when a session of the programme changes.
	event.depends(REPORT_DATA);
	const { locale } = await event.parent();
	let report: ProgrammeReport;
	try {
		report = await programmeReport(getContext().store.db, member, event.params.id.slice(0, 40), parseLocale(locale));
	} catch (e) {
		if (e instanceof access.AccessDenied) error(e.code === 'forbidden' ? 403 : 404, 'No programme report of your organization here');
		throw e;
	}
	const s = report.synthesis;
	const titles = new Map(s?.sessions.map((x) => [x.id, `${x.title} (${x.region.name})`]) ?? []);
	return {
		me: { name: account.name, role: member.role, organization: member.organizationName },
		canManageMembers: access.canManageMembers(member),
		programme: { id: report.programme.id, name: report.programme.name, theme: report.programme.theme },
		/** When this data was read, shown in the programme's zone as "Diperbarui pukul …". */
		readAt: new Date().toISOString(),
		timeZone: report.programme.template.timeZone,
		report: s && {
			sessions: s.sessions.map((x) => ({ code: x.code, title: x.title, region: x.region.name, day: x.day, status: x.status, participants: x.participants })),
			issues: s.issues.map((issue) => issueView(issue, titles)),
			matrices: s.matrices,
			shared: s.shared.map((i) => i.no),
			particular: s.particular.map((i) => ({ no: i.no, region: i.regions[0]?.short ?? '' })),
			actionsBy: s.actionsBy,
			edits: s.edits.length,
			skipped: s.skippedEdits.length
		}
	};
};

/** One hand edit from the page's forms: the op, and the items it names (`itemIds`, repeated). */
async function edit(event: Parameters<Actions[string]>[0], op: 'merge' | 'split' | 'rename' | 'pin') {
	const { member } = await requireMember(event);
	const form = await event.request.formData();
	const itemIds = form.getAll('itemIds').map(String).filter(Boolean);
	const input = op === 'rename' ? { op, itemIds: itemIds.slice(0, 1), name: String(form.get('name') ?? '') } : { op, itemIds };
	try {
		await editProgrammeReport(getContext().store.db, member, event.params.id.slice(0, 40), input);
	} catch (e) {
		if (e instanceof ZodError) return fail(400, { error: 'bad_edit', op });
		return refusal(e);
	}
	return { edited: op };
}

export const actions = {
	merge: (event) => edit(event, 'merge'),
	split: (event) => edit(event, 'split'),
	rename: (event) => edit(event, 'rename'),
	pin: (event) => edit(event, 'pin')
} satisfies Actions;

/**
 * The PIC's update page (/t/CODE/KEY): what its link opens, and its form. The key is checked on
 * every request, so a revoked link stops at once; a wrong key counts as a guess like a wrong code.
 */
import { error, fail, redirect } from '@sveltejs/kit';
import type { FollowupStatus, ProgressUpdate } from '../domain/followup';
import * as audit from '../server/accounts/audit';
import { getContext } from '../server/context';
import * as followup from '../server/followup';
import { guessing } from '../server/guessing';
import { clientAddress, HttpProblem } from './endpoint.server';
import { findSession } from './lookup.server';

type PicEvent = { params: { code: string; key: string }; getClientAddress: () => string; setHeaders?: (headers: Record<string, string>) => void };

export interface PicRow {
	id: string;
	activity: string;
	output: string;
	indicator: string;
	timeframe: string;
	deadline: string | null;
	status: FollowupStatus;
	overdue: boolean;
	lastUpdated: string | null;
	updates: ProgressUpdate[];
}

export type PicPage =
	| { refused: true }
	| { refused: false; title: string; institution: string; timeZone: string; rows: PicRow[]; /** The row just updated (after the form's redirect). */ saved: string | null };

/** Opens the link (or refuses it); a link that opens is recorded in the organization's audit log as a PIC link's use. */
async function opened(event: PicEvent, purpose: 'view' | 'update') {
	let session;
	try {
		// A replaced join code still finds the session: the link was handed out before, and its key decides.
		session = await findSession({ params: { code: event.params.code.toUpperCase() }, getClientAddress: event.getClientAddress }, { formerCodes: true });
	} catch (problem) {
		if (problem instanceof HttpProblem) error(problem.status, { message: problem.code });
		throw problem;
	}
	const link = followup.openPicLink(getContext().db, session.id, event.params.key);
	if (!link) {
		const turn = await guessing.missed(clientAddress(event));
		if (!turn.ok) error(429, { message: 'rate_limited' });
		return null;
	}
	audit.recordForSession(
		getContext().db,
		session.id,
		{ accountId: null, actor: 'pic_link', address: clientAddress(event) },
		{ action: 'pic_link.used', detail: `${purpose}: ${link.institution}` }
	);
	return { session, link };
}

export async function loadPicPage(event: PicEvent & { url: URL }): Promise<PicPage> {
	event.setHeaders?.({ 'cache-control': 'no-store' });
	const found = await opened(event, 'view');
	if (!found) return { refused: true };
	const rows = followup.rowsOfInstitution(followup.loadTracked(getContext().db, [found.session.id]), found.link.institution);
	return {
		refused: false,
		title: found.session.title,
		institution: found.link.institution,
		timeZone: found.session.time_zone,
		saved: event.url.searchParams.get('saved'),
		rows: rows.map((r) => ({
			id: r.row.id,
			activity: r.row.activity,
			output: r.row.output,
			indicator: r.row.indicator,
			timeframe: r.row.timeframe,
			deadline: r.deadline,
			status: r.status,
			overdue: r.overdue,
			lastUpdated: r.lastUpdated,
			updates: r.updates.slice(0, 5)
		}))
	};
}

/**
 * The form's post: one update of one of the link's own rows; anything else is refused and changes
 * nothing. A saved update answers with a redirect to the page (post, then get), so reloading the
 * phone's page afterwards does not send the update again.
 */
export async function updateByForm(event: PicEvent & { request: Request; url: URL }) {
	const found = await opened(event, 'update');
	if (!found) return fail(403, { error: 'refused' as const, rowId: '' });
	const form = await event.request.formData();
	const text = (name: string) => {
		const value = form.get(name);
		return typeof value === 'string' ? value : '';
	};
	const rowId = text('rowId');
	const parsed = followup.updateInput.safeParse({ rowId, status: text('status'), note: text('note'), evidenceUrl: text('evidenceUrl') });
	if (!parsed.success) {
		const reason = parsed.error.issues[0]?.message;
		return fail(400, { error: reason === 'bad_evidence' ? ('bad_evidence' as const) : reason === 'note_too_long' ? ('note_too_long' as const) : ('invalid' as const), rowId });
	}
	try {
		await getContext().writes.commit(found.session.id, (db) => ({
			update: followup.recordUpdate(db, found.session.id, `pic:${found.link.id}`, parsed.data, { onlyInstitution: found.link.institution }),
			records: []
		}));
	} catch (problem) {
		if (problem instanceof followup.FollowupRefusal) return fail(404, { error: 'unknown_row' as const, rowId });
		throw problem;
	}
	redirect(303, `${event.url.pathname}?saved=${encodeURIComponent(rowId)}`);
}

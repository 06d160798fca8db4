/**
 * The PIC's update page (/t/CODE/KEY): what its link opens, and its form. The key is checked on
 * every request, so a revoked link stops at once; a wrong key counts as a guess like a wrong code.
 */
import { error, fail, redirect } from '@sveltejs/kit';
import type { FollowupStatus, ProgressUpdate } from '../domain/followup';
import * as audit from '../server/accounts/audit';
import { getContext } from '../server/context';
import * as evidence from '../server/evidence';
import { EvidenceRefused, type EvidenceRefusal, type ReadyEvidence } from '../server/evidence-file';
import * as followup from '../server/followup';
import { guessing } from '../server/guessing';
import { clientAddress, HttpProblem } from './endpoint.server';
import { auditDownloaded, auditUploaded, field, fileResponse, filesOf, readForm, REFUSAL_STATUS } from './evidence.server';
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
	/** Older than `updates`, newest first. */
	earlier: ProgressUpdate[];
}

export type PicPage =
	| { refused: true }
	| {
			refused: false;
			title: string;
			institution: string;
			timeZone: string;
			rows: PicRow[];
			/** The row just updated (after the form's redirect). */
			saved: string | null;
			/** An upload refused before its form could be read (the server's body limit sends it back here). */
			refusal: 'file_too_large' | null;
	  };

/** Why the form was refused, as the page names it. */
export type PicFormError = 'refused' | 'invalid' | 'bad_evidence' | 'note_too_long' | 'unknown_row' | `file_${EvidenceRefusal}` | 'files_full';

/** Opens the link (or refuses it); a link that opens is recorded in the organization's audit log as a PIC link's use. */
async function opened(event: PicEvent, purpose: 'view' | 'update' | 'download') {
	let session;
	try {
		// A replaced join code still finds the session: the link was handed out before, and its key decides.
		session = await findSession({ params: { code: event.params.code.toUpperCase() }, getClientAddress: event.getClientAddress }, { formerCodes: true });
	} catch (problem) {
		if (problem instanceof HttpProblem) error(problem.status, { message: problem.code });
		throw problem;
	}
	const link = await followup.openPicLink(getContext().store.db, session.id, event.params.key);
	if (!link) {
		const turn = await guessing.missed(clientAddress(event));
		if (!turn.ok) error(429, { message: 'rate_limited' });
		return null;
	}
	await audit.addForSession(
		getContext().store.db,
		session.id,
		{ accountId: null, actor: 'pic_link', address: clientAddress(event) },
		{ action: 'pic_link.used', detail: `${purpose}: ${link.institution}` }
	);
	return { session, link };
}

/** How many of a row's updates the PIC page shows open; older ones sit under "Pembaruan sebelumnya". */
export const RECENT_UPDATES = 5;

export async function loadPicPage(event: PicEvent & { url: URL }): Promise<PicPage> {
	event.setHeaders?.({ 'cache-control': 'no-store' });
	const found = await opened(event, 'view');
	if (!found) return { refused: true };
	const rows = followup.rowsOfInstitution(await followup.loadTracked(getContext().store.db, [found.session.id]), found.link.institution);
	return {
		refused: false,
		title: found.session.title,
		institution: found.link.institution,
		timeZone: found.session.time_zone,
		saved: event.url.searchParams.get('saved'),
		refusal: event.url.searchParams.get('error') === 'file_too_large' ? 'file_too_large' : null,
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
			// The latest few open the row; the rest, files and all, stay one tap away (never dropped).
			updates: r.updates.slice(0, RECENT_UPDATES),
			earlier: r.updates.slice(RECENT_UPDATES)
		}))
	};
}

/**
 * The form's post (multipart, so it may carry evidence files): one update of one of the link's
 * own rows; anything else is refused and changes nothing, files included. A saved update answers
 * with a redirect to the page (post, then get), so reloading the phone's page afterwards does not
 * send the update again.
 */
export async function updateByForm(event: PicEvent & { request: Request; url: URL }) {
	const refuse = (status: number, error: PicFormError, rowId = '') => fail(status, { error, rowId });
	const found = await opened(event, 'update');
	if (!found) return refuse(403, 'refused');
	let form: FormData;
	try {
		form = await readForm(event.request);
	} catch (problem) {
		if (problem instanceof EvidenceRefused) return refuse(REFUSAL_STATUS[problem.reason], `file_${problem.reason}`);
		throw problem;
	}
	const rowId = field(form, 'rowId');
	const parsed = followup.updateInput.safeParse({ rowId, status: field(form, 'status'), note: field(form, 'note'), evidenceUrl: field(form, 'evidenceUrl') });
	if (!parsed.success) {
		const reason = parsed.error.issues[0]?.message;
		return refuse(400, reason === 'bad_evidence' ? 'bad_evidence' : reason === 'note_too_long' ? 'note_too_long' : 'invalid', rowId);
	}
	// A row not of this link is refused before any file is decoded.
	const own = followup.rowsOfInstitution(await followup.loadTracked(getContext().store.db, [found.session.id]), found.link.institution);
	if (!own.some((r) => r.row.id === rowId)) return refuse(404, 'unknown_row', rowId);
	let files: ReadyEvidence[];
	try {
		files = await filesOf(form);
	} catch (problem) {
		if (problem instanceof EvidenceRefused) return refuse(REFUSAL_STATUS[problem.reason], `file_${problem.reason}`, rowId);
		throw problem;
	}
	const who = { accountId: null, actor: 'pic_link' as const, address: clientAddress(event) };
	try {
		const { update } = await getContext().writes.commit(found.session.id, async (trx) => ({
			update: await followup.recordUpdate(trx, found.session.id, `pic:${found.link.id}`, parsed.data, { onlyInstitution: found.link.institution, files }),
			records: []
		}));
		await auditUploaded(getContext().store.db, found.session.id, who, update.files, found.link.institution);
	} catch (problem) {
		if (problem instanceof followup.FollowupRefusal) return refuse(404, 'unknown_row', rowId);
		if (problem instanceof evidence.EvidenceFull) return refuse(REFUSAL_STATUS.full, 'files_full', rowId);
		throw problem;
	}
	redirect(303, `${event.url.pathname}?saved=${encodeURIComponent(rowId)}`);
}

/**
 * One evidence file through the PIC's link (/t/CODE/KEY/bukti/ID): only a file of the link's own
 * rows, while the link is live; any other id is unknown. A plain link, so it works without JavaScript.
 */
export async function downloadByLink(event: PicEvent & { params: { id: string } }): Promise<Response> {
	const found = await opened(event, 'download');
	if (!found) error(403, { message: 'refused' });
	const db = getContext().store.db;
	const file = await evidence.read(db, found.session.id, event.params.id, { onlyInstitution: found.link.institution });
	if (!file) error(404, { message: 'not_found' });
	await auditDownloaded(db, found.session.id, { accountId: null, actor: 'pic_link', address: clientAddress(event) }, file, found.link.institution);
	return fileResponse(file);
}

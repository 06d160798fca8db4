import { json } from '@sveltejs/kit';
import { getContext } from '$lib/server/context';
import { handle, HttpProblem, readBody } from '$lib/http/endpoint.server';
import { auditUploaded, field, filesOf, readForm, REFUSAL_STATUS } from '$lib/http/evidence.server';
import { findSession, requireFacilitator, staffActor } from '$lib/http/lookup.server';
import { EvidenceFull } from '$lib/server/evidence';
import { EvidenceRefused, type ReadyEvidence } from '$lib/server/evidence-file';
import * as followup from '$lib/server/followup';
import type { RequestHandler } from './$types';

const noStore = { 'cache-control': 'no-store' };

/** Every action-plan row of the session as tracked (status, deadline, overdue, updates) and the PIC links. */
export const GET: RequestHandler = (event) =>
	handle(async () => {
		const session = await findSession(event);
		await requireFacilitator(event, session);
		const db = getContext().store.db;
		return json({ rows: await followup.loadTracked(db, [session.id]), links: await followup.listPicLinks(db, session.id) }, { headers: noStore });
	});

/**
 * The facilitator records a progress update on a row (after the session is closed too): JSON, or
 * multipart/form-data with the same fields and up to three evidence `files` (PDF, JPEG, PNG).
 * A refused file refuses the whole update: nothing is stored.
 */
export const POST: RequestHandler = (event) =>
	handle(async () => {
		const session = await findSession(event);
		const staff = await requireFacilitator(event, session);
		const { input, files } = await readUpdate(event.request);
		const { store, writes } = getContext();
		const { update } = await writes
			.commit(session.id, async (trx) => ({
				update: await followup.recordUpdate(trx, session.id, 'facilitator', input, { files }),
				records: []
			}))
			.catch(refusal);
		await auditUploaded(store.db, session.id, staffActor(event, staff.accountId), update.files);
		return json({ update }, { status: 201, headers: noStore });
	});

async function readUpdate(request: Request): Promise<{ input: ReturnType<typeof followup.updateInput.parse>; files: ReadyEvidence[] }> {
	if (!(request.headers.get('content-type') ?? '').startsWith('multipart/form-data')) return { input: await readBody(request, followup.updateInput), files: [] };
	try {
		const form = await readForm(request);
		const parsed = followup.updateInput.safeParse({ rowId: field(form, 'rowId'), status: field(form, 'status'), note: field(form, 'note'), evidenceUrl: field(form, 'evidenceUrl') });
		if (!parsed.success) throw new HttpProblem(400, 'invalid_input', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
		return { input: parsed.data, files: await filesOf(form) };
	} catch (error) {
		if (error instanceof EvidenceRefused) throw new HttpProblem(REFUSAL_STATUS[error.reason], 'invalid_input', `${error.reason}: ${error.message}`);
		throw error;
	}
}

function refusal(error: unknown): never {
	if (error instanceof followup.FollowupRefusal) throw new HttpProblem(404, 'not_found', 'No action-plan row has this id');
	if (error instanceof EvidenceFull) throw new HttpProblem(REFUSAL_STATUS.full, 'invalid_input', `full: ${error.message}`);
	throw error;
}

import { json } from '@sveltejs/kit';
import { getContext } from '$lib/server/context';
import { handle, readBody } from '$lib/http/endpoint.server';
import { openSessions, requireItemsOf, scopeOf, synthesisEditRequestSchema } from '$lib/http/synthesis.server';
import * as synthesis from '$lib/server/synthesis';
import type { RequestHandler } from './$types';

/**
 * A hand edit of the report's clusters (merge, split, rename, pin), logged with who and when:
 * POST { sessions: [{ code, key }], edit: { op, itemIds, name? } }. Every item must belong to one
 * of the sessions; answers 201 with the edit.
 */
export const POST: RequestHandler = (event) =>
	handle(async () => {
		const body = await readBody(event.request, synthesisEditRequestSchema);
		const { rows, actor } = await openSessions(event, body.sessions);
		const db = getContext().store.db;
		await requireItemsOf(db, rows.map((r) => r.id), body.edit.itemIds);
		return json(await synthesis.addEdit(db, scopeOf(rows), body.edit, actor), { status: 201 });
	});

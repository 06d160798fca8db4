/**
 * The organizer's hand edits of a synthesis' clusters: merge, split, rename and pin. Stored per
 * scope (a programme id later; a list of sessions today), append-only with who and when, and
 * applied in order on top of the automatic clustering. An edit names items, never a cluster's
 * place in the list, so a new item clustered automatically does not undo it.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { engineOf, insertionOrder, type Database } from '../db/store';

export const synthesisEditSchema = z.discriminatedUnion('op', [
	/** The clusters of these items become one (the first item's cluster keeps its name). */
	z.object({ op: z.literal('merge'), itemIds: z.array(z.string().min(1).max(100)).min(2).max(500) }),
	/** These items leave their clusters and form one of their own. */
	z.object({ op: z.literal('split'), itemIds: z.array(z.string().min(1).max(100)).min(1).max(500) }),
	/** The cluster of this item gets this name. */
	z.object({ op: z.literal('rename'), itemIds: z.array(z.string().min(1).max(100)).length(1), name: z.string().trim().min(1).max(200) }),
	/** Exactly these items form one cluster, listed first, that automatic clustering never adds to. */
	z.object({ op: z.literal('pin'), itemIds: z.array(z.string().min(1).max(100)).min(1).max(500) })
]);
export type SynthesisEditInput = z.infer<typeof synthesisEditSchema>;

export type SynthesisEdit = SynthesisEditInput & { id: string; at: string; actor: string };

/** Logs one edit; throws (and stores nothing) on bad input. */
export async function addEdit(db: Database, scopeId: string, input: unknown, actor: string, now = new Date()): Promise<SynthesisEdit> {
	if (!scopeId || scopeId.length > 200) throw new Error('addEdit: a scope id is required');
	if (!actor) throw new Error('addEdit: who made the edit is required');
	const edit = synthesisEditSchema.parse(input);
	const row = { ...edit, id: randomUUID(), at: now.toISOString(), actor };
	const { op, ...payload } = edit;
	await db.insertInto('synthesis_edits').values({ id: row.id, scope_id: scopeId, at: row.at, actor, op, payload: JSON.stringify(payload) }).execute();
	return row;
}

/** The scope's edits in the order they were made. */
export async function listEdits(db: Database, scopeId: string): Promise<SynthesisEdit[]> {
	const rows = await db
		.selectFrom('synthesis_edits')
		.select(['id', 'at', 'actor', 'op', 'payload'])
		.where('scope_id', '=', scopeId)
		.orderBy('at')
		.orderBy(insertionOrder(engineOf(db)))
		.execute();
	return rows.map((r) => ({ ...(synthesisEditSchema.parse({ op: r.op, ...JSON.parse(r.payload) }) as SynthesisEditInput), id: r.id, at: r.at, actor: r.actor }));
}

/** A cluster after the edits. */
export interface EditedCluster {
	id: string;
	kind: string;
	itemIds: string[];
	name: string;
	/** Automatic, or changed by hand (with the edits that changed it). */
	origin: 'auto' | 'hand';
	pinned: boolean;
	edits: SynthesisEdit[];
}

/**
 * Applies the edits, in order, to automatic clusters. Edits naming items that are gone (deleted,
 * hidden, a session left out) act on the items still there and are skipped when none is, or when
 * they would join items of different kinds. A merge of items already together marks their cluster
 * as confirmed by hand: it then holds even if the automatic clustering would part them later. Returns the clusters (pinned first, then in the automatic
 * order) and the edits that could not apply.
 */
export function applyEdits(
	auto: { id: string; kind: string; itemIds: string[]; name: string }[],
	edits: SynthesisEdit[],
	newName: (itemIds: string[]) => string
): { clusters: EditedCluster[]; skipped: SynthesisEdit[] } {
	const clusters = new Map<string, EditedCluster>();
	const of = new Map<string, string>();
	const kindOf = new Map<string, string>();
	for (const c of auto) {
		clusters.set(c.id, { ...c, itemIds: [...c.itemIds], origin: 'auto', pinned: false, edits: [] });
		for (const id of c.itemIds) {
			of.set(id, c.id);
			kindOf.set(id, c.kind);
		}
	}
	const skipped: SynthesisEdit[] = [];
	const remove = (itemId: string) => {
		const c = clusters.get(of.get(itemId)!)!;
		c.itemIds = c.itemIds.filter((i) => i !== itemId);
		if (!c.itemIds.length) clusters.delete(c.id);
		else c.origin = 'hand';
		return c;
	};
	let made = 0;
	for (const edit of edits) {
		const present = [...new Set(edit.itemIds)].filter((id) => of.has(id));
		const kinds = new Set(present.map((id) => kindOf.get(id)));
		if (!present.length || kinds.size > 1 || (edit.op === 'merge' && present.length < 2)) {
			skipped.push(edit);
			continue;
		}
		if (edit.op === 'rename') {
			const c = clusters.get(of.get(present[0])!)!;
			Object.assign(c, { name: edit.name, origin: 'hand', edits: [...c.edits, edit] });
		} else if (edit.op === 'merge') {
			const target = clusters.get(of.get(present[0])!)!;
			const sources = [...new Set(present.slice(1).map((id) => of.get(id)!))].filter((id) => id !== target.id).map((id) => clusters.get(id)!);
			for (const s of sources) {
				for (const id of s.itemIds) of.set(id, target.id);
				target.itemIds.push(...s.itemIds);
				target.edits.push(...s.edits);
				target.pinned ||= s.pinned;
				clusters.delete(s.id);
			}
			Object.assign(target, { origin: 'hand', edits: [...target.edits, edit] });
		} else {
			// split and pin: the items leave their clusters and form one of their own.
			const left = present.map(remove);
			for (const c of left) if (clusters.has(c.id)) c.edits = [...new Set([...c.edits, edit])];
			const id = `edit-${++made}-${present[0]}`;
			const cluster: EditedCluster = {
				id,
				kind: kindOf.get(present[0])!,
				itemIds: present,
				name: newName(present),
				origin: 'hand',
				pinned: edit.op === 'pin',
				edits: [edit]
			};
			clusters.set(id, cluster);
			for (const item of present) of.set(item, id);
		}
	}
	const list = [...clusters.values()];
	return { clusters: [...list.filter((c) => c.pinned), ...list.filter((c) => !c.pinned)], skipped };
}

/**
 * Items, supports and links on the store, on SQLite and PostgreSQL alike: posting, editing (the
 * author's alone), hiding and approving, merging (sources kept, listed in posting order), one
 * support per participant and one link per pair. The handlers run with a command's context built
 * here, as the command path builds it, on the test's store transaction.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_KINDS } from '../domain/defaults';
import type { SocketIdentity } from '../realtime/contract';
import { bareSession, forEachEngine } from '$lib/testing/engines';
import type { Database, Store } from './db/store';
import { boardHandlers } from './handlers/board';
import { Rejected, type CommandContext, type Outcome } from './handlers/context';
import { itemHandlers } from './handlers/items';
import * as links from './item-links';
import * as items from './items';
import * as sessions from './sessions';
import * as supports from './supports';

type Handler = (context: CommandContext, command: never) => Outcome | Promise<Outcome>;
const HANDLERS = { ...itemHandlers, ...boardHandlers } as unknown as Record<string, Handler>;

describe('items on the store', () => {
	forEachEngine(({ store }) => {
		let sessionId: string;

		/** A session with the default kinds, and three phone participants. */
		async function setUp(s: Store, settings: { pre_moderation?: number; allow_anonymous?: number } = {}) {
			sessionId = await bareSession(s);
			await s.db
				.updateTable('sessions')
				.set({ kinds: JSON.stringify(DEFAULT_KINDS), ...settings })
				.where('id', '=', sessionId)
				.execute();
			for (const id of ['siti', 'budi', 'ani'])
				await s.db
					.insertInto('participants')
					.values({ id, session_id: sessionId, token_hash: `t-${id}`, name: id, stakeholder_group: 'akademisi', consent_at: 'now', consent_version: '1', joined_at: 'now' })
					.execute();
		}

		const participant = (id: string): SocketIdentity => ({ sessionId, code: 'S1XXXX', role: 'participant', participantId: id });
		const facilitator = (): SocketIdentity => ({ sessionId, code: 'S1XXXX', role: 'facilitator', participantId: null });
		const inTrx = <T>(write: (trx: Database) => Promise<T>) => store().db.transaction().execute(write);

		/** Runs one command's handler in a transaction of its own, as the command path does. */
		async function run(who: SocketIdentity, command: { type: string } & Record<string, unknown>): Promise<Outcome> {
			const row = (await store().db.selectFrom('sessions').selectAll().where('id', '=', sessionId).executeTakeFirstOrThrow()) as sessions.SessionRow;
			const actor = who.role === 'participant' ? `p:${who.participantId}` : who.role;
			return inTrx(async (trx) => {
				const context: CommandContext = { trx, who, actor, session: row, view: sessions.toView(row), now: Date.now() };
				return HANDLERS[command.type](context, command as never);
			});
		}

		const post = async (who: string, text: string, extra: Record<string, unknown> = {}) =>
			(await run(participant(who), { type: 'item.add', kind: 'kendala', text, anonymous: false, ...extra })).itemId!;
		const find = (itemId: string) => items.find(store().db, sessionId, itemId);
		const seqs = async () => (await store().db.selectFrom('session_events').select('seq').where('session_id', '=', sessionId).orderBy('seq').execute()).map((r) => r.seq);

		it('posts an item, logs item.added and lists it; anonymous posts hide their author from the view', async () => {
			await setUp(store(), { allow_anonymous: 1 });
			const outcome = await run(participant('siti'), { type: 'item.add', kind: 'kendala', text: 'Jalan desa rusak', anonymous: false });
			expect(outcome.records).toHaveLength(1);
			expect(outcome.records[0]).toMatchObject({ seq: 1, owner: 'siti', event: { type: 'item.added', item: { id: outcome.itemId, text: 'Jalan desa rusak', authorId: 'siti', status: 'visible' } } });
			const secret = await post('budi', 'Pungutan liar', { anonymous: true });
			expect(await find(outcome.itemId!)).toMatchObject({ text: 'Jalan desa rusak', author_id: 'siti', anonymous: 0, status: 'visible', deleted_at: null });
			expect(await find(secret)).toMatchObject({ author_id: 'budi', anonymous: 1 });
			const views = await items.listViews(store().db, sessionId);
			expect(views.map((v) => [v.text, v.authorId, v.anonymous])).toEqual([
				['Jalan desa rusak', 'siti', false],
				['Pungutan liar', null, true]
			]);
			expect(await items.count(store().db, sessionId)).toBe(2);
			expect(await items.ownIds(store().db, sessionId, 'budi')).toEqual([secret]);
			expect(await seqs()).toEqual([1, 2]);
		});

		it('stamps a sample session’s items and supports with its own clock', async () => {
			await setUp(store());
			const yearAgo = -365 * 24 * 3600 * 1000;
			await store().db.updateTable('sessions').set({ sample_clock_offset_ms: yearAgo }).where('id', '=', sessionId).execute();
			const a = await post('siti', 'Jalan desa rusak');
			await run(participant('budi'), { type: 'item.support', itemId: a, supported: true });
			const expected = new Date(Date.now() + yearAgo).getUTCFullYear();
			expect(new Date((await find(a))!.created_at).getUTCFullYear()).toBe(expected);
			const support = await store().db.selectFrom('supports').select('created_at').executeTakeFirstOrThrow();
			expect(new Date(support.created_at).getUTCFullYear()).toBe(expected);
		});

		it('lets only the author (or the facilitator) edit, and a refused edit changes nothing', async () => {
			await setUp(store());
			const itemId = await post('siti', 'jalan rusak bgt');
			await expect(run(participant('budi'), { type: 'item.edit', itemId, text: 'Diubah Budi' })).rejects.toMatchObject({ code: 'forbidden' });
			expect((await find(itemId))?.text).toBe('jalan rusak bgt');
			const own = await run(participant('siti'), { type: 'item.edit', itemId, text: 'Jalan desa rusak' });
			expect(own.records[0]).toMatchObject({ seq: 2, event: { type: 'item.edited', itemId, text: 'Jalan desa rusak' } });
			await run(facilitator(), { type: 'item.edit', itemId, text: 'Jalan desa rusak berat' });
			expect((await find(itemId))?.text).toBe('Jalan desa rusak berat');
			await expect(run(participant('budi'), { type: 'item.edit', itemId: 'no-such-item', text: 'x' })).rejects.toBeInstanceOf(Rejected);
			expect(await seqs()).toEqual([1, 2, 3]);
		});

		it('hides and restores an item; a pre-moderated post waits for approval', async () => {
			await setUp(store(), { pre_moderation: 1 });
			const itemId = await post('siti', 'Pungutan liar di pasar');
			expect((await find(itemId))?.status).toBe('pending');
			await expect(run(facilitator(), { type: 'item.restore', itemId })).rejects.toMatchObject({ code: 'invalid_input' });
			const approved = await run(facilitator(), { type: 'item.approve', itemId });
			expect(approved.records[0].event).toMatchObject({ type: 'item.shown', item: { id: itemId, status: 'visible' } });
			const hidden = await run(facilitator(), { type: 'item.hide', itemId, reason: 'Di luar topik' });
			expect(hidden.records[0]).toMatchObject({ owner: 'siti', event: { type: 'item.hidden', itemId, reason: 'Di luar topik' } });
			expect(await find(itemId)).toMatchObject({ status: 'hidden', hidden_reason: 'Di luar topik' });
			expect((await items.listViews(store().db, sessionId))[0]).toMatchObject({ status: 'hidden', hiddenReason: 'Di luar topik' });
			await expect(run(participant('siti'), { type: 'item.edit', itemId, text: 'x' })).rejects.toMatchObject({ code: 'forbidden' });
			await run(facilitator(), { type: 'item.restore', itemId });
			expect(await find(itemId)).toMatchObject({ status: 'visible', hidden_reason: null });
		});

		it('lists items in posting order, whatever their ids and however often a row was rewritten', async () => {
			await setUp(store());
			// Ids against the alphabet, and the first row updated last: neither ids nor a heap scan give this order.
			for (const id of ['item-z', 'item-m', 'item-a'])
				await store().db
					.insertInto('items')
					.values({ id, session_id: sessionId, kind: 'kendala', text: id, author_id: 'siti', created_at: 'same', updated_at: 'same' })
					.execute();
			const first = (await find('item-z'))!;
			await inTrx((trx) => items.edit(trx, first, 'facilitator', 'diubah'));
			expect((await items.listRows(store().db, sessionId)).map((r) => r.id)).toEqual(['item-z', 'item-m', 'item-a']);
			await run(facilitator(), { type: 'item.merge', targetId: 'item-m', sourceIds: ['item-a', 'item-z'] });
			const target = (await find('item-m'))!;
			expect((await items.viewOf(store().db, target)).mergedFrom).toEqual(['item-z', 'item-a']);
		});

		it('merges: the sources stay as rows, leave the board, and their dots, supports and links move to the target once', async () => {
			await setUp(store());
			const a = await post('siti', 'Jalan desa rusak');
			const b = await post('budi', 'Jalan ke desa rusak parah');
			const c = await post('ani', 'Jalan berlubang');
			const rec = await post('ani', 'Perbaikan jalan lewat DAK', { kind: 'rekomendasi' });
			await store()
				.db.insertInto('votes')
				.values([
					{ session_id: sessionId, participant_id: 'siti', target_id: a, count: 2 },
					{ session_id: sessionId, participant_id: 'siti', target_id: b, count: 1 },
					{ session_id: sessionId, participant_id: 'budi', target_id: c, count: 3 }
				])
				.execute();
			await run(participant('ani'), { type: 'item.support', itemId: b, supported: true });
			await run(participant('ani'), { type: 'item.support', itemId: a, supported: true });
			await run(participant('siti'), { type: 'item.support', itemId: c, supported: true });
			await run(participant('ani'), { type: 'link.set', recommendationId: rec, targetId: a, linked: true });
			await run(participant('ani'), { type: 'link.set', recommendationId: rec, targetId: b, linked: true });

			const merged = await run(facilitator(), { type: 'item.merge', targetId: a, sourceIds: [c, b] });
			expect(merged.records).toHaveLength(1);
			expect(merged.records[0].event).toMatchObject({ type: 'item.merged', sourceIds: [c, b], item: { id: a, mergedFrom: [b, c], supporters: 2 } });
			expect((await items.listViews(store().db, sessionId)).map((i) => i.id)).toEqual([a, rec]);
			expect(await find(b)).toMatchObject({ status: 'merged', merged_into: a, author_id: 'budi', text: 'Jalan ke desa rusak parah' });
			expect(await items.ownIds(store().db, sessionId, 'budi')).toEqual([]);
			const dots = await store().db.selectFrom('votes').select(['participant_id', 'target_id', 'count']).where('session_id', '=', sessionId).orderBy('participant_id').execute();
			expect(dots).toEqual([
				{ participant_id: 'budi', target_id: a, count: 3 },
				{ participant_id: 'siti', target_id: a, count: 3 }
			]);
			expect(await supports.list(store().db, sessionId)).toEqual([
				{ itemId: a, participantId: 'ani' },
				{ itemId: a, participantId: 'siti' }
			]);
			expect(await links.list(store().db, sessionId)).toEqual([{ recommendationId: rec, targetId: a }]);
			await expect(run(facilitator(), { type: 'item.merge', targetId: a, sourceIds: [b] })).rejects.toMatchObject({ code: 'not_found' });

			// Merged in turn, the target carries its sources along.
			const d = await post('budi', 'Infrastruktur jalan');
			await run(facilitator(), { type: 'item.merge', targetId: d, sourceIds: [a] });
			expect((await items.viewOf(store().db, (await find(d))!)).mergedFrom).toEqual([a, b, c]);
		});

		it('counts one support per participant: a second support changes nothing and logs nothing', async () => {
			await setUp(store());
			const a = await post('siti', 'Jalan desa rusak');
			const first = await run(participant('budi'), { type: 'item.support', itemId: a, supported: true });
			expect(first.records.map((r) => r.event)).toEqual([{ type: 'item.supported', support: { itemId: a, participantId: 'budi' }, supported: true, supporters: 1 }]);
			const again = await inTrx((trx) => supports.set(trx, sessionId, { itemId: a, participantId: 'budi' }, true));
			expect(again).toEqual([]);
			expect(await supports.countFor(store().db, sessionId, a)).toBe(1);
			await run(participant('ani'), { type: 'item.support', itemId: a, supported: true });
			expect((await supports.counts(store().db, sessionId)).get(a)).toBe(2);
			await expect(run(participant('siti'), { type: 'item.support', itemId: a, supported: true })).rejects.toMatchObject({ code: 'invalid_input' });
			const back = await run(participant('budi'), { type: 'item.support', itemId: a, supported: false });
			expect(back.records[0].event).toMatchObject({ supported: false, supporters: 1 });
			expect(await inTrx((trx) => supports.set(trx, sessionId, { itemId: a, participantId: 'budi' }, false))).toEqual([]);
			expect(await supports.list(store().db, sessionId)).toEqual([{ itemId: a, participantId: 'ani' }]);
			expect(await seqs()).toEqual([1, 2, 3, 4]);
		});

		it('keeps one link however often it is set, and unlinks', async () => {
			await setUp(store());
			const rec = await post('siti', 'Alokasikan DAK', { kind: 'rekomendasi' });
			const constraint = await post('budi', 'Jalan desa rusak');
			const link = { recommendationId: rec, targetId: constraint };
			await inTrx((trx) => links.set(trx, sessionId, 'p:siti', link, true));
			const twice = await inTrx((trx) => links.set(trx, sessionId, 'p:siti', link, true));
			expect(twice.event).toEqual({ type: 'link.set', link, linked: true });
			expect(await links.list(store().db, sessionId)).toEqual([link]);
			await expect(run(participant('budi'), { type: 'link.set', ...link, linked: false })).rejects.toMatchObject({ code: 'forbidden' });
			await run(participant('siti'), { type: 'link.set', ...link, linked: false });
			expect(await links.list(store().db, sessionId)).toEqual([]);
		});

		it('groups an item under a theme of the session, and out again; an unknown theme is refused', async () => {
			await setUp(store());
			const a = await post('siti', 'Jalan desa rusak');
			const themeId = (await run(facilitator(), { type: 'theme.create', name: 'Infrastruktur' })).id!;
			const themed = await run(facilitator(), { type: 'item.theme', itemId: a, themeId });
			expect(themed.records[0].event).toEqual({ type: 'item.themed', itemId: a, themeId });
			expect((await find(a))?.theme_id).toBe(themeId);
			await expect(run(facilitator(), { type: 'item.theme', itemId: a, themeId: 'no-such-theme' })).rejects.toMatchObject({ code: 'not_found' });
			expect((await find(a))?.theme_id).toBe(themeId);
			await run(facilitator(), { type: 'item.theme', itemId: a, themeId: null });
			expect((await items.listViews(store().db, sessionId))[0].themeId).toBeNull();
		});

		it('deletes softly: the row stays, the board, the dots and the supports drop it', async () => {
			await setUp(store());
			const a = await post('siti', 'Jalan desa rusak');
			await run(participant('budi'), { type: 'item.support', itemId: a, supported: true });
			await store().db.insertInto('votes').values({ session_id: sessionId, participant_id: 'ani', target_id: a, count: 2 }).execute();
			const removed = await run(participant('siti'), { type: 'item.delete', itemId: a });
			expect(removed.records[0].event).toEqual({ type: 'item.deleted', itemId: a });
			expect(await find(a)).toBeUndefined();
			expect(await items.listRows(store().db, sessionId)).toEqual([]);
			expect(await items.count(store().db, sessionId)).toBe(1);
			expect(await store().db.selectFrom('votes').selectAll().execute()).toEqual([]);
			expect(await supports.list(store().db, sessionId)).toEqual([]);
		});
	});
});

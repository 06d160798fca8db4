/**
 * The board's modules on both engines: themes, dots, the minute-taker's notes and the action plan,
 * through their command handlers (handlers/board.ts) in a transaction of the store, as the command
 * path runs them. The commands' full path (authorization, the savepoint, answers) is covered by
 * themes/votes/notes/actions.spec.ts.
 */
import { describe, expect, it } from 'vitest';
import { tally } from '../domain/votes';
import type { SocketIdentity } from '../realtime/contract';
import type { Command } from '../realtime/schemas';
import { bareSession, forEachEngine } from '$lib/testing/engines';
import * as actions from './actions';
import { actorOf } from './commands';
import type { Database, Store } from './db/store';
import { boardHandlers } from './handlers/board';
import { Rejected, type CommandContext, type Handler, type Outcome } from './handlers/context';
import * as notes from './notes';
import * as sessions from './sessions';
import * as themes from './themes';
import * as votes from './votes';

const SESSION = 's1';
const facilitator: SocketIdentity = { sessionId: SESSION, code: 'S1XXXX', role: 'facilitator', participantId: null };
const minutetaker: SocketIdentity = { ...facilitator, role: 'minutetaker' };
const participant = (id: string): SocketIdentity => ({ ...facilitator, role: 'participant', participantId: id });

/** Runs one board command's handler in a transaction of its own; a refusal rolls it back and is returned. */
async function run(store: Store, who: SocketIdentity, command: Command): Promise<Outcome | Rejected> {
	const handler = (boardHandlers as Record<string, Handler<Command['type']>>)[command.type];
	try {
		return await store.db.transaction().execute(async (trx) => handler(await contextOf(trx, who), command));
	} catch (error) {
		if (error instanceof Rejected) return error;
		throw error;
	}
}

async function contextOf(trx: Database, who: SocketIdentity): Promise<CommandContext> {
	const session = (await trx.selectFrom('sessions').selectAll().where('id', '=', SESSION).executeTakeFirstOrThrow()) as sessions.SessionRow;
	return { trx, who, actor: actorOf(who), session, view: sessions.toView(session), now: Date.now() };
}

async function must(store: Store, who: SocketIdentity, command: Command): Promise<Outcome> {
	const outcome = await run(store, who, command);
	if (outcome instanceof Rejected) throw new Error(`${command.type} refused: ${outcome.code}`);
	return outcome;
}

async function refused(store: Store, who: SocketIdentity, command: Command): Promise<string> {
	const outcome = await run(store, who, command);
	if (!(outcome instanceof Rejected)) throw new Error(`${command.type} was accepted`);
	return outcome.code;
}

async function join(store: Store, id: string, group: string) {
	await store.db
		.insertInto('participants')
		.values({ id, session_id: SESSION, token_hash: `h-${id}`, name: id, stakeholder_group: group, consent_at: 'now', consent_version: '1', joined_at: 'now' })
		.execute();
}

async function item(store: Store, id: string, themeId: string | null = null) {
	await store.db
		.insertInto('items')
		.values({ id, session_id: SESSION, kind: 'kendala', text: id, author_id: 'siti', anonymous: 0, created_at: 'now', updated_at: 'now', status: 'visible', theme_id: themeId })
		.execute();
}

const idOf = (outcome: Outcome) => outcome.id!;
const names = async (store: Store) => (await themes.list(store.db, SESSION)).map((t) => [t.name, t.position]);
const events = async (store: Store) =>
	(await store.db.selectFrom('session_events').select(['seq', 'payload']).where('session_id', '=', SESSION).orderBy('seq').execute()).map(
		(r) => [r.seq, JSON.parse(r.payload).type]
	);

describe('the board on both engines', () => {
	forEachEngine(({ store }) => {
		it('themes: created at the next position, renamed, reordered, deleted with their dots and grouping', async () => {
			await bareSession(store(), SESSION);
			const a = idOf(await must(store(), facilitator, { type: 'theme.create', name: 'Infrastuktur' }));
			const b = idOf(await must(store(), facilitator, { type: 'theme.create', name: 'Ekonomi' }));
			const c = idOf(await must(store(), facilitator, { type: 'theme.create', name: 'Sosial' }));
			expect(await names(store())).toEqual([
				['Infrastuktur', 0],
				['Ekonomi', 1],
				['Sosial', 2]
			]);

			const renamed = await must(store(), facilitator, { type: 'theme.rename', themeId: a, name: 'Infrastruktur' });
			expect(renamed.records[0].event).toEqual({ type: 'theme.saved', theme: { id: a, name: 'Infrastruktur', position: 0 } });
			expect(await refused(store(), facilitator, { type: 'theme.rename', themeId: 'no-such-theme', name: 'X' })).toBe('not_found');

			await must(store(), facilitator, { type: 'themes.order', themeIds: [c, a, b] });
			expect(await names(store())).toEqual([
				['Sosial', 0],
				['Infrastruktur', 1],
				['Ekonomi', 2]
			]);
			expect(await refused(store(), facilitator, { type: 'themes.order', themeIds: [c, a] })).toBe('invalid_input');
			expect(await refused(store(), facilitator, { type: 'themes.order', themeIds: [c, a, a] })).toBe('invalid_input');

			await join(store(), 'siti', 'akademisi');
			await item(store(), 'i1', a);
			await item(store(), 'i2', b);
			await store().db.insertInto('votes').values([
				{ session_id: SESSION, participant_id: 'siti', target_id: a, count: 2 },
				{ session_id: SESSION, participant_id: 'siti', target_id: b, count: 1 }
			]).execute();
			const deleted = await must(store(), facilitator, { type: 'theme.delete', themeId: a });
			expect(deleted.records[0].event).toEqual({ type: 'theme.deleted', themeId: a });
			expect((await themes.list(store().db, SESSION)).map((t) => t.id)).toEqual([c, b]);
			expect(await themes.find(store().db, SESSION, a)).toBeUndefined();
			const grouped = await store().db.selectFrom('items').select(['id', 'theme_id']).orderBy('id').execute();
			expect(grouped).toEqual([
				{ id: 'i1', theme_id: null },
				{ id: 'i2', theme_id: b }
			]);
			expect(Object.fromEntries(await votes.placedBy(store().db, SESSION, 'siti'))).toEqual({ [b]: 1 });
			expect(await refused(store(), facilitator, { type: 'theme.delete', themeId: a })).toBe('not_found');

			// Every accepted command logged one record, numbered in order; the refused ones none.
			expect(await events(store())).toEqual([
				[1, 'theme.saved'],
				[2, 'theme.saved'],
				[3, 'theme.saved'],
				[4, 'theme.saved'],
				[5, 'themes.ordered'],
				[6, 'theme.deleted']
			]);
		});

		it('themes at one position keep the order they were made in', async () => {
			await bareSession(store(), SESSION);
			// Inserted in an order their ids do not sort in, all at position 0.
			for (const id of ['z', 'a', 'm']) await store().db.insertInto('themes').values({ id, session_id: SESSION, name: id, position: 0 }).execute();
			expect((await themes.list(store().db, SESSION)).map((t) => t.id)).toEqual(['z', 'a', 'm']);
		});

		it('dots: placed within the allowance, refused beyond it, moved, taken back, and tallied for the reveal', async () => {
			await bareSession(store(), SESSION);
			await store()
				.db.updateTable('sessions')
				.set({ phase: 'voting', voting: JSON.stringify({ budget: 4, cap: 2, target: 'themes', revealed: false }) })
				.where('id', '=', SESSION)
				.execute();
			const [a, b, c] = [
				idOf(await must(store(), facilitator, { type: 'theme.create', name: 'Infrastruktur' })),
				idOf(await must(store(), facilitator, { type: 'theme.create', name: 'Ekonomi' })),
				idOf(await must(store(), facilitator, { type: 'theme.create', name: 'Sosial' }))
			];
			await join(store(), 'siti', 'akademisi');
			await join(store(), 'budi', 'pemerintah');
			const siti = participant('siti');
			const vote = (targetId: string, count: number): Command => ({ type: 'vote.set', targetId, count });

			const placed = await must(store(), siti, vote(a, 2));
			expect(placed.records[0]).toMatchObject({ event: { type: 'vote.set', vote: { participantId: 'siti', targetId: a, count: 2 } }, owner: 'siti' });
			expect(await refused(store(), siti, vote(b, 3))).toBe('over_cap');
			await must(store(), siti, vote(b, 2));
			expect(await refused(store(), siti, vote(c, 1))).toBe('over_budget');
			expect(await refused(store(), siti, vote('no-such-theme', 1))).toBe('not_found');
			expect(Object.fromEntries(await votes.placedBy(store().db, SESSION, 'siti'))).toEqual({ [a]: 2, [b]: 2 });

			// Lower one, then the freed dot goes elsewhere; the figure is set, not added to.
			await must(store(), siti, vote(a, 1));
			await must(store(), siti, vote(c, 1));
			expect(Object.fromEntries(await votes.placedBy(store().db, SESSION, 'siti'))).toEqual({ [a]: 1, [b]: 2, [c]: 1 });

			// Dots on a deleted theme stop counting against the budget (and are dropped with it).
			await must(store(), facilitator, { type: 'theme.delete', themeId: c });
			expect(Object.fromEntries(await votes.countedBy(store().db, SESSION, 'siti', 'themes'))).toEqual({ [a]: 1, [b]: 2 });
			// While the room votes on items, dots on themes do not count either.
			expect(await votes.countedBy(store().db, SESSION, 'siti', 'items')).toEqual(new Map());

			const budi = participant('budi');
			await must(store(), budi, vote(a, 2));
			await must(store(), budi, vote(b, 1));
			await must(store(), budi, vote(b, 0));

			// What the reveal shows: every dot stored, by voter, then target (ids: lower case and digits), and how many voted.
			const byKey = (x: { participantId: string; targetId: string }, y: { participantId: string; targetId: string }) =>
				x.participantId === y.participantId ? (x.targetId < y.targetId ? -1 : 1) : x.participantId < y.participantId ? -1 : 1;
			expect(await votes.list(store().db, SESSION)).toEqual(
				[
					{ participantId: 'budi', targetId: a, count: 2 },
					{ participantId: 'siti', targetId: a, count: 1 },
					{ participantId: 'siti', targetId: b, count: 2 }
				].sort(byKey)
			);
			expect(await votes.voterCount(store().db, SESSION)).toBe(2);
			const groups = new Map([
				['siti', 'akademisi'],
				['budi', 'pemerintah']
			]);
			const totals = tally(await votes.list(store().db, SESSION), (id) => groups.get(id)!);
			expect(totals.get(a)?.total).toBe(3);
			expect(Object.fromEntries(totals.get(a)!.byGroup)).toEqual({ akademisi: 1, pemerintah: 2 });
			expect(totals.get(b)?.total).toBe(2);
		});

		it('dots on items count while the item is visible on the board', async () => {
			await bareSession(store(), SESSION);
			await join(store(), 'siti', 'akademisi');
			await item(store(), 'i1');
			await item(store(), 'i2');
			await store()
				.db.transaction()
				.execute(async (trx) => {
					await votes.set(trx, SESSION, { participantId: 'siti', targetId: 'i1', count: 2 });
					await votes.set(trx, SESSION, { participantId: 'siti', targetId: 'i2', count: 1 });
					await votes.set(trx, SESSION, { participantId: 'siti', targetId: 'i2', count: 3 });
				});
			await store().db.updateTable('items').set({ status: 'hidden' }).where('id', '=', 'i2').execute();
			expect(Object.fromEntries(await votes.countedBy(store().db, SESSION, 'siti', 'items'))).toEqual({ i1: 2 });
			expect(Object.fromEntries(await votes.placedBy(store().db, SESSION, 'siti'))).toEqual({ i1: 2, i2: 3 });
		});

		it('notes: added in the order they are taken, stamped by the session clock, deleted', async () => {
			await bareSession(store(), SESSION);
			// A sample session's clock runs a day behind.
			await store().db.updateTable('sessions').set({ phase: 'discussion', sample_clock_offset_ms: -86_400_000 }).where('id', '=', SESSION).execute();
			const speaker = { participantId: null, name: 'Pak Camat', institution: 'Kecamatan Loa Kulu', group: 'pemerintah' };
			const texts = ['Jalan desa rusak', 'Anggaran terbatas', 'Sinyal lemah', 'Pasar daring'];
			const ids: string[] = [];
			for (const [n, text] of texts.entries())
				ids.push(idOf(await must(store(), minutetaker, { type: 'note.add', text, speaker: n === 1 ? speaker : null })));
			const listed = await notes.list(store().db, SESSION);
			expect(listed.map((n) => [n.id, n.text, n.kind, n.phase])).toEqual([
				[ids[0], 'Jalan desa rusak', 'note', 'discussion'],
				[ids[1], 'Anggaran terbatas', 'quote', 'discussion'],
				[ids[2], 'Sinyal lemah', 'note', 'discussion'],
				[ids[3], 'Pasar daring', 'note', 'discussion']
			]);
			expect(listed[1].speaker).toEqual(speaker);
			const behind = Date.now() - Date.parse(listed[0].at);
			expect(behind).toBeGreaterThan(86_400_000 - 60_000);
			expect(behind).toBeLessThan(86_400_000 + 60_000);

			await must(store(), minutetaker, { type: 'note.delete', noteId: ids[1] });
			expect(await notes.exists(store().db, SESSION, ids[1])).toBe(false);
			expect(await notes.exists(store().db, SESSION, ids[2])).toBe(true);
			expect((await notes.list(store().db, SESSION)).map((n) => n.text)).toEqual(['Jalan desa rusak', 'Sinyal lemah', 'Pasar daring']);
			expect(await refused(store(), minutetaker, { type: 'note.delete', noteId: ids[1] })).toBe('not_found');
		});

		it('action rows: by position, then in the order they were made; updated in place; deleted', async () => {
			await bareSession(store(), SESSION);
			const row = (activity: string) => ({ activity }) as Extract<Command, { type: 'action.save' }>['row'];
			const first = idOf(await must(store(), minutetaker, { type: 'action.save', row: row('Perbaikan jalan') }));
			const second = idOf(await must(store(), facilitator, { type: 'action.save', row: row('Pelatihan UMKM') }));
			expect((await actions.list(store().db, SESSION)).map((r) => [r.id, r.activity, r.position])).toEqual([
				[first, 'Perbaikan jalan', 0],
				[second, 'Pelatihan UMKM', 1]
			]);

			const updated = await must(store(), minutetaker, { type: 'action.save', row: { ...row('Perbaikan jalan desa'), id: first } });
			expect(updated.records[0].event).toMatchObject({ type: 'action.saved', row: { id: first, position: 0, activity: 'Perbaikan jalan desa' } });
			expect((await actions.list(store().db, SESSION)).map((r) => r.activity)).toEqual(['Perbaikan jalan desa', 'Pelatihan UMKM']);

			// Rows sharing a position (written before positions were unique) keep their insertion order.
			for (const id of ['r-z', 'r-a']) await store().db.insertInto('action_rows').values({ id, session_id: SESSION, position: 0, data: JSON.stringify({ activity: id }) }).execute();
			expect((await actions.list(store().db, SESSION)).map((r) => r.id)).toEqual([first, 'r-z', 'r-a', second]);

			await must(store(), minutetaker, { type: 'action.delete', rowId: first });
			expect(await actions.exists(store().db, SESSION, first)).toBe(false);
			expect((await actions.list(store().db, SESSION)).map((r) => r.id)).toEqual(['r-z', 'r-a', second]);
			expect(await refused(store(), minutetaker, { type: 'action.delete', rowId: first })).toBe('not_found');
			expect(await refused(store(), minutetaker, { type: 'action.save', row: { ...row('kembali'), id: first } })).toBe('not_found');
		});
	});
});

/** The programmes' open reports hear of their sessions' committed changes: closes, deletions, nothing else of others. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { commandId, createSession, type TestSession } from '$lib/testing/server';
import { freshStore } from '$lib/testing/stores';
import { envelopeSchema } from '../../realtime/schemas';
import { GroupCommit } from '../group-commit';
import * as privacy from '../privacy';
import { ProgrammeWatch, type ProgrammeNews } from './watch';

afterEach(() => vi.useRealTimers());

const envelopeFor = (command: unknown) => envelopeSchema.parse({ id: commandId(), command });

async function setUp(quietMs = 3000) {
	const store = await freshStore();
	const db = store.db;
	await db.insertInto('organizations').values({ id: 'org1', name: 'DPMD', created_at: '2026-01-01', retention_months: null }).execute();
	const programme = (id: string) =>
		db
			.insertInto('programmes')
			.values({ id, organization_id: 'org1', name: id, theme: '', template: '{}', created_by: null, created_at: '2026-01-01', updated_at: '2026-01-01' })
			.execute();
	await programme('p1');
	await programme('p2');
	const inProgramme = async (id: string | null) => {
		const s = await createSession(db);
		await db.updateTable('sessions').set({ organization_id: 'org1', programme_id: id }).where('id', '=', s.row.id).execute();
		return s;
	};
	const watch = new ProgrammeWatch(db, quietMs);
	watches.add(watch);
	const writes = new GroupCommit(store, () => {});
	writes.observe((id, records) => watch.committed(id, records));
	return { db, watch, writes, inProgramme };
}

/** Every watch made here, so that a step waits until what it told has been looked up and passed on. */
const watches = new Set<ProgrammeWatch>();
const settled = async () => {
	for (const watch of watches) await watch.settled();
};
afterEach(() => watches.clear());

const close = async (writes: GroupCommit, s: TestSession) => {
	await writes.execute(s.facilitator, envelopeFor({ type: 'session.close' }));
	await settled();
};
const remove = async (writes: GroupCommit, s: TestSession) => {
	await writes.commit(s.row.id, async (trx) => ({ deleted: await privacy.deleteSessionRows(trx, s.row.id), records: [] }));
	await settled();
};
const execute = async (writes: GroupCommit, s: TestSession, command: unknown) => {
	await writes.execute(s.facilitator, envelopeFor(command));
	await settled();
};

describe('ProgrammeWatch', () => {
	it("tells a programme's watchers when one of its sessions closes, and no one else's", async () => {
		const { watch, writes, inProgramme } = await setUp();
		const mine = await inProgramme('p1');
		const other = await inProgramme('p2');
		const alone = await inProgramme(null);
		const heard: string[] = [];
		watch.watch('p1', () => heard.push('p1'));
		watch.watch('p2', () => heard.push('p2'));
		await close(writes, mine);
		expect(heard).toEqual(['p1']);
		await close(writes, alone);
		expect(heard).toEqual(['p1']);
		await close(writes, other);
		expect(heard).toEqual(['p1', 'p2']);
	});

	it('tells of a deletion (no records, the row gone) but not of a refused command', async () => {
		const { watch, writes, inProgramme } = await setUp(0);
		const s = await inProgramme('p1');
		const heard = vi.fn();
		watch.watch('p1', heard);
		// An unknown item: refused, nothing committed to tell.
		await execute(writes, s, { type: 'item.delete', itemId: 'nope' });
		expect(heard).not.toHaveBeenCalled();
		await remove(writes, s);
		expect(heard).toHaveBeenCalledTimes(1);
	});

	it('hears of a session added to the programme after the report was opened', async () => {
		const { watch, writes, inProgramme } = await setUp(0);
		const heard = vi.fn();
		watch.watch('p1', heard);
		const later = await inProgramme('p1');
		await close(writes, later);
		expect(heard).toHaveBeenCalledTimes(1);
	});

	it('tells at once, then at most once per quiet window, never dropping the last change', async () => {
		vi.useFakeTimers({ toFake: ['setTimeout'] });
		const { watch } = await setUp(3000);
		const heard = vi.fn();
		watch.watch('p1', heard);
		watch.changed('p1');
		watch.changed('p1');
		watch.changed('p1');
		expect(heard).toHaveBeenCalledTimes(1);
		vi.advanceTimersByTime(3000);
		expect(heard).toHaveBeenCalledTimes(2);
		vi.advanceTimersByTime(3000);
		expect(heard).toHaveBeenCalledTimes(2);
	});

	it('forgets a watcher that stops, and does nothing while nobody watches', async () => {
		const { watch, writes, inProgramme } = await setUp(0);
		const s = await inProgramme('p1');
		const heard = vi.fn();
		const stop = watch.watch('p1', heard);
		expect(watch.watchers('p1')).toBe(1);
		stop();
		expect(watch.watchers('p1')).toBe(0);
		await close(writes, s);
		expect(heard).not.toHaveBeenCalled();
	});

	describe('across nodes', () => {
		/** Node B: a second watch over the same database, hearing only what node A shares. */
		async function twoNodes() {
			const a = await setUp();
			const b = new ProgrammeWatch(a.db);
			watches.add(b);
			const news: ProgrammeNews[] = [];
			a.watch.share = (n) => {
				news.push(n);
				b.heard(n);
			};
			return { ...a, b, news };
		}

		it("tells a report open on another node of a session's change, a deletion and a programme's change", async () => {
			vi.useFakeTimers({ toFake: ['setTimeout'] });
			const { b, writes, inProgramme, watch } = await twoNodes();
			const s = await inProgramme('p1');
			const heard = vi.fn();
			b.watch('p1', heard);
			await close(writes, s);
			expect(heard).toHaveBeenCalledTimes(1);
			vi.advanceTimersByTime(3000);
			await remove(writes, s);
			expect(heard).toHaveBeenCalledTimes(2);
			vi.advanceTimersByTime(3000);
			watch.changed('p1');
			expect(heard).toHaveBeenCalledTimes(3);
		});

		it('sends a busy session at most once per window, and nothing for a refused command', async () => {
			vi.useFakeTimers({ toFake: ['setTimeout'] });
			const { writes, inProgramme, news } = await twoNodes();
			const s = await inProgramme('p1');
			await execute(writes, s, { type: 'note.add', text: 'satu' });
			await execute(writes, s, { type: 'note.add', text: 'dua' });
			await execute(writes, s, { type: 'item.delete', itemId: 'nope' });
			expect(news).toEqual([{ sessionId: s.row.id, logged: true }]);
			vi.advanceTimersByTime(3000);
			expect(news).toHaveLength(2);
		});
	});
});

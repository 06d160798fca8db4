/** The programmes' open reports hear of their sessions' committed changes: closes, deletions, nothing else of others. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { kysely } from '$lib/testing/orgs';
import { commandId, createSession, freshDb, type TestSession } from '$lib/testing/server';
import { envelopeSchema } from '../../realtime/schemas';
import type { Db } from '../db/database';
import { GroupCommit } from '../group-commit';
import * as privacy from '../privacy';
import { ProgrammeWatch, type ProgrammeNews } from './watch';

afterEach(() => vi.useRealTimers());

const envelopeFor = (command: unknown) => envelopeSchema.parse({ id: commandId(), command });

function setUp(quietMs = 3000) {
	const db = freshDb();
	db.prepare("INSERT INTO organizations (id, name, created_at) VALUES ('org1', 'DPMD', '2026-01-01')").run();
	const programme = (id: string) =>
		db
			.prepare("INSERT INTO programmes (id, organization_id, name, theme, template, created_by, created_at, updated_at) VALUES (?, 'org1', ?, '', '{}', NULL, '2026-01-01', '2026-01-01')")
			.run(id, id);
	programme('p1');
	programme('p2');
	const inProgramme = (id: string | null) => {
		const s = createSession(db);
		db.prepare("UPDATE sessions SET organization_id = 'org1', programme_id = ? WHERE id = ?").run(id, s.row.id);
		return s;
	};
	const watch = new ProgrammeWatch(kysely(db), quietMs);
	watches.add(watch);
	const writes = new GroupCommit(db, () => {});
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
const remove = async (writes: GroupCommit, db: Db, s: TestSession) => {
	await writes.commit(s.row.id, async (_db, trx) => ({ deleted: await privacy.deleteSessionRows(trx, s.row.id), records: [] }));
	await settled();
};
const execute = async (writes: GroupCommit, s: TestSession, command: unknown) => {
	await writes.execute(s.facilitator, envelopeFor(command));
	await settled();
};

describe('ProgrammeWatch', () => {
	it("tells a programme's watchers when one of its sessions closes, and no one else's", async () => {
		const { watch, writes, inProgramme } = setUp();
		const mine = inProgramme('p1');
		const other = inProgramme('p2');
		const alone = inProgramme(null);
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
		const { db, watch, writes, inProgramme } = setUp(0);
		const s = inProgramme('p1');
		const heard = vi.fn();
		watch.watch('p1', heard);
		// An unknown item: refused, nothing committed to tell.
		await execute(writes, s, { type: 'item.delete', itemId: 'nope' });
		expect(heard).not.toHaveBeenCalled();
		await remove(writes, db, s);
		expect(heard).toHaveBeenCalledTimes(1);
	});

	it('hears of a session added to the programme after the report was opened', async () => {
		const { watch, writes, inProgramme } = setUp(0);
		const heard = vi.fn();
		watch.watch('p1', heard);
		const later = inProgramme('p1');
		await close(writes, later);
		expect(heard).toHaveBeenCalledTimes(1);
	});

	it('tells at once, then at most once per quiet window, never dropping the last change', async () => {
		vi.useFakeTimers({ toFake: ['setTimeout'] });
		const { watch } = setUp(3000);
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
		const { watch, writes, inProgramme } = setUp(0);
		const s = inProgramme('p1');
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
		function twoNodes() {
			const a = setUp();
			const b = new ProgrammeWatch(kysely(a.db));
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
			const { b, writes, db, inProgramme, watch } = twoNodes();
			const s = inProgramme('p1');
			const heard = vi.fn();
			b.watch('p1', heard);
			await close(writes, s);
			expect(heard).toHaveBeenCalledTimes(1);
			vi.advanceTimersByTime(3000);
			await remove(writes, db, s);
			expect(heard).toHaveBeenCalledTimes(2);
			vi.advanceTimersByTime(3000);
			watch.changed('p1');
			expect(heard).toHaveBeenCalledTimes(3);
		});

		it('sends a busy session at most once per window, and nothing for a refused command', async () => {
			vi.useFakeTimers({ toFake: ['setTimeout'] });
			const { writes, inProgramme, news } = twoNodes();
			const s = inProgramme('p1');
			await execute(writes, s, { type: 'note.add', text: 'satu' });
			await execute(writes, s, { type: 'note.add', text: 'dua' });
			await execute(writes, s, { type: 'item.delete', itemId: 'nope' });
			expect(news).toEqual([{ sessionId: s.row.id, logged: true }]);
			vi.advanceTimersByTime(3000);
			expect(news).toHaveLength(2);
		});
	});
});

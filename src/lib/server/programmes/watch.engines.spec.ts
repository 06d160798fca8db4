/** ProgrammeWatch on both engines: it looks a committed session's programme up through the store, a deleted one's too. */
import { expect, it, vi } from 'vitest';
import { bareSession, forEachEngine } from '$lib/testing/engines';
import type { SessionRecord } from '../../realtime/contract';
import { ProgrammeWatch } from './watch';

const logged: SessionRecord[] = [{ seq: 1, at: '2026-01-01T00:00:00.000Z', event: { type: 'item.deleted', itemId: 'x' }, owner: null }];

forEachEngine(({ store }) => {
	const db = () => store().db;

	it("tells a programme's watchers of its sessions' commits, a deletion included, and nobody else's", async () => {
		await db().insertInto('organizations').values({ id: 'org1', name: 'DPMD', created_at: '2026-01-01' } as never).execute();
		for (const id of ['p1', 'p2'])
			await db().insertInto('programmes').values({ id, organization_id: 'org1', name: id, created_at: '2026-01-01', updated_at: '2026-01-01' }).execute();
		const [mine, other, alone] = [await bareSession(store(), 's1'), await bareSession(store(), 's2'), await bareSession(store(), 's3')];
		await db().updateTable('sessions').set({ programme_id: 'p1' }).where('id', '=', mine).execute();
		await db().updateTable('sessions').set({ programme_id: 'p2' }).where('id', '=', other).execute();

		const watch = new ProgrammeWatch(db(), 0);
		const heard = vi.fn();
		const stop = watch.watch('p1', heard);
		await watch.settled();
		watch.committed(other, logged);
		watch.committed(alone, logged);
		watch.committed(mine, []); // refused: nothing to tell
		await watch.settled();
		expect(heard).not.toHaveBeenCalled();
		watch.committed(mine, logged);
		await watch.settled();
		expect(heard).toHaveBeenCalledTimes(1);

		// Gone: no row left to say whose it was, and the watch still knows.
		await db().deleteFrom('sessions').where('id', '=', mine).execute();
		await new Promise((resolve) => setTimeout(resolve, 5));
		watch.committed(mine, []);
		await watch.settled();
		expect(heard).toHaveBeenCalledTimes(2);
		stop();
		expect(watch.watchers('p1')).toBe(0);
	});
});

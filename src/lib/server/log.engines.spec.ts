import { describe, expect, it } from 'vitest';
import { bareSession, forEachEngine } from '$lib/testing/engines';
import { asAccount, recordEvent } from './log';

describe('recordEvent', () => {
	forEachEngine(({ store }) => {
		it('numbers records of a session 1, 2, … and names the account asAccount scoped', async () => {
			const sessionId = await bareSession(store());
			const records = await store()
				.db.transaction()
				.execute(async (trx) => [
					await recordEvent(trx, sessionId, 'facilitator', { type: 'item.deleted', itemId: 'a' }),
					await asAccount('acc-1', () => recordEvent(trx, sessionId, 'facilitator', { type: 'item.deleted', itemId: 'b' }, 'p1'))
				]);
			expect(records.map((r) => [r.seq, r.owner])).toEqual([
				[1, null],
				[2, 'p1']
			]);
			const stored = await store().db.selectFrom('session_events').select(['seq', 'account_id', 'payload']).orderBy('seq').execute();
			expect(stored.map((r) => [r.seq, r.account_id, JSON.parse(r.payload).itemId])).toEqual([
				[1, null, 'a'],
				[2, 'acc-1', 'b']
			]);
		});
	});
});

import { describe, expect, it } from 'vitest';
import { bareSession, forEachEngine } from '$lib/testing/engines';
import * as reports from './reports';
import * as secrets from './secrets';

forEachEngine(({ store }) => {
	const db = () => store().db;

	describe('report links', () => {
		it('hands out the key once and stores only its hash', async () => {
			const sessionId = await bareSession(store());
			const link = await reports.create(db(), sessionId);
			expect(link.key.length).toBeGreaterThanOrEqual(40);
			const stored = JSON.stringify(await db().selectFrom('report_links').selectAll().execute());
			expect(stored).not.toContain(link.key);
			expect(stored).toContain(secrets.hashSecret(link.key));
			expect(await reports.list(db(), sessionId)).toEqual([{ id: link.id, createdAt: link.createdAt, revokedAt: null }]);
		});

		it('opens its own session only, and no longer once revoked', async () => {
			const sessionId = await bareSession(store());
			const link = await reports.create(db(), sessionId);
			const other = await bareSession(store(), 's2');
			expect(await reports.check(db(), sessionId, link.key)).toBe(true);
			expect(await reports.check(db(), other, link.key)).toBe(false);
			expect(await reports.check(db(), sessionId, 'not-the-key')).toBe(false);

			expect(await reports.revoke(db(), sessionId, link.id, new Date('2025-10-25T00:00:00Z'))).toBe(true);
			expect(await reports.check(db(), sessionId, link.key)).toBe(false);
			expect((await reports.list(db(), sessionId))[0].revokedAt).toBe('2025-10-25T00:00:00.000Z');
			// Revoking again keeps the first time; another session's link cannot be revoked from here.
			expect(await reports.revoke(db(), sessionId, link.id)).toBe(true);
			expect((await reports.list(db(), sessionId))[0].revokedAt).toBe('2025-10-25T00:00:00.000Z');
			expect(await reports.revoke(db(), other, link.id)).toBe(false);
		});

		it('lists oldest first, links made in the same instant in the order they were made', async () => {
			const sessionId = await bareSession(store());
			const at = new Date('2025-10-25T00:00:00Z');
			const made = [];
			for (let i = 0; i < 5; i++) made.push((await reports.create(db(), sessionId, at)).id);
			const later = await reports.create(db(), sessionId, new Date('2025-10-26T00:00:00Z'));
			const earlier = await reports.create(db(), sessionId, new Date('2025-10-24T00:00:00Z'));
			expect((await reports.list(db(), sessionId)).map((l) => l.id)).toEqual([earlier.id, ...made, later.id]);
		});
	});
});

import { beforeEach, describe, expect, it } from 'vitest';
import { createSession, freshDb } from '$lib/testing/server';
import type { Db } from './db/database';
import * as reports from './reports';
import * as secrets from './secrets';

let db: Db;
let sessionId: string;

beforeEach(() => {
	db = freshDb();
	sessionId = createSession(db, { title: 'FGD Uji' }).row.id;
});

describe('report links', () => {
	it('hands out the key once and stores only its hash', () => {
		const link = reports.create(db, sessionId);
		expect(link.key.length).toBeGreaterThanOrEqual(40);
		const stored = JSON.stringify(db.prepare('SELECT * FROM report_links').all());
		expect(stored).not.toContain(link.key);
		expect(stored).toContain(secrets.hashSecret(link.key));
		expect(reports.list(db, sessionId)).toEqual([{ id: link.id, createdAt: link.createdAt, revokedAt: null }]);
	});

	it('opens its own session only, and no longer once revoked', () => {
		const link = reports.create(db, sessionId);
		const other = createSession(db, { title: 'Lain' }).row.id;
		expect(reports.check(db, sessionId, link.key)).toBe(true);
		expect(reports.check(db, other, link.key)).toBe(false);
		expect(reports.check(db, sessionId, 'not-the-key')).toBe(false);

		expect(reports.revoke(db, sessionId, link.id, new Date('2025-10-25T00:00:00Z'))).toBe(true);
		expect(reports.check(db, sessionId, link.key)).toBe(false);
		expect(reports.list(db, sessionId)[0].revokedAt).toBe('2025-10-25T00:00:00.000Z');
		// Revoking again keeps the first time; another session's link cannot be revoked from here.
		reports.revoke(db, sessionId, link.id);
		expect(reports.list(db, sessionId)[0].revokedAt).toBe('2025-10-25T00:00:00.000Z');
		expect(reports.revoke(db, other, link.id)).toBe(false);
	});
});

// @sqlite-only: its subject is the SQLite file itself (pragmas, migrations, durability).
import Database from 'better-sqlite3';
import { copyFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordEvent, recordsSince } from '../log';
import * as sessions from '../sessions';
import { sync } from '../sync';
import { addItem, createSession, joinParticipant, send } from '$lib/testing/server';
import { migrate, migrationsDir, openDatabase, type Db } from './database';
import { sqliteStore } from './store';

let dir: string;
const open: Db[] = [];

/** Opens a database and remembers it, so every test closes what it opened. */
function track(db: Db): Db {
	open.push(db);
	return db;
}

/** The store's query handle over this connection, as the server queries it; closed with the connection. */
const kysely = (db: Db) => sqliteStore(db).db;

beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'rembuk-db-'));
});

afterEach(() => {
	for (const db of open.splice(0)) if (db.open) db.close();
	rmSync(dir, { recursive: true, force: true });
});

const schemaOf = (db: Db) => db.prepare('SELECT type, name, sql FROM sqlite_master ORDER BY name').all();
const latestMigration = () => Math.max(...readdirSync(migrationsDir()).map((f) => Number.parseInt(f, 10)).filter(Number.isFinite));

describe('migrations', () => {
	it('bring a new database to the latest version', async () => {
		const db = track(openDatabase(':memory:'));
		expect(db.pragma('user_version', { simple: true })).toBe(latestMigration());
		const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name);
		expect(tables).toEqual(
			expect.arrayContaining(['sessions', 'participants', 'items', 'session_events', 'commands', 'themes', 'votes', 'links', 'action_rows', 'notes'])
		);
	});

	it('applied again, change nothing', async () => {
		const db = track(openDatabase(':memory:'));
		const store = kysely(db);
		const session = await createSession(store);
		const before = schemaOf(db);
		expect(migrate(db)).toBe(latestMigration());
		expect(schemaOf(db)).toEqual(before);
		expect((await sessions.byId(store, session.row.id)).code).toBe(session.row.code);
	});

	it('apply only the files above the stored version, once', async () => {
		const db = track(openDatabase(join(dir, 'rembuk.sqlite')));
		const next = latestMigration() + 1;

		const custom = mkdtempSync(join(dir, 'm-'));
		// Files only: db/migrations/postgres is a directory beside them.
		for (const file of readdirSync(migrationsDir())) if (file.endsWith('.sql')) copyFileSync(join(migrationsDir(), file), join(custom, file));
		writeFileSync(join(custom, `${String(next).padStart(3, '0')}_scratch.sql`), 'CREATE TABLE scratch (id TEXT PRIMARY KEY);');
		writeFileSync(join(custom, 'README.txt'), 'not a migration');

		expect(migrate(db, custom)).toBe(next);
		expect(db.pragma('user_version', { simple: true })).toBe(next);
		expect(migrate(db, custom)).toBe(next); // would fail with "table scratch already exists" if re-run
	});

	it('take a database at 004 (the sample clock) on to 005 (attendance and photos), keeping its sessions', async () => {
		const upTo4 = mkdtempSync(join(dir, 'm-'));
		for (const file of readdirSync(migrationsDir())) if (Number.parseInt(file, 10) <= 4) copyFileSync(join(migrationsDir(), file), join(upTo4, file));
		const db = track(new Database(':memory:'));
		expect(migrate(db, upTo4)).toBe(4);
		const store = kysely(db);
		const session = await createSession(store);

		expect(migrate(db)).toBe(latestMigration());
		expect((await sessions.byId(store, session.row.id)).code).toBe(session.row.code);
		const columns = (db.prepare('PRAGMA table_info(participants)').all() as { name: string }[]).map((c) => c.name);
		expect(columns).toEqual(expect.arrayContaining(['position', 'sex', 'added_by', 'removed_at']));
		expect(db.prepare("SELECT name FROM sqlite_master WHERE name IN ('photos', 'photo_blobs')").all()).toHaveLength(2);
	});

	it('roll back a failing migration completely', async () => {
		const db = track(openDatabase(':memory:'));
		const version = latestMigration();
		const custom = mkdtempSync(join(dir, 'm-'));
		writeFileSync(
			join(custom, `${String(version + 1).padStart(3, '0')}_broken.sql`),
			'CREATE TABLE half (id TEXT); INSERT INTO no_such_table VALUES (1);'
		);
		expect(() => migrate(db, custom)).toThrow(/no_such_table/);
		expect(db.pragma('user_version', { simple: true })).toBe(version);
		expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'half'").get()).toBeUndefined();
	});
});

describe('pragmas', () => {
	it('a file database uses WAL, synchronous FULL and foreign keys', async () => {
		const db = track(openDatabase(join(dir, 'nested', 'rembuk.sqlite')));
		expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
		expect(db.pragma('synchronous', { simple: true })).toBe(2); // 2 = FULL
		expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
	});

	it('foreign keys are enforced', async () => {
		const db = track(openDatabase(':memory:'));
		const insert = db.prepare(
			"INSERT INTO items (id, session_id, kind, text, author_id, created_at, updated_at) VALUES ('i', 'nope', 'k', 't', 'nobody', '', '')"
		);
		expect(() => insert.run()).toThrow(/FOREIGN KEY/);
	});
});

describe('the log', () => {
	it('refuses to append outside a transaction, so seq and tables cannot drift apart', async () => {
		const db = kysely(track(openDatabase(':memory:')));
		const session = await createSession(db);
		await expect(recordEvent(db, session.row.id, 'facilitator', { type: 'item.deleted', itemId: 'x' })).rejects.toThrow(/transaction/);
		expect(await recordsSince(db, session.row.id, 0, 10)).toEqual([]);
	});

	it('survives closing and reopening the file (a restart)', async () => {
		const path = join(dir, 'rembuk.sqlite');
		const firstFile = track(openDatabase(path));
		const first = kysely(firstFile);
		const session = await createSession(first);
		const siti = await joinParticipant(first, session);
		const itemId = await addItem(first, siti.identity, 'Tetap ada setelah restart');
		const retried = await send(first, siti.identity, { type: 'item.edit', itemId, text: 'Sudah diubah' }, 'edit-before-restart');
		const before = await recordsSince(first, session.row.id, 0, 100);
		firstFile.close();

		const second = kysely(track(openDatabase(path)));
		expect(await recordsSince(second, session.row.id, 0, 100)).toEqual(before);
		expect(before.map((r) => r.seq)).toEqual([1, 2, 3]);

		// A retry that arrives after the restart is still recognised.
		const again = await send(second, siti.identity, { type: 'item.edit', itemId, text: 'Sudah diubah' }, 'edit-before-restart');
		expect(again.result).toEqual(retried.result);
		expect(again.records).toEqual([]);

		// The numbering carries on where it stopped.
		expect((await send(second, siti.identity, { type: 'item.delete', itemId })).result).toMatchObject({ ok: true, seq: 4 });
		const result = await sync(second, siti.identity, 2);
		expect(result.ok && result.mode === 'events' && result.records.map((r) => r.seq)).toEqual([3, 4]);
	});
});

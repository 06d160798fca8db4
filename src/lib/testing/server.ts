/**
 * Server fixtures: a session with its roles, participants joined the way the HTTP route joins them,
 * and commands sent the way the socket handler sends them (parsed first), on any store. Fresh stores
 * on this run's engine come from ./stores. No vitest here: the benches build programmes with these.
 * Test code only: a guard spec (./imports.spec.ts) fails if production code imports it.
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { ParticipantView, Phase } from '../domain/types';
import type { CommandEnvelope, SocketIdentity } from '../realtime/contract';
import { createSessionSchema, envelopeSchema, joinSchema } from '../realtime/schemas';
import { execute, type Executed } from '../server/commands';
import type { Schema } from '../server/db/schema';
import { engineOf, type Database, type StoreTransaction } from '../server/db/store';
import * as participants from '../server/participants';
import * as sessions from '../server/sessions';

/** A phone-made participant token: 128 random bits, base64url (22 characters). */
export const newToken = () => randomBytes(16).toString('base64url');

let commandCounter = 0;
/** A valid, unique client command id. */
export const commandId = () => `cmd-${String(++commandCounter).padStart(6, '0')}`;

export interface TestSession {
	row: sessions.SessionRow;
	facilitatorKey: string;
	minutetakerKey: string;
	facilitator: SocketIdentity;
	minutetaker: SocketIdentity;
	presenter: SocketIdentity;
}

/** Creates a session from the same input the HTTP API accepts; `overrides` change that input. */
export async function createSession(db: Database, overrides: Record<string, unknown> = {}): Promise<TestSession> {
	const input = createSessionSchema.parse({ title: 'FGD RPJMD Kutai Timur', startsAt: '2025-10-24T09:00', ...overrides });
	const created = await sessions.create(db, input);
	const row = await sessions.byId(db, created.id);
	const base = { sessionId: row.id, code: row.code, participantId: null };
	return {
		row,
		facilitatorKey: created.facilitatorKey,
		minutetakerKey: created.minutetakerKey,
		facilitator: { ...base, role: 'facilitator' },
		minutetaker: { ...base, role: 'minutetaker' },
		presenter: { ...base, role: 'presenter' }
	};
}

export interface TestParticipant {
	id: string;
	token: string;
	identity: SocketIdentity;
	/** The participant as every view lists them. */
	view: ParticipantView;
}

export async function joinParticipant(
	db: Database,
	session: TestSession,
	name = 'Siti Aminah',
	token = newToken(),
	group = 'akademisi',
	institution = 'Universitas Mulawarman'
): Promise<TestParticipant> {
	const input = joinSchema.parse({ token, name, group, institution, consent: true });
	const { participant } = await inTransaction(db, async (trx) => participants.join(trx, await sessions.byId(trx, session.row.id), input));
	return {
		id: participant.id,
		token,
		identity: { sessionId: session.row.id, code: session.row.code, role: 'participant', participantId: participant.id },
		view: participant
	};
}

/**
 * Runs `write` in a store transaction of its own over `db` and commits it, as the group commit
 * would with a group of one; rolls back and rethrows if `write` throws.
 */
export async function inTransaction<T>(db: Database, write: (trx: StoreTransaction) => Promise<T>): Promise<T> {
	const trx = await db.startTransaction().execute();
	try {
		const result = await write(trx);
		await trx.commit().execute();
		return result;
	} catch (error) {
		await trx.rollback().execute().catch(() => {});
		throw error;
	}
}

/** Executes a validated command in a transaction of its own, as a group of one. */
export function executeAlone(db: Database, who: SocketIdentity, envelope: CommandEnvelope): Promise<Executed> {
	return inTransaction(db, (trx) => execute(trx, who, envelope));
}

/** Validates a raw command as the socket handler does, then executes it in a transaction of its own. */
export async function send(db: Database, who: SocketIdentity, command: unknown, id: string = commandId()): Promise<Executed> {
	return executeAlone(db, who, envelopeSchema.parse({ id, command }));
}

/** Sends a command that must succeed, failing loudly (with the refusal) if it did not. */
export async function must(db: Database, who: SocketIdentity, command: unknown, id?: string): Promise<Executed> {
	const executed = await send(db, who, command, id);
	if (!executed.result.ok) throw new Error(`${(command as { type: string }).type} refused: ${JSON.stringify(executed.result)}`);
	return executed;
}

/** Moves the session to `phase` as the facilitator would; no-op when it is there already. */
export async function setPhase(db: Database, session: TestSession, phase: Phase): Promise<void> {
	if ((await sessions.byId(db, session.row.id)).phase === phase) return;
	await must(db, session.facilitator, { type: 'phase.set', phase });
}

/** The session as every role sees it now. */
export const viewOf = async (db: Database, session: TestSession) => sessions.toView(await sessions.byId(db, session.row.id));

/** Adds an item and returns its id, failing loudly if the command was refused. */
export async function addItem(db: Database, who: SocketIdentity, text = 'Akses jalan desa rusak', extra: Record<string, unknown> = {}): Promise<string> {
	const { result } = await send(db, who, { type: 'item.add', kind: 'kendala', text, ...extra });
	if (!result.ok || !result.itemId) throw new Error(`item.add refused: ${JSON.stringify(result)}`);
	return result.itemId;
}

/**
 * This store's tables. On PostgreSQL the catalog of its own schema only, not Kysely's
 * introspection: that reads every schema of the database, and other spec files drop their scratch
 * schemas meanwhile.
 */
async function tablesOf(db: Database): Promise<string[]> {
	const listed =
		engineOf(db) === 'postgres'
			? sql<{ name: string }>`SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() ORDER BY 1`
			: sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY 1`;
	return (await listed.execute(db)).rows.map((r) => r.name);
}

const tablesCache = new WeakMap<Database, string[]>();

/**
 * Every row of every table, to prove that something changed nothing. Cheap enough for thousands
 * of comparisons (hostile-input.spec.ts): the tables are listed once per store, and PostgreSQL
 * reads them all in one round trip.
 */
export async function dumpTables(db: Database): Promise<Record<string, unknown[]>> {
	const tables = tablesCache.get(db) ?? (await tablesOf(db));
	tablesCache.set(db, tables);
	if (engineOf(db) === 'postgres') {
		const columns = tables.map((name) => sql`(SELECT coalesce(json_agg(r), '[]') FROM (SELECT * FROM ${sql.table(name)} ORDER BY 1, 2) r) AS ${sql.id(name)}`);
		return (await sql<Record<string, unknown[]>>`SELECT ${sql.join(columns)}`.execute(db)).rows[0];
	}
	const dump: Record<string, unknown[]> = {};
	for (const name of tables) dump[name] = (await sql`SELECT * FROM ${sql.table(name)} ORDER BY 1, 2`.execute(db)).rows;
	return dump;
}

/**
 * Leaves an item by nobody in `trx` with its foreign keys checked only at COMMIT, so that the
 * commit itself fails. PostgreSQL defers only a constraint declared deferrable: this transaction
 * declares it so, and that is undone with the rest of it.
 */
export async function poisonCommit(trx: Database, sessionId: string): Promise<void> {
	if (engineOf(trx) === 'sqlite') await sql`PRAGMA defer_foreign_keys = ON`.execute(trx);
	else await sql`ALTER TABLE items ALTER CONSTRAINT items_author_id_fkey DEFERRABLE INITIALLY DEFERRED`.execute(trx);
	await sql`INSERT INTO items (id, session_id, kind, text, author_id, created_at, updated_at) VALUES ('x', ${sessionId}, 'kendala', 'x', 'nobody', '', '')`.execute(trx);
}

/** How many rows `table` holds, in every session. */
export async function rowCount(db: Database, table: keyof Schema): Promise<number> {
	return (await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;
}

/** The log as stored, for asserting on seq numbers. */
export async function storedSeqs(db: Database, sessionId: string): Promise<number[]> {
	const rows = await db.selectFrom('session_events').select('seq').where('session_id', '=', sessionId).orderBy('seq').execute();
	return rows.map((r) => r.seq);
}

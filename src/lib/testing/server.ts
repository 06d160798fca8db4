/**
 * Server fixtures: a fresh database, a session with its roles, participants joined the way the
 * HTTP route joins them, and commands sent the way the socket handler sends them (parsed first).
 * Test code only: a guard spec (./imports.spec.ts) fails if production code imports it.
 */
import { randomBytes } from 'node:crypto';
import type { ParticipantView, Phase } from '../domain/types';
import type { CommandEnvelope, SocketIdentity } from '../realtime/contract';
import { createSessionSchema, envelopeSchema, joinSchema } from '../realtime/schemas';
import { execute, type Executed } from '../server/commands';
import { getContext } from '../server/context';
import { openDatabase, type Db } from '../server/db/database';
import * as participants from '../server/participants';
import type { StoreTransaction } from '../server/db/store';
import * as sessions from '../server/sessions';
import { kysely } from './orgs';

export const freshDb = (): Db => openDatabase(':memory:');

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
export function createSession(db: Db, overrides: Record<string, unknown> = {}): TestSession {
	const input = createSessionSchema.parse({ title: 'FGD RPJMD Kutai Timur', startsAt: '2025-10-24T09:00', ...overrides });
	const created = sessions.create(db, input);
	const row = sessions.byId(db, created.id);
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
	db: Db,
	session: TestSession,
	name = 'Siti Aminah',
	token = newToken(),
	group = 'akademisi',
	institution = 'Universitas Mulawarman'
): Promise<TestParticipant> {
	const input = joinSchema.parse({ token, name, group, institution, consent: true });
	const { participant } = await inTransaction(db, (trx) => participants.join(trx, sessions.byId(db, session.row.id), input));
	return {
		id: participant.id,
		token,
		identity: { sessionId: session.row.id, code: session.row.code, role: 'participant', participantId: participant.id },
		view: participant
	};
}

/** Who joins in `sessionWith`: a name, or a name with a stakeholder group. */
export type Joiner = string | { name: string; group: string };

/**
 * The set-up most server specs share: a fresh in-memory database, a session (with `overrides`
 * to its creation input) and these people joined, in order.
 */
export async function sessionWith(people: Joiner[] = [], overrides: Record<string, unknown> = {}) {
	const db = freshDb();
	const session = createSession(db, overrides);
	const joined: TestParticipant[] = [];
	for (const p of people)
		joined.push(typeof p === 'string' ? await joinParticipant(db, session, p) : await joinParticipant(db, session, p.name, newToken(), p.group));
	return { db, session, people: joined };
}

/**
 * For specs of routes and of code that reads the app's shared context: that context on an
 * in-memory database, and a new session in it.
 */
export function sessionInContext(overrides: Record<string, unknown> = {}): TestSession {
	process.env.DATABASE_PATH = ':memory:';
	return createSession(getContext().db, overrides);
}

/**
 * Runs `write` in a store transaction of its own over `db` and commits it, as the group commit
 * would with a group of one; rolls back and rethrows if `write` throws.
 */
export async function inTransaction<T>(db: Db, write: (trx: StoreTransaction) => Promise<T>): Promise<T> {
	const trx = await kysely(db).startTransaction().execute();
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
export function executeAlone(db: Db, who: SocketIdentity, envelope: CommandEnvelope): Promise<Executed> {
	return inTransaction(db, (trx) => execute(db, trx, who, envelope));
}

/** Validates a raw command as the socket handler does, then executes it in a transaction of its own. */
export async function send(db: Db, who: SocketIdentity, command: unknown, id: string = commandId()): Promise<Executed> {
	return executeAlone(db, who, envelopeSchema.parse({ id, command }));
}

/** Sends a command that must succeed, failing loudly (with the refusal) if it did not. */
export async function must(db: Db, who: SocketIdentity, command: unknown, id?: string): Promise<Executed> {
	const executed = await send(db, who, command, id);
	if (!executed.result.ok) throw new Error(`${(command as { type: string }).type} refused: ${JSON.stringify(executed.result)}`);
	return executed;
}

/** Moves the session to `phase` as the facilitator would; no-op when it is there already. */
export async function setPhase(db: Db, session: TestSession, phase: Phase): Promise<void> {
	if (sessions.byId(db, session.row.id).phase === phase) return;
	await must(db, session.facilitator, { type: 'phase.set', phase });
}

/** The session as every role sees it now. */
export const viewOf = (db: Db, session: TestSession) => sessions.toView(sessions.byId(db, session.row.id));

/** Adds an item and returns its id, failing loudly if the command was refused. */
export async function addItem(db: Db, who: SocketIdentity, text = 'Akses jalan desa rusak', extra: Record<string, unknown> = {}): Promise<string> {
	const { result } = await send(db, who, { type: 'item.add', kind: 'kendala', text, ...extra });
	if (!result.ok || !result.itemId) throw new Error(`item.add refused: ${JSON.stringify(result)}`);
	return result.itemId;
}

/** Every row of every table, to prove that something changed nothing. */
export function dumpTables(db: Db): Record<string, unknown[]> {
	const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[];
	return Object.fromEntries(tables.map(({ name }) => [name, db.prepare(`SELECT * FROM "${name}" ORDER BY 1, 2`).all()]));
}

/** The log as stored, for asserting on seq numbers. */
export function storedSeqs(db: Db, sessionId: string): number[] {
	const rows = db.prepare('SELECT seq FROM session_events WHERE session_id = ? ORDER BY seq').all(sessionId) as { seq: number }[];
	return rows.map((r) => r.seq);
}

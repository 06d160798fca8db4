/**
 * Runs one client command: idempotent by its client id, authorized, validated against the
 * session's state, and committed together with its log records before anyone is told.
 */
import { refusal } from '../domain/authorize';
import type { CommandEnvelope, CommandResult, SessionRecord, SocketIdentity } from '../realtime/contract';
import type { Command } from '../realtime/schemas';
import { earlierAnswer, lastSeq, rememberAnswer, type CommandKey } from './db/log-store';
import type { StoreTransaction } from './db/store';
import { Rejected, type CommandContext, type Handler, type Outcome } from './handlers/context';
import { HANDLERS } from './handlers';
import { asAccount } from './log';
import * as sessions from './sessions';
import * as spotlight from './spotlight';

export { Rejected };

export interface Executed {
	result: CommandResult;
	/** New records to broadcast; empty for a rejected command or a recognised retry. */
	records: SessionRecord[];
}

/** The transaction a command runs in: the group commit's, or one a test opened (src/lib/testing/server.ts). */
type CommandTransaction = StoreTransaction;

export const actorOf = (who: SocketIdentity) => (who.participantId ? `p:${who.participantId}` : who.role);

const SAVEPOINT = 'command';

/**
 * Runs the command inside `trx`, in a savepoint of its own: a refused or failed command changes
 * nothing and is answered, never thrown.
 */
export async function execute(trx: CommandTransaction, who: SocketIdentity, envelope: CommandEnvelope): Promise<Executed> {
	const key: CommandKey = { sessionId: who.sessionId, actor: actorOf(who), commandId: envelope.id };
	const inside = await trx.savepoint(SAVEPOINT).execute();
	try {
		const executed = await executeOnce(inside, who, envelope, key);
		await inside.releaseSavepoint(SAVEPOINT).execute();
		return executed;
	} catch (error) {
		await undo(inside);
		if (error instanceof Rejected) return { result: { ok: false, error: { code: error.code, message: error.message } }, records: [] };
		// Answer the client (it will retry with the same id) instead of letting the error escape the
		// socket handler, where it would stop the whole server.
		console.error('command failed', envelope.command.type, error);
		return { result: { ok: false, error: { code: 'internal', message: 'The server could not save this; try again' } }, records: [] };
	}
}

async function executeOnce(trx: CommandTransaction, who: SocketIdentity, envelope: CommandEnvelope, key: CommandKey): Promise<Executed> {
	const earlier = await earlierAnswer<CommandResult>(trx, key);
	if (earlier) return { result: earlier, records: [] };
	const { records, itemId, id } = await apply(trx, who, envelope.command);
	// A command that changes nothing (a second support of the same item) logs nothing and is
	// acknowledged at the session's current seq: the board already shows what it asked for.
	const last = records.at(-1) ?? { seq: await lastSeq(trx, who.sessionId), at: new Date().toISOString() };
	const result: CommandResult = { ok: true, seq: last.seq, ...(itemId ? { itemId } : {}), ...(id ? { id } : {}) };
	await rememberAnswer(trx, key, result, last.at);
	return { result, records };
}

/**
 * Rolls the command's savepoint back. Some SQLite errors have already rolled the whole transaction
 * back, and then there is no savepoint left: the group commit notices and fails the group.
 */
async function undo(inside: CommandTransaction) {
	try {
		await inside.rollbackToSavepoint(SAVEPOINT).execute();
	} catch (error) {
		console.error('could not undo a command', error);
	}
}

async function apply(trx: CommandTransaction, who: SocketIdentity, command: Command): Promise<Outcome> {
	const session = await sessions.byId(trx, who.sessionId);
	const refused = refusal(who.role, command.type, session.status);
	if (refused === 'forbidden') throw new Rejected('forbidden', `A ${who.role} may not ${command.type}`);
	if (refused === 'session_closed') throw new Rejected('session_closed', 'The session is closed');
	const context: CommandContext = { trx, who, actor: actorOf(who), session, view: sessions.toView(session), now: Date.now() };
	// TypeScript cannot tie the looked-up handler to this command's own type; HANDLERS' mapped type does.
	const handler = HANDLERS[command.type] as Handler<Command['type']>;
	// Staff acting from an account (a console opened from /org): every record it writes names the account.
	return asAccount(who.accountId, async () => {
		const outcome = await handler(context, command);
		return { ...outcome, records: [...outcome.records, ...(await spotlight.followUp(trx, session))] };
	});
}

/**
 * Runs one client command: idempotent by its client id, authorized, validated against the
 * session's state, and committed together with its log records before anyone is told.
 */
import { refusal } from '../domain/authorize';
import type { CommandEnvelope, CommandResult, SessionRecord, SocketIdentity } from '../realtime/contract';
import type { Command } from '../realtime/schemas';
import type { Db } from './db/database';
import { sql } from './db/statements';
import { Rejected, type CommandContext, type Handler, type Outcome } from './handlers/context';
import { HANDLERS } from './handlers';
import { lastSeq, asAccount } from './log';
import * as sessions from './sessions';
import * as spotlight from './spotlight';

export { Rejected };

export interface Executed {
	result: CommandResult;
	/** New records to broadcast; empty for a rejected command or a recognised retry. */
	records: SessionRecord[];
}

export const actorOf = (who: SocketIdentity) => (who.participantId ? `p:${who.participantId}` : who.role);

export function execute(db: Db, who: SocketIdentity, envelope: CommandEnvelope): Executed {
	const actor = actorOf(who);
	try {
		return db.transaction((): Executed => {
			const earlier = sql(db, 'SELECT result FROM commands WHERE session_id = ? AND actor = ? AND command_id = ?').get(
				who.sessionId,
				actor,
				envelope.id
			) as { result: string } | undefined;
			if (earlier) return { result: JSON.parse(earlier.result), records: [] };

			const { records, itemId, id } = apply(db, who, envelope.command);
			// A command that changes nothing (a second support of the same item) logs nothing and is
			// acknowledged at the session's current seq: the board already shows what it asked for.
			const last = records.at(-1) ?? { seq: lastSeq(db, who.sessionId), at: new Date().toISOString() };
			const result: CommandResult = { ok: true, seq: last.seq, ...(itemId ? { itemId } : {}), ...(id ? { id } : {}) };
			sql(db, 'INSERT INTO commands (session_id, actor, command_id, result, at) VALUES (?, ?, ?, ?, ?)').run(
				who.sessionId,
				actor,
				envelope.id,
				JSON.stringify(result),
				last.at
			);
			return { result, records };
		})();
	} catch (error) {
		if (error instanceof Rejected) return { result: { ok: false, error: { code: error.code, message: error.message } }, records: [] };
		// The transaction rolled back; answer the client (it will retry with the same id) instead
		// of letting the error escape the socket handler, where it would stop the whole server.
		console.error('command failed', envelope.command.type, error);
		return { result: { ok: false, error: { code: 'internal', message: 'The server could not save this; try again' } }, records: [] };
	}
}

function apply(db: Db, who: SocketIdentity, command: Command): Outcome {
	const session = sessions.byId(db, who.sessionId);
	const refused = refusal(who.role, command.type, session.status);
	if (refused === 'forbidden') throw new Rejected('forbidden', `A ${who.role} may not ${command.type}`);
	if (refused === 'session_closed') throw new Rejected('session_closed', 'The session is closed');
	const context: CommandContext = { db, who, actor: actorOf(who), session, view: sessions.toView(session), now: Date.now() };
	// TypeScript cannot tie the looked-up handler to this command's own type; HANDLERS' mapped type does.
	const handler = HANDLERS[command.type] as Handler<Command['type']>;
	// Staff acting from an account (a console opened from /org): every record it writes names the account.
	return asAccount(who.accountId, () => {
		const outcome = handler(context, command);
		return { ...outcome, records: [...outcome.records, ...spotlight.followUp(db, session)] };
	});
}

/**
 * Runs one client command: idempotent by its client id, authorized, validated against the
 * session's state, and committed together with its log records before anyone is told.
 */
import { mayRun, mayTouchItem } from '../domain/authorize';
import type { CommandEnvelope, CommandResult, ErrorCode, SessionRecord, SocketIdentity } from '../realtime/contract';
import type { Command } from '../realtime/schemas';
import type { Db } from './db/database';
import { sql } from './db/statements';
import * as items from './items';
import * as sessions from './sessions';

export class Rejected extends Error {
	constructor(
		readonly code: ErrorCode,
		message: string
	) {
		super(message);
	}
}

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

			const { records, itemId } = apply(db, who, envelope.command);
			const last = records[records.length - 1];
			const result: CommandResult = { ok: true, seq: last.seq, ...(itemId ? { itemId } : {}) };
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

function apply(db: Db, who: SocketIdentity, command: Command): { records: SessionRecord[]; itemId?: string } {
	if (!mayRun(who.role, command.type)) throw new Rejected('forbidden', `A ${who.role} may not ${command.type}`);
	const session = sessions.byId(db, who.sessionId);
	if (session.status === 'closed') throw new Rejected('session_closed', 'The session is closed');
	const actor = actorOf(who);

	switch (command.type) {
		case 'item.add': {
			const kinds = sessions.toView(session).kinds;
			if (!kinds.some((k) => k.key === command.kind)) throw new Rejected('invalid_input', 'Unknown kind');
			if (command.anonymous && session.allow_anonymous !== 1)
				throw new Rejected('anonymous_not_allowed', 'Anonymous posting is off in this session');
			const record = items.add(db, session.id, who.participantId!, command);
			return { records: [record], itemId: (record.event as { item: { id: string } }).item.id };
		}
		case 'item.edit':
		case 'item.delete': {
			const item = items.find(db, session.id, command.itemId);
			if (!item) throw new Rejected('not_found', 'No such item');
			if (!mayTouchItem(who.participantId, item.author_id))
				throw new Rejected('forbidden', 'Only the author may change this item');
			const record =
				command.type === 'item.edit' ? items.edit(db, item, actor, command.text) : items.remove(db, item, actor);
			return { records: [record], itemId: item.id };
		}
		case 'session.settings': {
			if (command.kinds && items.count(db, session.id) > 0)
				throw new Rejected('kinds_locked', 'Kinds can change only before the first item');
			return { records: [sessions.updateSettings(db, session, command)] };
		}
		case 'session.close':
			return { records: [sessions.close(db, session)] };
	}
}

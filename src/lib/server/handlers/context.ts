/** What every command handler receives, and the one way a handler refuses. */
import type { StaffSessionView } from '../../domain/types';
import type { Command, ErrorCode, SessionRecord, SocketIdentity } from '../../realtime/contract';
import type { Kysely } from 'kysely';
import type { Schema } from '../db/schema';
import type { SessionRow } from '../sessions';

export class Rejected extends Error {
	constructor(
		readonly code: ErrorCode,
		message: string
	) {
		super(message);
	}
}

export interface CommandContext {
	/** The command's transaction: what a handler writes is undone with a refusal. */
	trx: Kysely<Schema>;
	who: SocketIdentity;
	/** `facilitator`, `minutetaker`, or `p:<participantId>`, as stored in the log. */
	actor: string;
	session: SessionRow;
	view: StaffSessionView;
	/** Server time in ms, read once per command. */
	now: number;
}

export interface Outcome {
	records: SessionRecord[];
	itemId?: string;
	/** Id of what the command created (a theme, an action row, a note), for the sender. */
	id?: string;
}

/**
 * What one command does, given its validated payload; authorization has already passed. A handler
 * converted to the store awaits its queries through `context.trx`; on SQLite it must await nothing
 * else (see group-commit.ts).
 */
export type Handler<T extends Command['type']> = (
	context: CommandContext,
	command: Extract<Command, { type: T }>
) => Outcome | Promise<Outcome>;

/** Part of the handler table: each handler file covers some commands (declare it with `satisfies`). */
export type Handlers = { [T in Command['type']]?: Handler<T> };

/** Every command's handler: a command of the schema without one fails `npm run check`. */
export type HandlerTable = { [T in Command['type']]: Handler<T> };

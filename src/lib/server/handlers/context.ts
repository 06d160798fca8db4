/** What every command handler receives, and the one way a handler refuses. */
import type { SessionView } from '../../domain/types';
import type { Command, ErrorCode, SessionRecord, SocketIdentity } from '../../realtime/contract';
import type { Db } from '../db/database';
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
	db: Db;
	who: SocketIdentity;
	/** `facilitator`, `minutetaker`, or `p:<participantId>`, as stored in the log. */
	actor: string;
	session: SessionRow;
	view: SessionView;
	/** Server time in ms, read once per command. */
	now: number;
}

export interface Outcome {
	records: SessionRecord[];
	itemId?: string;
}

export type Handlers = {
	[T in Command['type']]?: (context: CommandContext, command: Extract<Command, { type: T }>) => Outcome;
};

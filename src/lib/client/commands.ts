/**
 * How the console and the minute-taker send a command they wait on: one at a time, with the
 * refusal in the user's words. (The phone queues its commands in the outbox instead and shows
 * a refusal with the same `refusalText`.)
 */
import type { Command } from '../realtime/contract';
import { refusalText } from './api';
import type { LiveSession } from './live.svelte';

/** Resolves to '' when the command was applied, else why not, in the user's language. */
export async function attempt(live: Pick<LiveSession, 'send'>, command: Command): Promise<string> {
	const result = await live.send(command);
	return result.ok ? '' : refusalText(result.error.code);
}

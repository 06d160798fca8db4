/** Session commands: settings, details, phases and the countdown; the facilitator's alone. */
import { mayMove } from '../../domain/phases';
import type { Timer } from '../../domain/types';
import * as items from '../items';
import * as sessions from '../sessions';
import { Rejected, type CommandContext, type Handlers } from './context';

const cleared: Timer = { endsAt: null, remainingMs: null, lockOnEnd: false };
const iso = (ms: number) => new Date(ms).toISOString();

async function timer(context: CommandContext, next: Timer) {
	return { records: [await sessions.setTimer(context.trx, context.session, next)] };
}

export const sessionHandlers = {
	'session.settings': async (context, command) => {
		if (command.kinds && (await items.count(context.trx, context.session.id)) > 0)
			throw new Rejected('kinds_locked', 'Kinds can change only before the first item');
		return { records: [await sessions.updateSettings(context.trx, context.session, command)] };
	},
	'session.close': async (context) => ({ records: await sessions.close(context.trx, context.session) }),
	'session.details': async (context, command) => ({
		records: [await sessions.setDetails(context.trx, context.session, context.actor, { ...context.view.details, ...command.details })]
	}),
	'phase.set': async (context, command) => {
		if (command.phase === 'closed') return { records: await sessions.close(context.trx, context.session) };
		if (!mayMove(context.view.phase, command.phase)) throw new Rejected('invalid_input', 'Already in this phase');
		const records = [await sessions.setPhase(context.trx, context.session, command.phase)];
		// A countdown belongs to the phase it was started in; its lock must not follow into the next.
		const { endsAt, remainingMs } = context.view.timer;
		if (endsAt !== null || remainingMs !== null) records.push(await sessions.setTimer(context.trx, context.session, cleared));
		return { records };
	},
	'phase.kinds': async (context, command) => {
		const known = new Set(context.view.kinds.map((k) => k.key));
		if (command.kinds.some((k) => !known.has(k))) throw new Rejected('invalid_input', 'Unknown kind');
		// Store only what the facilitator chose; the other phases keep following the defaults.
		const overrides = { ...JSON.parse(context.session.phase_kinds), [command.phase]: command.kinds };
		return { records: [await sessions.setPhaseKinds(context.trx, context.session, overrides)] };
	},
	'timer.start': (context, command) =>
		timer(context, { endsAt: iso(context.now + command.seconds * 1000), remainingMs: null, lockOnEnd: command.lockOnEnd }),
	'timer.pause': (context) => {
		const { endsAt, lockOnEnd } = context.view.timer;
		if (!endsAt) throw new Rejected('invalid_input', 'The timer is not running');
		if (Date.parse(endsAt) <= context.now) throw new Rejected('invalid_input', 'The countdown has already ended');
		return timer(context, { endsAt: null, remainingMs: Math.max(0, Date.parse(endsAt) - context.now), lockOnEnd });
	},
	'timer.resume': (context) => {
		const { remainingMs, lockOnEnd } = context.view.timer;
		if (remainingMs === null) throw new Rejected('invalid_input', 'The timer is not paused');
		return timer(context, { endsAt: iso(context.now + remainingMs), remainingMs: null, lockOnEnd });
	},
	'timer.extend': (context, command) => {
		const current = context.view.timer;
		const delta = command.seconds * 1000;
		if (current.endsAt)
			return timer(context, { ...current, endsAt: iso(Math.max(context.now, Date.parse(current.endsAt)) + delta) });
		if (current.remainingMs !== null) return timer(context, { ...current, remainingMs: Math.max(0, current.remainingMs + delta) });
		throw new Rejected('invalid_input', 'Start the timer first');
	},
	'timer.clear': (context) => timer(context, cleared)
} satisfies Handlers;

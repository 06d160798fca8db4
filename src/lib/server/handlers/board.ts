/** Themes, dot votes, links, the action plan and the minute-taker's notes. */
import { mayTouchItem } from '../../domain/authorize';
import { mayLink } from '../../domain/links';
import { checkVote } from '../../domain/votes';
import * as actions from '../actions';
import * as items from '../items';
import * as links from '../item-links';
import * as notes from '../notes';
import * as sessions from '../sessions';
import * as themes from '../themes';
import * as votes from '../votes';
import type { SessionRecord } from '../../realtime/contract';
import { Rejected, type CommandContext, type Handlers, type Outcome } from './context';

async function mustTheme(context: CommandContext, themeId: string) {
	const theme = await themes.find(context.trx, context.session.id, themeId);
	if (!theme) throw new Rejected('not_found', 'No such theme');
	return theme;
}

async function visibleItem(context: CommandContext, itemId: string) {
	const item = await items.find(context.trx, context.session.id, itemId);
	if (!item || item.status !== 'visible') throw new Rejected('not_found', 'No such item');
	return item;
}

async function anyItem(context: CommandContext, itemId: string) {
	const item = await items.find(context.trx, context.session.id, itemId);
	if (!item) throw new Rejected('not_found', 'No such item');
	return item;
}

/** The outcome of a command that made something, with its id for the sender. */
function created(record: SessionRecord, field: 'theme' | 'row' | 'note'): Outcome {
	const made = (record.event as unknown as Record<string, { id: string }>)[field];
	return { records: [record], id: made.id };
}

export const boardHandlers = {
	'theme.create': async (context, command) => created(await themes.create(context.trx, context.session.id, command.name), 'theme'),
	'theme.rename': async (context, command) => ({
		records: [await themes.rename(context.trx, context.session.id, await mustTheme(context, command.themeId), command.name)]
	}),
	'theme.delete': async (context, command) => {
		await mustTheme(context, command.themeId);
		return { records: [await themes.remove(context.trx, context.session.id, command.themeId)] };
	},
	'themes.order': async (context, command) => {
		const current = (await themes.list(context.trx, context.session.id)).map((t) => t.id);
		const same = command.themeIds.length === current.length && current.every((id) => command.themeIds.includes(id));
		if (!same) throw new Rejected('invalid_input', 'List every theme exactly once');
		return { records: [await themes.order(context.trx, context.session.id, command.themeIds)] };
	},
	'vote.set': async (context, command) => {
		const { view, trx, session, who } = context;
		if (view.phase !== 'voting') throw new Rejected('phase_closed', 'Voting is not open');
		if (view.voting.target === 'themes') await mustTheme(context, command.targetId);
		else await visibleItem(context, command.targetId);
		// Read and written in one transaction: two tabs of one phone cannot overspend together.
		const placed = await votes.countedBy(trx, session.id, who.participantId!, view.voting.target);
		const check = checkVote(placed, command.targetId, command.count, view.voting);
		if (!check.ok) throw new Rejected(check.reason, check.reason === 'over_cap' ? 'Too many dots on one choice' : 'No dots left');
		const vote = { participantId: who.participantId!, targetId: command.targetId, count: command.count };
		return { records: [await votes.set(trx, session.id, vote)] };
	},
	'voting.settings': async (context, command) => {
		const { revealed, ...rest } = command;
		const voting = { ...context.view.voting, ...rest, ...(revealed === undefined ? {} : { revealed }) };
		return { records: [await sessions.setVoting(context.trx, context.session, voting)] };
	},
	'link.set': async (context, command) => {
		// Unlinking works whatever became of the items; a new link needs both on the board.
		const find = command.linked ? visibleItem : anyItem;
		const recommendation = await find(context, command.recommendationId);
		const target = await find(context, command.targetId);
		if (!mayLink(context.view.kinds, recommendation.kind, target.kind))
			throw new Rejected('invalid_input', 'Link a recommendation to a constraint or an opportunity');
		if (!mayTouchItem(context.who.role, context.who.participantId, recommendation.author_id))
			throw new Rejected('forbidden', 'Only the author of the recommendation may link it');
		const link = { recommendationId: recommendation.id, targetId: target.id };
		return { records: [await links.set(context.trx, context.session.id, context.actor, link, command.linked)] };
	},
	'action.save': async (context, command) => {
		if (command.row.id && !(await actions.exists(context.trx, context.session.id, command.row.id)))
			throw new Rejected('not_found', 'No such action row');
		return created(await actions.save(context.trx, context.session.id, context.actor, command.row), 'row');
	},
	'action.delete': async (context, command) => {
		if (!(await actions.exists(context.trx, context.session.id, command.rowId))) throw new Rejected('not_found', 'No such action row');
		return { records: [await actions.remove(context.trx, context.session.id, context.actor, command.rowId)] };
	},
	'note.add': async (context, command) =>
		created(await notes.add(context.trx, context.session.id, context.actor, context.view.phase, command.text, command.speaker), 'note'),
	'note.delete': async (context, command) => {
		if (!(await notes.exists(context.trx, context.session.id, command.noteId))) throw new Rejected('not_found', 'No such note');
		return { records: [await notes.remove(context.trx, context.session.id, context.actor, command.noteId)] };
	}
} satisfies Handlers;

/** Item commands: participants post and change their own; the facilitator moderates and groups. */
import { mayTouchItem } from '../../domain/authorize';
import { accepts } from '../../domain/phases';
import * as items from '../items';
import * as supports from '../supports';
import * as themes from '../themes';
import { Rejected, type CommandContext, type Handlers } from './context';

async function mustFind(context: CommandContext, itemId: string) {
	const item = await items.find(context.trx, context.session.id, itemId);
	if (!item || item.status === 'merged') throw new Rejected('not_found', 'No such item');
	return item;
}

/** The author, or the facilitator moderating; a merged or hidden item is the facilitator's alone. */
async function mustOwn(context: CommandContext, itemId: string) {
	const item = await mustFind(context, itemId);
	const { role, participantId } = context.who;
	if (!mayTouchItem(role, participantId, item.author_id)) throw new Rejected('forbidden', 'Only the author may change this item');
	if (role !== 'facilitator' && item.status === 'hidden') throw new Rejected('forbidden', 'The facilitator has hidden this item');
	return item;
}

export const itemHandlers = {
	'item.add': async (context, command) => {
		const { view, trx, session, who } = context;
		if (!view.kinds.some((k) => k.key === command.kind)) throw new Rejected('invalid_input', 'Unknown kind');
		if (!accepts(view, command.kind, context.now))
			throw new Rejected('phase_closed', 'This phase does not accept new items of this kind');
		if (command.anonymous && !view.allowAnonymous)
			throw new Rejected('anonymous_not_allowed', 'Anonymous posting is off in this session');
		const record = await items.add(trx, session.id, who.participantId!, { ...command, pending: view.preModeration });
		return { records: [record], itemId: (record.event as { item: { id: string } }).item.id };
	},
	'item.edit': async (context, command) => {
		const item = await mustOwn(context, command.itemId);
		return { records: [await items.edit(context.trx, item, context.actor, command.text)], itemId: item.id };
	},
	'item.delete': async (context, command) => {
		const item = await mustOwn(context, command.itemId);
		return { records: [await items.remove(context.trx, item, context.actor)], itemId: item.id };
	},
	/** Support (+1) for another's item that the room can see; one's own needs none. */
	'item.support': async (context, command) => {
		const item = await mustFind(context, command.itemId);
		const participantId = context.who.participantId!;
		if (item.status !== 'visible') throw new Rejected('not_found', 'No such item');
		if (item.author_id === participantId) throw new Rejected('invalid_input', 'One does not support one’s own item');
		const support = { itemId: item.id, participantId };
		return { records: await supports.set(context.trx, context.session.id, support, command.supported), itemId: item.id };
	},
	'item.hide': async (context, command) => {
		const item = await mustFind(context, command.itemId);
		return { records: [await items.hide(context.trx, item, command.reason)], itemId: item.id };
	},
	'item.restore': async (context, command) => {
		const item = await mustFind(context, command.itemId);
		if (item.status !== 'hidden') throw new Rejected('invalid_input', 'The item is not hidden');
		return { records: [await items.show(context.trx, item)], itemId: item.id };
	},
	'item.approve': async (context, command) => {
		const item = await mustFind(context, command.itemId);
		if (item.status !== 'pending') throw new Rejected('invalid_input', 'The item is not waiting for approval');
		return { records: [await items.show(context.trx, item)], itemId: item.id };
	},
	'item.merge': async (context, command) => {
		const target = await mustFind(context, command.targetId);
		const sourceIds = [...new Set(command.sourceIds)];
		if (sourceIds.includes(target.id)) throw new Rejected('invalid_input', 'An item cannot be merged into itself');
		const sources: items.ItemRow[] = [];
		for (const id of sourceIds) sources.push(await mustFind(context, id));
		return { records: [await items.merge(context.trx, target, sources)], itemId: target.id };
	},
	'item.theme': async (context, command) => {
		const item = await mustFind(context, command.itemId);
		if (command.themeId && !(await themes.find(context.trx, context.session.id, command.themeId)))
			throw new Rejected('not_found', 'No such theme');
		return { records: [await items.setTheme(context.trx, item, command.themeId)], itemId: item.id };
	}
} satisfies Handlers;

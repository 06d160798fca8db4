/** Whether this phone supports (+1) an item, as it believes it: the board, then its unsent taps. Pure. */
import type { Support } from '../domain/types';
import type { Command } from '../realtime/contract';

export function supportsItem(itemId: string, participantId: string, supports: Support[], pending: Command[]): boolean {
	let supported = supports.some((s) => s.itemId === itemId && s.participantId === participantId);
	for (const command of pending) if (command.type === 'item.support' && command.itemId === itemId) supported = command.supported;
	return supported;
}
